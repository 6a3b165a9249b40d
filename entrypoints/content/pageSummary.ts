// Answers the popup's "what is on this page": counted from the badge rows actually shown.
import { BADGE_TAG } from '@/components/badgeRow';
import type { PageSummary } from '@/utils/messaging';
import type { SiteId } from '@/utils/sites/types';

export function pageSummary(
  doc: Document,
  site: SiteId,
  siteEnabled: boolean,
  familyName: (id: string) => string,
): PageSummary {
  const counts = new Map<string, number>();
  const rows = doc.querySelectorAll(BADGE_TAG);
  for (const row of rows)
    for (const pill of row.shadowRoot?.querySelectorAll<HTMLElement>('.ff-pill') ?? []) {
      const id = pill.dataset.family ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  const families = [...counts]
    .map(([id, posts]) => ({ id, name: familyName(id), posts }))
    .sort((a, b) => b.posts - a.posts);
  return { site, siteEnabled, posts: rows.length, families };
}

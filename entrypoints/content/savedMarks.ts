// Shows which badged posts are saved: one storage read per batch of new rows, then live updates
// from storage.onChanged when any tab saves or unsaves. Reading is fine here; only the
// background writes saved posts.
import { BADGE_TAG } from '@/components/badgeRow';
import { SAVED_PREFIX } from '@/utils/saved/keys';

// Compared as data, not spliced into a selector: post keys come from the page.
const hostFor = (doc: Document, postKey: string) =>
  Array.from(doc.querySelectorAll<HTMLElement>(BADGE_TAG)).find(
    (h) => h.getAttribute('data-ff-key') === postKey,
  ) ?? null;

function setSaved(host: Element | null, saved: boolean): void {
  if (saved) host?.setAttribute('data-saved', '');
  else host?.removeAttribute('data-saved');
}

export function trackSavedMarks(doc: Document) {
  // A removal arrives without newValue (browsers) or with null (fake-browser): both mean unsaved.
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    for (const [key, change] of Object.entries(changes)) {
      if (!key.startsWith(SAVED_PREFIX)) continue;
      setSaved(hostFor(doc, key.slice(SAVED_PREFIX.length)), change.newValue != null);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return {
    mark(hosts: Element[]) {
      const keys = hosts.map((host) => SAVED_PREFIX + (host.getAttribute('data-ff-key') ?? ''));
      void browser.storage.local.get(keys).then((found) => {
        // New rows start unmarked: only the saved ones need a write.
        hosts.forEach((host, i) => {
          if (found[keys[i]!] != null) setSaved(host, true);
        });
      });
    },
    stop: () => browser.storage.onChanged.removeListener(listener),
  };
}

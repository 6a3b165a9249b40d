// Search, filter and sort for the options-page manager. Pure functions over SavedPost arrays.
import type { SavedFilter, SavedPost, SavedSort } from './types';

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

/** Text the search box matches: post text, author, note, tags, site and model names. */
function haystack(p: SavedPost): string {
  return fold(
    [
      p.text,
      p.author ?? '',
      p.note,
      p.tags.join(' '),
      p.site,
      ...p.models.map((m) => `${m.family} ${m.modelId ?? ''} ${m.version ?? ''}`),
    ].join('\n'),
  );
}

/** Start of a bound: a bare date means 00:00 UTC that day. */
function lowerBound(s: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00.000Z` : s);
}

/** End of a bound: a bare date means the last millisecond of that day (UTC). */
function upperBound(s: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T23:59:59.999Z`) : Date.parse(s);
}

/**
 * Keeps posts matching every given criterion. The query is split on whitespace and every word must
 * appear (case-insensitive); families, sites and tags each match any one listed; from/to are
 * inclusive. An empty or unparseable criterion is ignored.
 */
export function filterSaved(posts: readonly SavedPost[], filter: SavedFilter = {}): SavedPost[] {
  const words = fold(filter.query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const families = filter.families?.length ? new Set(filter.families) : null;
  const sites = filter.sites?.length ? new Set<string>(filter.sites) : null;
  const tags = filter.tags?.length ? new Set(filter.tags.map(fold)) : null;
  const from = filter.from ? lowerBound(filter.from) : NaN;
  const to = filter.to ? upperBound(filter.to) : NaN;
  return posts.filter((p) => {
    if (families && !p.models.some((m) => families.has(m.family))) return false;
    if (sites && !sites.has(p.site)) return false;
    if (tags && !p.tags.some((t) => tags.has(fold(t)))) return false;
    const at = Date.parse(p.savedAt);
    if (!Number.isNaN(from) && at < from) return false;
    if (!Number.isNaN(to) && at > to) return false;
    if (words.length) {
      const text = haystack(p);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * A sorted copy. savedAt defaults to newest first, site and author to A–Z; posts without an author
 * go last either way; ties fall back to newest savedAt, then key, so the order is stable.
 */
export function sortSaved(posts: readonly SavedPost[], sort: SavedSort): SavedPost[] {
  const dir = (sort.direction ?? (sort.by === 'savedAt' ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const tie = (a: SavedPost, b: SavedPost) =>
    b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key);
  return [...posts].sort((a, b) => {
    switch (sort.by) {
      case 'savedAt':
        return dir * a.savedAt.localeCompare(b.savedAt) || a.key.localeCompare(b.key);
      case 'site':
        return dir * collator.compare(a.site, b.site) || tie(a, b);
      case 'author': {
        if (a.author === null || b.author === null) {
          return (a.author === null ? 1 : 0) - (b.author === null ? 1 : 0) || tie(a, b);
        }
        return dir * collator.compare(a.author, b.author) || tie(a, b);
      }
    }
  });
}

/** Model families present in `posts`, with how many posts mention each, most first. */
export function familyCounts(posts: readonly SavedPost[]): { family: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const p of posts) {
    for (const family of new Set(p.models.map((m) => m.family))) {
      counts.set(family, (counts.get(family) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([family, count]) => ({ family, count }))
    .sort((a, b) => b.count - a.count || a.family.localeCompare(b.family));
}

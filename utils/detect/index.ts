// The detector: which AI video models a post names. Everything it knows (aliases, context words
// per language, collision groups, versions) comes from the dataset's detection section, compiled
// once by compileMatcher; detectMentions then scans a post in one pass.
import type { Mention } from './types';

export type { Mention } from './types';
export { compileMatcher, type Matcher } from './compile';
export { detectInSlices, detectMentions, type SlicedDetection } from './scan';

/** The post's labels as the corpus writes them: sorted family ids, unique `family@version`. */
export function summarize(mentions: Mention[]): { labels: string[]; versions: string[] } {
  const labels = [...new Set(mentions.map((m) => m.family))].sort();
  const versions = [
    ...new Set(mentions.filter((m) => m.version).map((m) => `${m.family}@${m.version}`)),
  ];
  return { labels, versions };
}

// Markdown export: a readable list grouped by model family. Every string from a post or the user
// is escaped, so post text cannot become headings, links, images, HTML or emphasis.
import { modelLabel } from './export-csv';
import { exportFilename } from './export-json';
import type { ExportFile, SavedPost } from './types';

/**
 * Escapes Markdown inline syntax (CommonMark + GFM: emphasis, code, links, images, HTML, entities,
 * tables, strikethrough, math) with backslashes, and block syntax at the start of the string
 * (headings, lists, quotes, thematic breaks, setext underlines). Newlines become spaces; use
 * escapeMarkdownBlock for multi-line text.
 */
export function escapeMarkdown(s: string): string {
  const inline = s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&$]/g, '\\$&')
    .trim();
  return inline.replace(/^([-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Each line of `s`, escaped and stripped of leading indentation (which would start code blocks). */
export function escapeMarkdownLines(s: string): string[] {
  return s.split(/\r\n|[\r\n\u2028\u2029]/).map((l) => escapeMarkdown(l.replace(/^\s+/, '')));
}

function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    // The WHATWG serialiser percent-encodes spaces, quotes and < > in every part except the
    // fragment; encode them there too so the <destination> cannot be broken out of.
    return u.href.replace(/[\s<>"`]/g, (c) => encodeURIComponent(c));
  } catch {
    return null;
  }
}

const OTHER = '\u0000other';

function groups(
  posts: readonly SavedPost[],
  names: Record<string, string>,
): { title: string; posts: SavedPost[] }[] {
  const byFamily = new Map<string, SavedPost[]>();
  for (const p of posts) {
    const families = [...new Set(p.models.map((m) => m.family))];
    for (const f of families.length ? families : [OTHER]) {
      const list = byFamily.get(f);
      if (list) list.push(p);
      else byFamily.set(f, [p]);
    }
  }
  const title = (f: string) => (f === OTHER ? 'No model detected' : (names[f] ?? f));
  return [...byFamily]
    .sort(([a], [b]) =>
      a === OTHER ? 1 : b === OTHER ? -1 : title(a).localeCompare(title(b), 'en'),
    )
    .map(([f, list]) => ({
      title: title(f),
      posts: [...list].sort(
        (a, b) => b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key),
      ),
    }));
}

function item(p: SavedPost): string[] {
  const head = [
    p.author ? `**${escapeMarkdown(p.author)}**` : '*unknown author*',
    escapeMarkdown(p.site),
    `saved ${p.savedAt.slice(0, 10)}`,
  ];
  const models = p.models.map((m) => escapeMarkdown(modelLabel(m))).join(', ');
  if (models) head.push(models);
  const href = safeHref(p.url);
  if (href) head.push(`[open post](<${href}>)`);
  const out = [`- ${head.join(' · ')}`, ''];
  for (const l of escapeMarkdownLines(p.text.trim())) out.push(l ? `  > ${l}` : '  >');
  const details: string[] = [];
  if (p.platformLabel) details.push(`Platform label: ${escapeMarkdown(p.platformLabel)}`);
  details.push(p.hasVideo ? 'Has video' : 'No video');
  if (p.tags.length) details.push(`Tags: ${p.tags.map(escapeMarkdown).join(', ')}`);
  out.push('', `  ${details.join(' · ')}`);
  if (p.note) {
    out.push('', `  Note: ${escapeMarkdownLines(p.note).filter(Boolean).join(' ')}`);
  }
  out.push('');
  return out;
}

export interface MarkdownOptions {
  /** Family display names for the headings (`veo` → `Veo`); the id is used when missing. */
  familyNames?: Record<string, string>;
}

export function toMarkdown(
  posts: readonly SavedPost[],
  now = new Date(),
  options: MarkdownOptions = {},
): string {
  const out = [
    '# Frame Facts: saved posts',
    '',
    `Exported ${now.toISOString()} · ${posts.length} ${posts.length === 1 ? 'post' : 'posts'}`,
    '',
  ];
  if (posts.length === 0) out.push('No saved posts.', '');
  for (const g of groups(posts, options.familyNames ?? {})) {
    out.push(`## ${escapeMarkdown(g.title)} (${g.posts.length})`, '');
    for (const p of g.posts) out.push(...item(p));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

export function exportMarkdown(
  posts: readonly SavedPost[],
  now = new Date(),
  options: MarkdownOptions = {},
): ExportFile {
  return {
    filename: exportFilename('md', now),
    mime: 'text/markdown;charset=utf-8',
    text: toMarkdown(posts, now, options),
  };
}

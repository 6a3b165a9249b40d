// Import of a JSON file from an earlier export. Two stages, both pure:
// 1. parseImportFile: the file as a whole. Not JSON, not our format, a newer version, too big or
//    too many posts → a clear message and nothing changes.
// 2. Per entry: each post is validated on its own. A file with some bad entries imports the good
//    ones; the bad ones are listed in the report by index with the reason (rather than refusing
//    the whole file, so one damaged entry does not cost the user the rest of a backup).
// mergeImported then merges by key: the entry with the newer savedAt wins (ties go to the newer
// updatedAt, so a later note edit carries over); identical or older entries count as unchanged.
import { z } from 'zod';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-json';
import { describeIssue, savedPostSchema } from './schema';
import type { ImportReport, SavedPost } from './types';

/**
 * Upper bound on the file's length in UTF-16 units. storage.local holds 10 MB in Chrome, and a
 * 10,000-post export is about 8 MB, so real exports fit with room to spare; the UI should check
 * File.size against it before reading (and before sending the text in a message).
 */
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_POSTS = 25_000;

export type ParsedImport =
  | { ok: true; posts: { index: number; post: SavedPost }[]; rejected: ImportReport['rejected'] }
  | { ok: false; error: 'invalid-file'; message: string };

const envelope = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number(),
  exportedAt: z.string().max(100).optional(),
  posts: z.array(z.unknown()),
});

const fail = (message: string): ParsedImport => ({ ok: false, error: 'invalid-file', message });

export function parseImportFile(text: string): ParsedImport {
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > MAX_IMPORT_CHARS) {
    return fail(
      `The file is too large (over ${Math.round(MAX_IMPORT_CHARS / 1_000_000)} MB) to be a Frame Facts export.`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('The file is not valid JSON. Choose a .json file exported by Frame Facts.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail('The file is not a Frame Facts export of saved posts.');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== EXPORT_FORMAT) {
    return fail('The file is not a Frame Facts export of saved posts.');
  }
  if (typeof record.version === 'number' && record.version > EXPORT_VERSION) {
    return fail('The file was exported by a newer version of Frame Facts. Update, then try again.');
  }
  if (record.version !== EXPORT_VERSION) {
    return fail('The file has an unknown export version.');
  }
  if (Array.isArray(record.posts) && record.posts.length > MAX_IMPORT_POSTS) {
    return fail(`The file has more than ${MAX_IMPORT_POSTS.toLocaleString('en')} posts.`);
  }
  const top = envelope.safeParse(data);
  if (!top.success) {
    return fail(`The file is not a valid Frame Facts export (${describeIssue(top.error)}).`);
  }
  const posts: { index: number; post: SavedPost }[] = [];
  const rejected: ImportReport['rejected'] = [];
  top.data.posts.forEach((entry, index) => {
    const result = savedPostSchema.safeParse(entry);
    if (result.success) posts.push({ index, post: result.data });
    else rejected.push({ index, reason: describeIssue(result.error) });
  });
  return { ok: true, posts, rejected };
}

/** Whether two posts carry the same content (key equal; everything else compared). */
export function samePost(a: SavedPost, b: SavedPost): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(p: SavedPost): unknown[] {
  return [
    p.key,
    p.site,
    p.url,
    p.author,
    p.text,
    p.models.map((m) => [m.family, m.modelId, m.version]),
    p.platformLabel,
    p.hasVideo,
    p.savedAt,
    p.updatedAt,
    p.datasetVersion,
    p.note,
    p.tags,
  ];
}

/** Whether `incoming` should replace `current`: newer savedAt, then newer updatedAt. */
export function isNewer(incoming: SavedPost, current: SavedPost): boolean {
  return (
    incoming.savedAt > current.savedAt ||
    (incoming.savedAt === current.savedAt && incoming.updatedAt > current.updatedAt)
  );
}

/**
 * Merges valid entries into `existing` (post key → post). Returns the posts to write and the report.
 * Entries are applied in file order, so of two entries with one key the newer wins as well (the
 * second counts as updated or unchanged). Every entry is counted once:
 * added + updated + unchanged + rejected.length === the file's posts.length.
 */
export function mergeImported(
  existing: ReadonlyMap<string, SavedPost>,
  parsed: Extract<ParsedImport, { ok: true }>,
): { toWrite: SavedPost[]; report: ImportReport } {
  const state = new Map(existing);
  const changed = new Map<string, SavedPost>();
  const report: ImportReport = { added: 0, updated: 0, unchanged: 0, rejected: parsed.rejected };
  for (const { post } of parsed.posts) {
    const current = state.get(post.key);
    if (!current) {
      report.added += 1;
    } else if (isNewer(post, current) && !samePost(post, current)) {
      report.updated += 1;
    } else {
      report.unchanged += 1;
      continue;
    }
    state.set(post.key, post);
    changed.set(post.key, post);
  }
  return { toWrite: [...changed.values()], report };
}

// JSON export: complete and versioned, the one format import.ts reads back.
import type { ExportFile, SavedPost } from './types';

export const EXPORT_FORMAT = 'frame-facts-saved-posts';
export const EXPORT_VERSION = 1;

export interface SavedPostsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  posts: SavedPost[];
}

/** `frame-facts-saved-2026-11-26.json`: the user's local date, as a download name. */
export function exportFilename(extension: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `frame-facts-saved-${date}.${extension}`;
}

export function exportJson(posts: readonly SavedPost[], now = new Date()): ExportFile {
  const doc: SavedPostsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    // Fixed field order, so files diff well and golden tests are stable.
    posts: posts.map((p) => ({
      key: p.key,
      site: p.site,
      url: p.url,
      author: p.author,
      text: p.text,
      models: p.models.map((m) => ({ family: m.family, modelId: m.modelId, version: m.version })),
      platformLabel: p.platformLabel,
      hasVideo: p.hasVideo,
      savedAt: p.savedAt,
      updatedAt: p.updatedAt,
      datasetVersion: p.datasetVersion,
      note: p.note,
      tags: [...p.tags],
    })),
  };
  return {
    filename: exportFilename('json', now),
    mime: 'application/json',
    text: `${JSON.stringify(doc, null, 2)}\n`,
  };
}

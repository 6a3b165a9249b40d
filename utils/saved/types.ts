// Saved posts: what "Save" on a fact card keeps, and the results the background hands back.
// The background owns the store (utils/saved/service.ts); every other context asks it by message.
import type { Mention } from '../detect/types';
import type { PostSnapshot, SiteId } from '../sites/types';

/** One detected model, deduplicated per post (family + model + version). */
export interface SavedModel {
  family: string;
  modelId: string | null;
  version: string | null;
}

export interface SavedPost {
  /** The adapter's post key (`x:1234`); the identity, so saving twice updates. */
  key: string;
  site: SiteId;
  /** Permalink; http(s) only, otherwise null. */
  url: string | null;
  author: string | null;
  text: string;
  models: SavedModel[];
  /** The platform's own AI label where it showed one. */
  platformLabel: string | null;
  hasVideo: boolean;
  /** ISO 8601 (UTC): when Save was last pressed for this post. */
  savedAt: string;
  /** ISO 8601 (UTC): last change of any kind (save, note or tags), never before savedAt. */
  updatedAt: string;
  /** The dataset version the card showed when saved; null if none was installed. */
  datasetVersion: number | null;
  note: string;
  tags: string[];
}

/** What the content script sends when the user saves a post. */
export interface SavePostInput {
  site: SiteId;
  post: PostSnapshot;
  /** The post's mentions; only family, modelId and version are kept. */
  mentions: Pick<Mention, 'family' | 'modelId' | 'version'>[];
  datasetVersion: number | null;
  note?: string;
  tags?: string[];
}

export interface UpdateSavedInput {
  key: string;
  note?: string;
  tags?: string[];
}

export type SavedErrorCode =
  /** The browser's storage quota is used up; nothing was changed. */
  | 'storage-full'
  /** Storage failed for another reason; nothing was changed. */
  | 'storage-failed'
  /** The request itself was malformed. */
  | 'invalid-input'
  | 'not-found'
  /** An import file that is not a usable Frame Facts export; nothing was changed. */
  | 'invalid-file';

export interface SavedFailure {
  ok: false;
  error: SavedErrorCode;
  /** An English sentence the UI may show as is. */
  message: string;
}

export type SaveResult = { ok: true; post: SavedPost; created: boolean } | SavedFailure;
export type UnsaveResult = { ok: true; removed: boolean } | SavedFailure;
export type UpdateSavedResult = { ok: true; post: SavedPost } | SavedFailure;
export type ListSavedResult = { ok: true; posts: SavedPost[] } | SavedFailure;
export type CountSavedResult = { ok: true; count: number } | SavedFailure;
/** Which of the asked keys are saved (for the card's Save / Saved state). */
export type SavedKeysResult = { ok: true; saved: string[] } | SavedFailure;

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries left out, by their index in the file's `posts` array. */
  rejected: { index: number; reason: string }[];
}

export type ImportResult =
  { ok: true; report: ImportReport } | (SavedFailure & { report?: ImportReport });

export type ExportFormat = 'json' | 'csv' | 'markdown';

/** What an export produces; the UI turns it into a download. */
export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

export type ExportResult = { ok: true; file: ExportFile; count: number } | SavedFailure;

export type SortField = 'savedAt' | 'site' | 'author';

export interface SavedFilter {
  /** Case-insensitive substring of text, author, note or tags. */
  query?: string;
  families?: string[];
  sites?: SiteId[];
  /** Inclusive bounds on savedAt, ISO 8601 (a bare YYYY-MM-DD `to` covers that whole day, UTC). */
  from?: string;
  to?: string;
  tags?: string[];
}

export interface SavedSort {
  by: SortField;
  direction?: 'asc' | 'desc';
}

export interface ExportRequest {
  format: ExportFormat;
  /** Export only these keys (a selection in the manager); all posts when absent. */
  keys?: string[];
  filter?: SavedFilter;
  sort?: SavedSort;
  /** Family display names for the Markdown headings (`veo` → `Veo`). */
  familyNames?: Record<string, string>;
}

// The saved-posts store over browser.storage.local: one key per post (`saved:<postKey>`), so a
// write touches only its own post and concurrent saves cannot lose each other. No index is kept:
// listing reads everything and keeps the `saved:` keys (storage.local has no prefix query), which
// leaves nothing that can drift out of step when the service worker is killed mid-write.
// Only the background calls these (through service.ts); the functions throw storage errors as is.
import { SAVED_PREFIX, storageKey } from './keys';
import { parseSavedPost } from './schema';
import type { SavedErrorCode, SavedPost } from './types';

/** All valid saved posts, newest savedAt first. Entries that fail validation are skipped. */
export async function readAllSaved(): Promise<SavedPost[]> {
  const all = await browser.storage.local.get(null);
  const posts: SavedPost[] = [];
  for (const [k, value] of Object.entries(all)) {
    if (!k.startsWith(SAVED_PREFIX)) continue;
    const post = parseSavedPost(value);
    if (post && storageKey(post.key) === k) posts.push(post);
  }
  return posts.sort(newestFirst);
}

export async function countStoredSaved(): Promise<number> {
  const all = await browser.storage.local.get(null);
  return Object.keys(all).filter((k) => k.startsWith(SAVED_PREFIX)).length;
}

/** The saved posts among `keys`, by post key. */
export async function readSaved(keys: readonly string[]): Promise<Map<string, SavedPost>> {
  const found = new Map<string, SavedPost>();
  if (keys.length === 0) return found;
  const stored = await browser.storage.local.get(keys.map(storageKey));
  for (const key of keys) {
    const post = parseSavedPost(stored[storageKey(key)]);
    if (post && post.key === key) found.set(key, post);
  }
  return found;
}

/** Writes posts in one set() call, which storage applies all or nothing. */
export async function writeSaved(posts: readonly SavedPost[]): Promise<void> {
  if (posts.length === 0) return;
  const items: Record<string, SavedPost> = {};
  for (const post of posts) items[storageKey(post.key)] = post;
  await browser.storage.local.set(items);
}

export async function removeSaved(keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await browser.storage.local.remove(keys.map(storageKey));
}

export function newestFirst(a: SavedPost, b: SavedPost): number {
  return b.savedAt.localeCompare(a.savedAt) || a.key.localeCompare(b.key);
}

/**
 * Chrome rejects with "QUOTA_BYTES quota exceeded" (older: "...kQuotaBytes quota exceeded");
 * Firefox's IndexedDB-backed storage.local with a QuotaExceededError.
 */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  return name === 'QuotaExceededError' || /quota/i.test(message);
}

export function storageFailure(error: unknown): {
  ok: false;
  error: SavedErrorCode;
  message: string;
} {
  if (isQuotaError(error)) {
    return {
      ok: false,
      error: 'storage-full',
      message:
        'Browser storage for Frame Facts is full, so nothing was saved. Export and remove some saved posts, then try again.',
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: 'storage-failed',
    message: `Browser storage failed, so nothing was saved (${detail.slice(0, 200)}).`,
  };
}

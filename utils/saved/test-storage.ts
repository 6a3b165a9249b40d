// Storage fakes for saved-posts tests: spies on fakeBrowser.storage.local (restored after each test
// by vitest's restoreMocks).
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

const local = fakeBrowser.storage.local;

/** Makes every storage.local call wait a random 0–3 ms, so concurrent callers interleave. */
export function jitterStorage(): void {
  const delay = () => new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  const remove = local.remove.bind(local);
  vi.spyOn(local, 'get').mockImplementation((async (keys?: unknown) => {
    await delay();
    const result = await get(keys as never);
    await delay();
    return result;
  }) as typeof local.get);
  vi.spyOn(local, 'set').mockImplementation(async (items) => {
    await delay();
    await set(items);
  });
  vi.spyOn(local, 'remove').mockImplementation(async (keys) => {
    await delay();
    await remove(keys);
  });
}

export const storedBytes = (items: Record<string, unknown>) =>
  Object.entries(items).reduce(
    (n, [k, v]) => n + k.length + new TextEncoder().encode(JSON.stringify(v)).length,
    0,
  );

/**
 * Makes storage.local.set reject like Chrome's ("QUOTA_BYTES quota exceeded") when the stored
 * JSON would exceed `quotaBytes`; like the browser, a rejected set() writes nothing.
 */
export function limitStorage(quotaBytes: number): void {
  const get = local.get.bind(local);
  const set = local.set.bind(local);
  vi.spyOn(local, 'set').mockImplementation(async (items) => {
    const next = { ...(await get(null)), ...items };
    if (storedBytes(next) > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    await set(items);
  });
}

/** Makes storage.local.set fail with a non-quota error. */
export function breakStorage(message = 'IO error: database is locked'): void {
  vi.spyOn(local, 'set').mockRejectedValue(new Error(message));
}

/** A snapshot of everything in storage.local. */
export const dumpStorage = () => local.get(null);

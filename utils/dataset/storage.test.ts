import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DATASET_KEY } from './active';
import { installBundledDataset, readStoredDataset } from './storage';

const bundled = JSON.parse(readFileSync('public/dataset.json', 'utf8'));

describe('dataset storage', () => {
  it('installs the bundled copy into empty storage', async () => {
    const active = await installBundledDataset(bundled);
    expect(active.version).toBe(bundled.version);
    expect((await readStoredDataset())?.version).toBe(bundled.version);
  });

  it('keeps a newer refreshed dataset over the bundled one', async () => {
    await fakeBrowser.storage.local.set({
      [DATASET_KEY]: { ...bundled, version: bundled.version + 1 },
    });
    const active = await installBundledDataset(bundled);
    expect(active.version).toBe(bundled.version + 1);
  });

  it('replaces a corrupt stored dataset with the bundled one', async () => {
    await fakeBrowser.storage.local.set({ [DATASET_KEY]: { version: 'broken' } });
    expect((await installBundledDataset(bundled)).version).toBe(bundled.version);
  });

  it('refuses a broken bundled dataset with a clear error', async () => {
    await expect(installBundledDataset({ ...bundled, models: [] })).rejects.toThrow(
      /bundled dataset invalid at models/,
    );
  });
});

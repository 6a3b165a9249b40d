import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DATASET_KEY, readActiveDataset, watchActiveDataset } from './active';
import type { Dataset } from './schema';

const bundled = JSON.parse(readFileSync('public/dataset.json', 'utf8')) as Dataset;

describe('active dataset (content side)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the dataset the background stored', async () => {
    expect(await readActiveDataset()).toBeNull();
    await fakeBrowser.storage.local.set({ [DATASET_KEY]: bundled });
    expect((await readActiveDataset())?.version).toBe(bundled.version);
  });

  it('waits for the background when storage holds another format', async () => {
    for (const stored of [
      { ...bundled, schemaVersion: 2 },
      { ...bundled, families: 'nope' },
      { ...bundled, detection: {} },
      'dataset',
    ]) {
      await fakeBrowser.storage.local.set({ [DATASET_KEY]: stored });
      expect(await readActiveDataset()).toBeNull();
    }
  });

  it('tells watchers about new datasets in the current format only', async () => {
    const seen = vi.fn();
    const stop = watchActiveDataset(seen);
    await fakeBrowser.storage.local.set({ [DATASET_KEY]: { nope: true } });
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.local.set({ [DATASET_KEY]: bundled });
    expect(seen).toHaveBeenCalledOnce();
    expect(seen.mock.calls[0]![0].version).toBe(bundled.version);
    stop();
    await fakeBrowser.storage.local.set({ [DATASET_KEY]: { ...bundled, version: 99 } });
    expect(seen).toHaveBeenCalledOnce();
  });
});

import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_REFRESH_INTERVAL_HOURS, MAX_REFRESH_INTERVAL_HOURS } from './config';
import {
  emptyStatus,
  getDatasetStatus,
  normaliseRefreshInterval,
  readRefreshInterval,
  readStatus,
  REFRESH_INTERVAL_KEY,
  STATUS_KEY,
  writeRefreshInterval,
  writeStatus,
} from './status';
import { DATASET_KEY } from './active';

beforeEach(() => fakeBrowser.reset());

describe('datasetStatus record', () => {
  it('reads as empty when missing or corrupt, field by field', async () => {
    expect(await readStatus()).toEqual(emptyStatus);
    await fakeBrowser.storage.local.set({ [STATUS_KEY]: 'garbage' });
    expect(await readStatus()).toEqual(emptyStatus);
    await fakeBrowser.storage.local.set({
      [STATUS_KEY]: { lastCheck: 5, lastError: 42, etag: '"x"', version: -1 },
    });
    expect(await readStatus()).toEqual({ ...emptyStatus, lastCheck: 5, etag: '"x"' });
  });

  it('round-trips', async () => {
    const status = { ...emptyStatus, version: 3, lastCheck: 1, lastError: 'HTTP 500' };
    await writeStatus(status);
    expect(await readStatus()).toEqual(status);
  });

  it('is null in getDatasetStatus until a dataset is installed', async () => {
    await writeStatus({ ...emptyStatus, lastError: 'x' });
    expect(await getDatasetStatus()).toBeNull();
  });

  it('reports the active dataset even if the record is about another version', async () => {
    const bundled = JSON.parse(readFileSync('public/dataset.json', 'utf8'));
    await fakeBrowser.storage.local.set({ [DATASET_KEY]: bundled });
    await writeStatus({ ...emptyStatus, version: 1, etag: '"old"', lastCheck: 7 });
    expect(await getDatasetStatus()).toMatchObject({
      version: bundled.version,
      asOf: bundled.asOf,
      lastCheck: 7,
      etag: null,
      refreshIntervalHours: DEFAULT_REFRESH_INTERVAL_HOURS,
    });
  });
});

describe('refreshIntervalHours setting', () => {
  it.each([
    [undefined, DEFAULT_REFRESH_INTERVAL_HOURS],
    [null, DEFAULT_REFRESH_INTERVAL_HOURS],
    ['soon', DEFAULT_REFRESH_INTERVAL_HOURS],
    [Number.NaN, DEFAULT_REFRESH_INTERVAL_HOURS],
    [0, 0],
    ['0', 0],
    ['off', 0],
    [false, 0],
    [-5, 0],
    [6, 6],
    ['12', 12],
    [0.01, 1],
    [1e9, MAX_REFRESH_INTERVAL_HOURS],
  ])('%j -> %j', (value, hours) => {
    expect(normaliseRefreshInterval(value)).toBe(hours);
  });

  it('is stored in storage.local, normalised', async () => {
    expect(await readRefreshInterval()).toBe(DEFAULT_REFRESH_INTERVAL_HOURS);
    await writeRefreshInterval(0);
    expect(await readRefreshInterval()).toBe(0);
    await writeRefreshInterval(100_000);
    expect((await fakeBrowser.storage.local.get(REFRESH_INTERVAL_KEY))[REFRESH_INTERVAL_KEY]).toBe(
      MAX_REFRESH_INTERVAL_HOURS,
    );
  });
});

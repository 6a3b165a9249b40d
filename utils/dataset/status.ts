// What the popup shows about the dataset: which one is active and how the last update check went.
// Kept in storage.local (`datasetStatus`) because the service worker forgets everything when killed.
import { z } from 'zod';
import {
  DEFAULT_REFRESH_INTERVAL_HOURS,
  MAX_REFRESH_INTERVAL_HOURS,
  MIN_REFRESH_INTERVAL_HOURS,
} from './config';
import { readStoredDataset } from './storage';

export const STATUS_KEY = 'datasetStatus';
export const REFRESH_INTERVAL_KEY = 'refreshIntervalHours';

/** The stored record. Times are epoch milliseconds. */
export interface StoredDatasetStatus {
  /** Version the `etag` belongs to; the active dataset's version after a successful update. */
  version: number | null;
  /** Last update check, whatever its outcome. */
  lastCheck: number | null;
  /** Last check that left the dataset current (new version installed, 304, or same version). */
  lastSuccess: number | null;
  /** When a dataset from the feed was last swapped in. */
  lastUpdate: number | null;
  /** Why the last check failed, in words; null after a good check. */
  lastError: string | null;
  /** The feed's ETag for `version`, sent back as If-None-Match. */
  etag: string | null;
}

/** What getDatasetStatus / refreshDataset answer. */
export interface DatasetStatus {
  /** The active dataset's version and research date. */
  version: number;
  asOf: string;
  lastCheck: number | null;
  lastSuccess: number | null;
  lastUpdate: number | null;
  lastError: string | null;
  etag: string | null;
  /** Hours between background checks; 0 = off. */
  refreshIntervalHours: number;
}

export const emptyStatus: StoredDatasetStatus = {
  version: null,
  lastCheck: null,
  lastSuccess: null,
  lastUpdate: null,
  lastError: null,
  etag: null,
};

const time = z.number().int().nonnegative().nullable().catch(null);
const statusShape = z.object({
  version: z.number().int().positive().nullable().catch(null),
  lastCheck: time,
  lastSuccess: time,
  lastUpdate: time,
  lastError: z.string().max(1_000).nullable().catch(null),
  etag: z.string().max(200).nullable().catch(null),
});

/** A missing or corrupt record reads as empty, field by field. */
export async function readStatus(): Promise<StoredDatasetStatus> {
  const stored = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY];
  if (typeof stored !== 'object' || stored === null) return { ...emptyStatus };
  return statusShape.parse({ ...emptyStatus, ...stored });
}

export async function writeStatus(status: StoredDatasetStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
}

/** 0 (or false / "off") = off; anything unreadable = the default; else clamped to 1 h … 30 days. */
export function normaliseRefreshInterval(value: unknown): number {
  if (value === 0 || value === false || value === 'off') return 0;
  const hours = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof hours !== 'number' || !Number.isFinite(hours)) return DEFAULT_REFRESH_INTERVAL_HOURS;
  if (hours <= 0) return 0;
  return Math.min(MAX_REFRESH_INTERVAL_HOURS, Math.max(MIN_REFRESH_INTERVAL_HOURS, hours));
}

export async function readRefreshInterval(): Promise<number> {
  const stored = await browser.storage.local.get(REFRESH_INTERVAL_KEY);
  return normaliseRefreshInterval(stored[REFRESH_INTERVAL_KEY]);
}

/** The background reschedules (or removes) its alarm when this changes. */
export async function writeRefreshInterval(hours: number): Promise<void> {
  await browser.storage.local.set({ [REFRESH_INTERVAL_KEY]: normaliseRefreshInterval(hours) });
}

/** The active dataset plus the check record; null before any dataset is installed. */
export async function getDatasetStatus(): Promise<DatasetStatus | null> {
  const [dataset, status, refreshIntervalHours] = await Promise.all([
    readStoredDataset(),
    readStatus(),
    readRefreshInterval(),
  ]);
  if (!dataset) return null;
  return {
    version: dataset.version,
    asOf: dataset.asOf,
    lastCheck: status.lastCheck,
    lastSuccess: status.lastSuccess,
    lastUpdate: status.lastUpdate,
    lastError: status.lastError,
    // The etag describes the feed's copy of `status.version`; only meaningful if that is active.
    etag: status.version === dataset.version ? status.etag : null,
    refreshIntervalHours,
  };
}

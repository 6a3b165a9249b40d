// Fetches the signed update feed and swaps in a newer dataset, or keeps the last good one and says why.
// Order of trust: size-capped download -> feed shape -> pinned key -> signature -> schema -> version.
// Nothing is written until everything passed, and then the dataset and its status go in one set(),
// so a service worker killed at any point leaves either the old dataset or the new one, never half.
import type { Browser } from 'wxt/browser';
import { buildFeedConfig, type FeedConfig } from './config';
import { parseFeed } from './feed';
import { parseDataset } from './parse';
import type { Dataset } from './schema';
import {
  readRefreshInterval,
  readStatus,
  STATUS_KEY,
  writeStatus,
  type StoredDatasetStatus,
} from './status';
import { DATASET_KEY } from './active';
import { readStoredDataset } from './storage';
import { importPublicKey, verifySignature } from './verify';

export const REFRESH_ALARM = 'dataset-refresh';
/** First check after install (or after the interval changes with no check on record). */
export const FIRST_CHECK_DELAY_MINUTES = 1;
const MAX_ERROR_LENGTH = 500;

export type RefreshOutcome = 'updated' | 'not-modified' | 'unchanged' | 'failed';

export interface RefreshResult {
  outcome: RefreshOutcome;
  /** The readable reason, also stored as status.lastError; null unless outcome is 'failed'. */
  error: string | null;
  /** The active dataset's version after the check (null if storage holds none). */
  version: number | null;
}

export interface RefreshDeps {
  /** Defaults to this build's configuration (WXT_DATASET_*). */
  config?: FeedConfig;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Epoch milliseconds; defaults to Date.now. */
  now?: () => number;
}

/** A failure with a message fit for the popup. */
class FeedError extends Error {}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Download = { kind: 'not-modified' } | { kind: 'body'; text: string; etag: string | null };

async function readCapped(
  response: Response,
  maxBytes: number,
  aborted: Promise<never>,
): Promise<Uint8Array> {
  if (!response.body) {
    const buffer = new Uint8Array(await Promise.race([response.arrayBuffer(), aborted]));
    if (buffer.byteLength > maxBytes)
      throw new FeedError(`feed is larger than the ${megabytes(maxBytes)} limit; not used`);
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes)
        throw new FeedError(
          `feed is larger than the ${megabytes(maxBytes)} limit; download stopped`,
        );
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    if (error instanceof FeedError) throw error;
    throw new FeedError(`feed download broke off: ${describe(error)}`);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

async function download(
  config: FeedConfig,
  fetchFeed: typeof fetch,
  etag: string | null,
): Promise<Download> {
  const controller = new AbortController();
  const timeoutMessage = `feed did not arrive within ${Math.round(config.timeoutMs / 1000)} s`;
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new FeedError(timeoutMessage));
  });
  aborted.catch(() => undefined);
  const timer = setTimeout(() => {
    onAbort();
    controller.abort();
  }, config.timeoutMs);
  try {
    let response: Response;
    try {
      response = await Promise.race([
        fetchFeed(config.url, {
          signal: controller.signal,
          headers: etag ? { 'If-None-Match': etag } : {},
          cache: 'no-store',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        }),
        aborted,
      ]);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw new FeedError(`feed download failed: ${describe(error)}`);
    }
    if (response.status === 304) {
      if (!etag) throw new FeedError('feed answered 304 Not Modified to an unconditional request');
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      const text = response.statusText ? ` ${response.statusText}` : '';
      throw new FeedError(`feed server answered HTTP ${response.status}${text}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > config.maxBytes)
      throw new FeedError(
        `feed is ${megabytes(declared)}, over the ${megabytes(config.maxBytes)} limit; not downloaded`,
      );
    const bytes = await readCapped(response, config.maxBytes, aborted);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new FeedError('feed is not valid UTF-8');
    }
    return { kind: 'body', text, etag: response.headers.get('etag') };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Checks the feed's text all the way to a valid dataset, or throws a FeedError saying what failed. */
export async function verifiedDataset(text: string, config: FeedConfig): Promise<Dataset> {
  const feed = parseFeed(text);
  if (!feed.ok) throw new FeedError(feed.error);
  const { payload, signature, keyId } = feed.feed;
  const pinned = config.keys.find((k) => k.keyId === keyId);
  if (!pinned) throw new FeedError(`feed is signed with an unknown key "${keyId}"; not used`);
  let key: CryptoKey;
  try {
    key = await importPublicKey(pinned.spki);
  } catch (error) {
    throw new FeedError(`pinned key "${keyId}" cannot be used: ${describe(error)}`);
  }
  if (!(await verifySignature(key, payload, signature)))
    throw new FeedError(`feed signature does not verify with key "${keyId}"; not used`);
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    throw new FeedError('signed payload is not valid JSON; not used');
  }
  const parsed = parseDataset(json);
  if (!parsed.ok) throw new FeedError(`signed ${parsed.error}; not used`);
  return parsed.dataset;
}

async function runRefresh(deps: RefreshDeps): Promise<RefreshResult> {
  const now = deps.now ?? Date.now;
  const fetchFeed = deps.fetch ?? globalThis.fetch.bind(globalThis);
  const previous = await readStatus();
  let current = await readStoredDataset();
  const checked = (): StoredDatasetStatus => ({ ...previous, lastCheck: now() });
  try {
    const config = deps.config ?? buildFeedConfig();
    // The etag only stands for the dataset we hold if it was recorded for that very version.
    const etag =
      previous.etag && current && previous.version === current.version ? previous.etag : null;
    const got = await download(config, fetchFeed, etag);
    if (got.kind === 'not-modified') {
      await writeStatus({ ...checked(), lastSuccess: now(), lastError: null });
      return { outcome: 'not-modified', error: null, version: current?.version ?? null };
    }
    const dataset = await verifiedDataset(got.text, config);
    current = await readStoredDataset();
    if (current && dataset.version < current.version)
      throw new FeedError(
        `feed offers version ${dataset.version}, older than the installed ${current.version}; kept ${current.version}`,
      );
    const status: StoredDatasetStatus = {
      ...checked(),
      version: dataset.version,
      etag: got.etag,
      lastSuccess: now(),
      lastError: null,
    };
    if (current && dataset.version === current.version) {
      await writeStatus(status);
      return { outcome: 'unchanged', error: null, version: current.version };
    }
    // The swap: dataset and status together, one set(), so readers never see a mix.
    await browser.storage.local.set({
      [DATASET_KEY]: dataset,
      [STATUS_KEY]: { ...status, lastUpdate: now() },
    });
    return { outcome: 'updated', error: null, version: dataset.version };
  } catch (error) {
    const message = (
      error instanceof FeedError ? error.message : `update failed: ${describe(error)}`
    ).slice(0, MAX_ERROR_LENGTH);
    try {
      await writeStatus({ ...checked(), lastError: message });
    } catch (writeError) {
      console.error('Frame Facts: dataset status not saved', writeError);
    }
    return { outcome: 'failed', error: message, version: current?.version ?? null };
  }
}

let running: Promise<RefreshResult> | null = null;

/**
 * One update check. Never throws: failures keep the last good dataset and land in
 * datasetStatus.lastError. Concurrent calls (alarm + "refresh now") share one check.
 */
export function refreshDataset(deps: RefreshDeps = {}): Promise<RefreshResult> {
  running ??= runRefresh(deps).finally(() => {
    running = null;
  });
  return running;
}

/**
 * Makes the periodic alarm match the setting: created if missing, replaced if its period differs,
 * removed when refresh is off. Safe to call on every service worker start (alarms persist).
 */
export async function scheduleRefresh(
  hours?: number,
  now: number = Date.now(),
): Promise<Browser.alarms.Alarm | undefined> {
  const interval = hours ?? (await readRefreshInterval());
  if (interval === 0) {
    await browser.alarms.clear(REFRESH_ALARM);
    return undefined;
  }
  const periodInMinutes = interval * 60;
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return existing;
  const { lastCheck } = await readStatus();
  const soonest = now + FIRST_CHECK_DELAY_MINUTES * 60_000;
  const when =
    lastCheck === null ? soonest : Math.max(soonest, lastCheck + periodInMinutes * 60_000);
  await browser.alarms.create(REFRESH_ALARM, { when, periodInMinutes });
  return browser.alarms.get(REFRESH_ALARM);
}

/** The alarm's handler: checks unless the user turned refresh off since the alarm was set. */
export async function refreshOnAlarm(deps: RefreshDeps = {}): Promise<RefreshResult | null> {
  if ((await readRefreshInterval()) === 0) {
    await scheduleRefresh(0);
    return null;
  }
  return refreshDataset(deps);
}

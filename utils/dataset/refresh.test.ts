import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { FeedConfig } from './config';
import { createFeed } from './feed';
import { REFRESH_ALARM, refreshDataset, refreshOnAlarm, scheduleRefresh } from './refresh';
import type { Dataset } from './schema';
import { getDatasetStatus, readStatus, STATUS_KEY, writeRefreshInterval } from './status';
import { DATASET_KEY, watchActiveDataset } from './active';
import { installBundledDataset, readStoredDataset } from './storage';
import { exportPublicKey, generateKeyPair } from './verify';

const KEY_ID = 'test-2026';
const URL_ = 'https://feed.example/dataset/feed.json';
const MB = 1024 * 1024;
const T0 = Date.UTC(2026, 10, 26, 12);

let trusted: CryptoKeyPair;
let stranger: CryptoKeyPair;
let config: FeedConfig;

beforeAll(async () => {
  trusted = await generateKeyPair();
  stranger = await generateKeyPair();
  config = {
    url: URL_,
    keys: [{ keyId: KEY_ID, spki: await exportPublicKey(trusted.publicKey) }],
    maxBytes: 2 * MB,
    timeoutMs: 100,
  };
});

/** A small dataset that passes the schema and its cross-references. */
function makeDataset(version: number): Dataset {
  return {
    schemaVersion: 1,
    version,
    asOf: '2026-11-25',
    families: [{ id: 'sora', name: 'Sora', vendor: 'openai' }],
    vendors: [
      {
        id: 'openai',
        name: 'OpenAI',
        shortName: 'OpenAI',
        country: 'US',
        hqCountry: 'United States',
        hqCity: 'San Francisco',
        founded: 2015,
        parent: null,
        website: 'https://openai.com',
        knownFacts: ['Makes Sora.'],
        sources: ['https://openai.com/sora'],
      },
    ],
    models: [
      {
        id: 'sora-2',
        family: 'sora',
        name: 'Sora 2',
        vendor: 'openai',
        released: '2025-09',
        status: 'GA',
        access: ['Sora app'],
        openWeights: false,
        license: null,
        maxDurationS: 20,
        maxResolution: '1080p',
        nativeAudio: true,
        provenance: 'C2PA',
        pricingNote: null,
        notable: null,
        sources: ['https://openai.com/sora'],
        uncertain: [],
        asOf: '2026-11-25',
      },
    ],
    detection: {
      aliases: [{ text: 'Sora', family: 'sora', ambiguous: true }],
      contextWords: { en: ['ai video'] },
      negativeContext: [],
    },
    corrections: [],
  };
}

const INSTALLED = makeDataset(10);

/** The feed document's text: `payload` is signed as given (object -> JSON text). */
async function feedText(
  payload: unknown,
  { key = trusted.privateKey, keyId = KEY_ID }: { key?: CryptoKey; keyId?: string } = {},
): Promise<string> {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return JSON.stringify(await createFeed(key, keyId, text));
}

type FetchStub = (url: string, init: RequestInit) => Promise<Response>;

function deps(fetchStub: FetchStub, now = T0) {
  const mock = vi.fn(fetchStub);
  return { config, fetch: mock as unknown as typeof fetch, now: () => now, mock };
}

const serve =
  (body: BodyInit | null, init: ResponseInit = {}): FetchStub =>
  async () =>
    new Response(body, { status: 200, ...init });

async function expectKeptWithError(error: RegExp, at = T0): Promise<void> {
  expect(await readStoredDataset()).toEqual(INSTALLED);
  const status = await readStatus();
  expect(status.lastError).toMatch(error);
  expect(status.lastCheck).toBe(at);
  const shown = await getDatasetStatus();
  expect(shown?.version).toBe(10);
  expect(shown?.lastError).toBe(status.lastError);
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installBundledDataset(INSTALLED);
});

describe('refreshDataset: good updates', () => {
  it('swaps in a newer signed dataset in one set() and records the status', async () => {
    const seen: number[] = [];
    const stop = watchActiveDataset((d) => seen.push(d.version));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const d = deps(serve(await feedText(makeDataset(11)), { headers: { ETag: '"v11"' } }));

    const result = await refreshDataset(d);

    expect(result).toEqual({ outcome: 'updated', error: null, version: 11 });
    expect(d.mock).toHaveBeenCalledTimes(1);
    expect(d.mock.mock.calls[0]?.[0]).toBe(URL_);
    expect((await readStoredDataset())?.version).toBe(11);
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object).sort()).toEqual(
      [DATASET_KEY, STATUS_KEY].sort(),
    );
    expect(await getDatasetStatus()).toEqual({
      version: 11,
      asOf: '2026-11-25',
      lastCheck: T0,
      lastSuccess: T0,
      lastUpdate: T0,
      lastError: null,
      etag: '"v11"',
      refreshIntervalHours: 24,
    });
    // Content scripts pick the new dataset up through storage.onChanged.
    expect(seen).toEqual([11]);
    stop();
  });

  it('sends the ETag back and keeps everything on 304 Not Modified, updating lastCheck', async () => {
    await refreshDataset(
      deps(serve(await feedText(makeDataset(11)), { headers: { ETag: 'W/"a"' } })),
    );
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const d = deps(async () => new Response(null, { status: 304 }), T0 + 3_600_000);

    const result = await refreshDataset(d);

    expect(result.outcome).toBe('not-modified');
    const headers = new Headers(d.mock.mock.calls[0]?.[1]?.headers);
    expect(headers.get('If-None-Match')).toBe('W/"a"');
    expect((await readStoredDataset())?.version).toBe(11);
    const status = await readStatus();
    expect(status).toMatchObject({
      lastCheck: T0 + 3_600_000,
      lastSuccess: T0 + 3_600_000,
      lastUpdate: T0,
      lastError: null,
      etag: 'W/"a"',
    });
    expect(set.mock.calls.every(([items]) => !(DATASET_KEY in (items as object)))).toBe(true);
  });

  it('treats the same version as a no-op (no dataset write)', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const result = await refreshDataset(deps(serve(await feedText(makeDataset(10)))));
    expect(result).toEqual({ outcome: 'unchanged', error: null, version: 10 });
    expect(set.mock.calls.every(([items]) => !(DATASET_KEY in (items as object)))).toBe(true);
    expect((await readStatus()).lastSuccess).toBe(T0);
  });

  it('does not send an ETag recorded for a version that is no longer active', async () => {
    await refreshDataset(
      deps(serve(await feedText(makeDataset(11)), { headers: { ETag: '"a"' } })),
    );
    // A newer bundled copy (an extension update) replaces the downloaded one.
    await installBundledDataset(makeDataset(12));
    const d = deps(serve(await feedText(makeDataset(12))));
    await refreshDataset(d);
    expect(new Headers(d.mock.mock.calls[0]?.[1]?.headers).has('If-None-Match')).toBe(false);
  });

  it('fetches without cookies or referrer', async () => {
    const d = deps(serve(await feedText(makeDataset(11))));
    await refreshDataset(d);
    expect(d.mock.mock.calls[0]?.[1]).toMatchObject({
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });

  it('shares one check between concurrent callers', async () => {
    const d = deps(serve(await feedText(makeDataset(11))));
    const [a, b] = await Promise.all([refreshDataset(d), refreshDataset(d)]);
    expect(a).toBe(b);
    expect(d.mock).toHaveBeenCalledTimes(1);
  });

  it('installs the feed copy when storage holds no dataset at all', async () => {
    fakeBrowser.reset();
    const result = await refreshDataset(deps(serve(await feedText(makeDataset(3)))));
    expect(result.outcome).toBe('updated');
    expect((await readStoredDataset())?.version).toBe(3);
  });

  it('keeps HTML and script in facts as inert text', async () => {
    const hostile = makeDataset(11);
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    hostile.vendors[0]!.knownFacts = [html];
    hostile.models[0]!.notable = '"><svg/onload=alert(3)>';
    hostile.models[0]!.name = '<b>Sora</b> 2';

    expect((await refreshDataset(deps(serve(await feedText(hostile))))).outcome).toBe('updated');

    const stored = await readStoredDataset();
    expect(stored?.vendors[0]?.knownFacts[0]).toBe(html);
    expect(stored?.models[0]?.notable).toBe('"><svg/onload=alert(3)>');
    // Rendered the only way the UI renders dataset text, it stays text: no elements appear.
    const el = document.createElement('div');
    el.textContent = stored!.vendors[0]!.knownFacts[0]!;
    expect(el.children).toHaveLength(0);
    expect(el.textContent).toBe(html);
  });
});

describe('refreshDataset: hostile or broken feeds keep the last good dataset', () => {
  it('server error 500', async () => {
    const r = await refreshDataset(
      deps(serve('oops', { status: 500, statusText: 'Server Error' })),
    );
    expect(r.outcome).toBe('failed');
    await expectKeptWithError(/HTTP 500/);
  });

  it('network failure', async () => {
    await refreshDataset(deps(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expectKeptWithError(/download failed: Failed to fetch/);
  });

  it('timeout before the response (aborts the request)', async () => {
    let signal: AbortSignal | undefined;
    const hang: FetchStub = (_url, init) => {
      signal = init.signal ?? undefined;
      return new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    };
    await refreshDataset(deps(hang));
    expect(signal?.aborted).toBe(true);
    await expectKeptWithError(/did not arrive within/);
  });

  it('timeout while the body trickles in (even if fetch ignores the signal)', async () => {
    const endless = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"payload":"'));
      },
    });
    await refreshDataset(deps(serve(endless)));
    await expectKeptWithError(/did not arrive within/);
  });

  it('truncated body', async () => {
    const text = await feedText(makeDataset(11));
    await refreshDataset(deps(serve(text.slice(0, text.length / 2))));
    await expectKeptWithError(/not valid JSON/);
  });

  it('connection dropped mid-body', async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) controller.error(new TypeError('network error'));
        else controller.enqueue(new TextEncoder().encode('{"payload":'));
        sent = true;
      },
    });
    await refreshDataset(deps(serve(broken)));
    await expectKeptWithError(/broke off: network error/);
  });

  it('invalid JSON', async () => {
    await refreshDataset(deps(serve('<html>Gateway</html>')));
    await expectKeptWithError(/not valid JSON/);
  });

  it('invalid UTF-8', async () => {
    await refreshDataset(deps(serve(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))));
    await expectKeptWithError(/not valid UTF-8/);
  });

  it('feed without a signature', async () => {
    await refreshDataset(deps(serve(JSON.stringify({ payload: '{}', keyId: KEY_ID }))));
    await expectKeptWithError(/malformed at signature/);
  });

  it('bad signature (payload changed after signing)', async () => {
    const feed = JSON.parse(await feedText(makeDataset(11)));
    feed.payload = feed.payload.replace('Sora 2', 'Sora 3');
    await refreshDataset(deps(serve(JSON.stringify(feed))));
    await expectKeptWithError(/signature does not verify/);
  });

  it('signature by another key under the pinned key id', async () => {
    await refreshDataset(
      deps(serve(await feedText(makeDataset(11), { key: stranger.privateKey }))),
    );
    await expectKeptWithError(/signature does not verify with key "test-2026"/);
  });

  it('signature that is not base64', async () => {
    const feed = JSON.parse(await feedText(makeDataset(11)));
    feed.signature = '!!not-base64!!';
    await refreshDataset(deps(serve(JSON.stringify(feed))));
    await expectKeptWithError(/signature does not verify/);
  });

  it('unknown keyId', async () => {
    const text = await feedText(makeDataset(11), { key: stranger.privateKey, keyId: 'evil-1' });
    await refreshDataset(deps(serve(text)));
    await expectKeptWithError(/unknown key "evil-1"/);
  });

  it('valid signature over a schema-invalid payload', async () => {
    await refreshDataset(deps(serve(await feedText({ ...makeDataset(11), schemaVersion: 2 }))));
    await expectKeptWithError(/signed dataset invalid at schemaVersion/);
  });

  it('valid signature over a payload that is not JSON', async () => {
    await refreshDataset(deps(serve(await feedText('not json at all'))));
    await expectKeptWithError(/signed payload is not valid JSON/);
  });

  it('valid signature over broken cross-references', async () => {
    const d = makeDataset(11);
    d.models[0]!.family = 'veo';
    await refreshDataset(deps(serve(await feedText(d))));
    await expectKeptWithError(/unknown family "veo"/);
  });

  it('a feed 100x the size limit, streamed: reading stops just past the limit', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * MB) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    await refreshDataset(deps(serve(huge)));
    expect(pulled).toBeLessThan(2 * MB + 4 * chunk.byteLength);
    await expectKeptWithError(/larger than the 2\.0 MB limit/);
  });

  it('a feed whose Content-Length is over the limit is not read at all', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await refreshDataset(deps(serve(body, { headers: { 'Content-Length': String(200 * MB) } })));
    expect(pulled).toBeLessThanOrEqual(1);
    await expectKeptWithError(/200\.0 MB, over the 2\.0 MB limit/);
  });

  it('an older version', async () => {
    const r = await refreshDataset(deps(serve(await feedText(makeDataset(9)))));
    expect(r).toMatchObject({ outcome: 'failed', version: 10 });
    await expectKeptWithError(/version 9, older than the installed 10/);
  });

  it('javascript: URL in sources (schema rejects it)', async () => {
    const d = makeDataset(11);
    d.models[0]!.sources = ['javascript:alert(document.cookie)'];
    await refreshDataset(deps(serve(await feedText(d))));
    await expectKeptWithError(/models\.0\.sources\.0: URLs must be http\(s\)/);
  });

  it('data: URL as a vendor website and in sources (schema rejects it)', async () => {
    const d = makeDataset(11);
    d.vendors[0]!.sources = ['data:text/html,<script>alert(1)</script>'];
    await refreshDataset(deps(serve(await feedText(d))));
    await expectKeptWithError(/vendors\.0\.sources\.0: URLs must be http\(s\)/);

    const w = makeDataset(11);
    w.vendors[0]!.website = 'data:text/html;base64,PHNjcmlwdD4=';
    await refreshDataset(deps(serve(await feedText(w))));
    await expectKeptWithError(/vendors\.0\.website/);
  });

  it('a million-character alias (schema max length)', async () => {
    const d = makeDataset(11);
    d.detection.aliases.push({ text: 'x'.repeat(1_000_000), family: 'sora', ambiguous: false });
    await refreshDataset(deps(serve(await feedText(d))));
    await expectKeptWithError(/detection\.aliases\.1\.text/);
  });

  it('a 304 to a request that had no If-None-Match', async () => {
    await refreshDataset(deps(async () => new Response(null, { status: 304 })));
    await expectKeptWithError(/304 Not Modified to an unconditional request/);
  });

  it('a failure after a success keeps lastSuccess and the etag', async () => {
    await refreshDataset(
      deps(serve(await feedText(makeDataset(11)), { headers: { ETag: '"e"' } })),
    );
    await refreshDataset(deps(serve('', { status: 503 }), T0 + 1000));
    const status = await readStatus();
    expect(status).toMatchObject({
      version: 11,
      lastCheck: T0 + 1000,
      lastSuccess: T0,
      lastError: expect.stringMatching(/HTTP 503/),
      etag: '"e"',
    });
    expect((await readStoredDataset())?.version).toBe(11);
  });

  it('a good check after a failure clears lastError', async () => {
    await refreshDataset(deps(serve('', { status: 500 })));
    await refreshDataset(deps(serve(await feedText(makeDataset(11)))));
    expect((await readStatus()).lastError).toBeNull();
  });
});

describe('refresh alarm', () => {
  it('is created once with the default 24 h period, and not duplicated on restart', async () => {
    await scheduleRefresh(undefined, T0);
    const first = await fakeBrowser.alarms.getAll();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ name: REFRESH_ALARM, periodInMinutes: 24 * 60 });
    const scheduled = first[0]!.scheduledTime;

    await scheduleRefresh(undefined, T0 + 5 * 60_000); // the worker starts again later
    const again = await fakeBrowser.alarms.getAll();
    expect(again).toHaveLength(1);
    expect(again[0]!.scheduledTime).toBe(scheduled);
  });

  it('follows the refreshIntervalHours setting and is removed when refresh is off', async () => {
    await scheduleRefresh(undefined, T0);
    await writeRefreshInterval(6);
    await scheduleRefresh(undefined, T0);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.periodInMinutes).toBe(360);

    await writeRefreshInterval(0);
    await scheduleRefresh(undefined, T0);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(0);
    expect((await getDatasetStatus())?.refreshIntervalHours).toBe(0);
  });

  it('is due one period after the last check when one is on record', async () => {
    await refreshDataset(deps(serve(await feedText(makeDataset(11)))));
    const alarm = await scheduleRefresh(12, T0 + 60 * 60_000);
    expect(alarm?.scheduledTime).toBe(T0 + 12 * 3_600_000);
  });

  it('does not fetch on a stale alarm once refresh is off', async () => {
    await scheduleRefresh(24, T0);
    await writeRefreshInterval(0);
    const d = deps(serve(await feedText(makeDataset(11))));
    expect(await refreshOnAlarm(d)).toBeNull();
    expect(d.mock).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(0);
  });

  it('fetches on the alarm when refresh is on', async () => {
    const d = deps(serve(await feedText(makeDataset(11))));
    expect((await refreshOnAlarm(d))?.outcome).toBe('updated');
    expect(d.mock).toHaveBeenCalledTimes(1);
  });
});

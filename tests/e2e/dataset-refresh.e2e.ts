// End-to-end check of the dataset update feed in real Chromium: the extension is built with the
// feed URL pointing at a local server and a key made at test time, then "Refresh now" in the popup
// fetches signed (and tampered) updates while an X page stays open.
//
// The model "Zorblax Video 2" (vendor "Zorblax Labs") and "Quuxon" are TEST FIXTURES invented
// for this file only; they exist in no dataset the extension ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../utils/dataset/schema';
import type { StoredDatasetStatus } from '../../utils/dataset/status';
import { launchWithExtension, waitForDataset, type ExtensionBrowser } from './lib/browser';
import { loadDemoPosts } from './lib/demoFeed';
import {
  buildExtension,
  createTestKey,
  customFeedRoute,
  customPost,
  removeBuild,
  ROOT,
  waitUntil,
  signedFeed,
  startFeedServer,
  tamperedFeed,
  withInventedModel,
  type FeedServer,
  type TestKey,
} from './lib/feed';
import { pill, readBadges, waitForBadges, type BadgeState } from './lib/page';
import { startHttpsServer, type TestServer } from './lib/server';

const X_HOSTS = ['x.com', 'twitter.com'];
const OUT_DIR = '.output-e2e-feed';
const KEY_ID = 'e2e-feed';

// Test fixtures: invented names, only ever inside the datasets this file signs.
const ZORBLAX = {
  vendor: { id: 'zorblax-labs', name: 'Zorblax Labs (test fixture)', shortName: 'Zorblax Labs' },
  family: { id: 'zorblax', name: 'Zorblax' },
  model: { id: 'zorblax-video-2', name: 'Zorblax Video 2 (test fixture)' },
  alias: 'Zorblax',
  familyVersion: '2',
};
const QUUXON = {
  vendor: { id: 'quuxon-inc', name: 'Quuxon Inc (test fixture)', shortName: 'Quuxon' },
  family: { id: 'quuxon', name: 'Quuxon' },
  model: { id: 'quuxon-1', name: 'Quuxon 1 (test fixture)' },
  alias: 'Quuxon',
};

const zorblaxPost = customPost(
  'e2e-zorblax',
  '1986199999999990001',
  'Spent the weekend with Zorblax Video 2 for a product teaser. The motion is uncanny, the hands are not.',
);
const quuxonPost = customPost(
  'e2e-quuxon',
  '1986199999999990002',
  'Quuxon just dropped a new clip generator and my timeline is nothing but dancing teapots now.',
);
/** A few corpus posts (badged and not) around the two invented ones. */
const posts = [...loadDemoPosts().slice(0, 6), zorblaxPost, quuxonPost];
const corpusIds = posts.filter((p) => !p.corpusId.startsWith('e2e-')).map((p) => p.statusId);

interface Stored {
  version: number | null;
  families: string[];
  status: StoredDatasetStatus | null;
}

let feed: FeedServer;
let site: TestServer;
let ext: ExtensionBrowser;
let key: TestKey;
let rogue: TestKey;
let bundled: Dataset;
let control: Page;
let page: Page;
let alarmBefore: { periodInMinutes?: number } | null = null;

/** Storage as the extension sees it, read from one of its own pages. */
function stored(): Promise<Stored> {
  return control.evaluate(async () => {
    interface StorageArea {
      get(keys: string[]): Promise<Record<string, unknown>>;
    }
    const api = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome;
    const got = await api.storage.local.get(['dataset', 'datasetStatus']);
    const dataset = got.dataset as { version: number; families: { id: string }[] } | undefined;
    return {
      version: dataset?.version ?? null,
      families: dataset?.families.map((f) => f.id) ?? [],
      status: (got.datasetStatus as StoredDatasetStatus | undefined) ?? null,
    };
  });
}

/** The badge families of the corpus posts only (the part an update must not disturb). */
function corpusBadges(state: BadgeState): Record<string, string[]> {
  return Object.fromEntries(corpusIds.map((id) => [id, state.families[id] ?? []]));
}

/**
 * Opens the popup, clicks "Refresh now" and waits until the check is over: the feed server saw
 * the request, the background recorded the check, and the button is back. Returns the popup.
 */
async function refreshNow(): Promise<Page> {
  const requestsBefore = feed.requests.length;
  const checkBefore = (await stored()).status?.lastCheck ?? 0;
  const popup = await ext.openPopup();
  const panel = popup.locator('[data-testid="dataset-status"]');
  // Let the panel's first getDatasetStatus land before the refresh answer can.
  await expect.poll(() => panel.textContent(), { timeout: 10_000 }).toMatch(/\d{6,}/);
  await popup.locator('[data-testid="refresh-now"]').click();
  await expect
    .poll(() => feed.requests.length, { timeout: 15_000 })
    .toBeGreaterThan(requestsBefore);
  await expect
    .poll(async () => (await stored()).status?.lastCheck ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(checkBefore);
  await popup.locator('[data-testid="refresh-now"]:not([disabled])').waitFor({ timeout: 15_000 });
  return popup;
}

beforeAll(async () => {
  [key, rogue] = await Promise.all([createTestKey(KEY_ID), createTestKey(KEY_ID)]);
  feed = await startFeedServer();
  site = await startHttpsServer(customFeedRoute(posts, X_HOSTS), X_HOSTS);
  const extensionDir = await buildExtension({
    outDir: OUT_DIR,
    feedUrl: feed.url,
    publicKey: key.publicKey,
    keyId: KEY_ID,
  });
  bundled = JSON.parse(readFileSync(join(extensionDir, 'dataset.json'), 'utf8')) as Dataset;
  ext = await launchWithExtension({ extensionDir, port: site.port, hosts: X_HOSTS });
  await waitForDataset(ext);

  control = await ext.openPopup();
  // The periodic check (first one a minute after install) must not race the test's own checks:
  // note the alarm the install scheduled, then switch periodic refresh off. "Refresh now" still works.
  alarmBefore = await control.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: {
          alarms: { get(name: string): Promise<{ periodInMinutes?: number } | undefined> };
        };
      }
    ).chrome;
    return (await api.alarms.get('dataset-refresh')) ?? null;
  });
  await control.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } };
      }
    ).chrome;
    await api.storage.local.set({ refreshIntervalHours: 0 });
  });
  await waitUntil(
    () =>
      control.evaluate(async () => {
        const api = (
          globalThis as unknown as { chrome: { alarms: { get(name: string): Promise<unknown> } } }
        ).chrome;
        return (await api.alarms.get('dataset-refresh')) ?? null;
      }),
    (alarm) => alarm === null,
    'the refresh alarm to go away after switching periodic refresh off',
  );

  page = await ext.newPage();
  await page.goto('https://x.com/home');
}, 240_000);

afterAll(async () => {
  await ext?.close();
  await site?.close();
  await feed?.close();
  if (process.env.FF_KEEP_BUILD !== '1') removeBuild(OUT_DIR);
});

describe('the feed build', () => {
  it('pins the test key and the local feed origin, and starts with the bundled dataset', async () => {
    const extensionDir = join(ROOT, OUT_DIR, 'chrome-mv3');
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
      host_permissions?: string[];
    };
    expect(manifest.host_permissions).toContain('http://127.0.0.1/*');
    const background = readFileSync(join(extensionDir, 'background.js'), 'utf8');
    expect(background).toContain(key.publicKey);
    expect(background).toContain(feed.url);

    expect(alarmBefore?.periodInMinutes, 'the install scheduled the daily check').toBe(24 * 60);
    const now = await stored();
    expect(now.version).toBe(bundled.version);
    expect(now.families).not.toContain(ZORBLAX.family.id);
    expect(feed.requests, 'no feed request before "Refresh now"').toEqual([]);
  });
});

describe('refresh from the signed feed', () => {
  let goodFeed: string;
  let beforeUpdate: BadgeState;

  it('swaps in a signed update: the new model is badged on the open page, no reload', async () => {
    // The page as the bundled dataset sees it: corpus posts badged, the invented model not.
    beforeUpdate = await waitForBadges(page, (s) =>
      corpusIds.some((id) => (s.families[id] ?? []).length > 0),
    );
    await page.waitForTimeout(500);
    beforeUpdate = await readBadges(page);
    expect(beforeUpdate.families[zorblaxPost.statusId]).toBeUndefined();
    expect(beforeUpdate.families[quuxonPost.statusId]).toBeUndefined();
    const marker = await page.evaluate(() => {
      (window as unknown as { ffNoReload: number }).ffNoReload = Math.random();
      return (window as unknown as { ffNoReload: number }).ffNoReload;
    });

    const update = withInventedModel(bundled, { ...ZORBLAX, version: bundled.version + 1 });
    goodFeed = await signedFeed(key, update);
    feed.setFeed(goodFeed);
    const popup = await refreshNow();
    try {
      await expect
        .poll(() => popup.locator('[data-testid="dataset-status"]').textContent())
        .toContain(String(bundled.version + 1));
      expect(await popup.locator('[data-testid="dataset-error"]').count()).toBe(0);
    } finally {
      await popup.close();
    }

    expect(feed.requests).toEqual([{ ifNoneMatch: null, status: 200, etag: feed.etag() }]);
    const now = await stored();
    expect(now.version).toBe(bundled.version + 1);
    expect(now.families).toContain(ZORBLAX.family.id);
    expect(now.status).toMatchObject({
      version: bundled.version + 1,
      etag: feed.etag(),
      lastError: null,
    });
    expect(now.status?.lastUpdate).toEqual(expect.any(Number));

    const after = await waitForBadges(page, (s) =>
      (s.families[zorblaxPost.statusId] ?? []).includes(ZORBLAX.family.id),
    );
    expect(after.families[zorblaxPost.statusId]).toEqual([ZORBLAX.family.id]);
    expect(after.families[quuxonPost.statusId]).toBeUndefined();
    expect(corpusBadges(after), 'the other posts keep their badges').toEqual(
      corpusBadges(beforeUpdate),
    );
    expect(after.rows[zorblaxPost.statusId]).toBe(1);
    await expect
      .poll(() => pill(page, zorblaxPost.statusId, ZORBLAX.family.id).textContent())
      .toContain('Zorblax');
    expect(
      await page.evaluate(() => (window as unknown as { ffNoReload?: number }).ffNoReload),
    ).toBe(marker);
  });

  it('rejects tampered, foreign-key, unknown-key and older updates and keeps the facts it has', async () => {
    const active = bundled.version + 1;
    const before = await readBadges(page);
    expect(before.families[zorblaxPost.statusId]).toEqual([ZORBLAX.family.id]);
    const offered = withInventedModel(
      withInventedModel(bundled, { ...ZORBLAX, version: active + 1 }),
      { ...QUUXON, version: active + 1 },
    );
    const signed = await signedFeed(key, offered);
    const older = withInventedModel(
      withInventedModel(bundled, { ...ZORBLAX, version: active - 1 }),
      { ...QUUXON, version: active - 1 },
    );
    const cases: { name: string; text: string; error: RegExp }[] = [
      {
        name: 'payload changed after signing',
        text: tamperedFeed(signed, (d) => {
          d.vendors.find((v) => v.id === QUUXON.vendor.id)!.name = 'Quuxon (tampered)';
        }),
        error: new RegExp(`signature does not verify with key "${KEY_ID}"`),
      },
      {
        name: 'signed by another key under the pinned key id',
        text: await signedFeed(rogue, offered),
        error: new RegExp(`signature does not verify with key "${KEY_ID}"`),
      },
      {
        name: 'signed by a key that is not pinned',
        text: await signedFeed(rogue, offered, 'e2e-rogue'),
        error: /unknown key "e2e-rogue"/,
      },
      {
        name: 'an older version, properly signed',
        text: await signedFeed(key, older),
        error: new RegExp(`older than the installed ${active}`),
      },
    ];

    for (const bad of cases) {
      feed.setFeed(bad.text);
      const popup = await refreshNow();
      try {
        const error = popup.locator('[data-testid="dataset-error"]');
        await error.waitFor({ timeout: 10_000 });
        expect(await error.textContent(), bad.name).toMatch(bad.error);
        expect(
          await popup.locator('[data-testid="dataset-status"]').textContent(),
          bad.name,
        ).toContain(String(active));
      } finally {
        await popup.close();
      }
      expect(feed.requests.at(-1)?.status, bad.name).toBe(200);
      const now = await stored();
      expect(now.version, bad.name).toBe(active);
      expect(now.families, bad.name).not.toContain(QUUXON.family.id);
      expect(now.status?.lastError ?? '', bad.name).toMatch(bad.error);

      // Give a (wrongly) stored dataset time to reach the page before judging the badges.
      await page.waitForTimeout(750);
      const state = await readBadges(page);
      expect(state.families[quuxonPost.statusId], bad.name).toBeUndefined();
      expect(state.families, bad.name).toEqual(before.families);
    }
  });

  it('answers a re-check of the same feed with 304 and changes nothing but the status', async () => {
    const active = bundled.version + 1;
    const before = await stored();
    expect(before.status?.lastError).toBeTruthy(); // left by the rejected updates
    const badgesBefore = await readBadges(page);

    feed.setFeed(goodFeed);
    const popup = await refreshNow();
    try {
      expect(await popup.locator('[data-testid="dataset-error"]').count()).toBe(0);
      expect(await popup.locator('[data-testid="dataset-status"]').textContent()).toContain(
        String(active),
      );
    } finally {
      await popup.close();
    }
    expect(feed.requests.at(-1)).toEqual({
      ifNoneMatch: feed.etag(),
      status: 304,
      etag: feed.etag(),
    });
    const now = await stored();
    expect(now.version).toBe(active);
    expect(now.status).toMatchObject({
      version: active,
      etag: feed.etag(),
      lastError: null,
      lastUpdate: before.status?.lastUpdate,
    });
    expect(now.status?.lastSuccess).toBeGreaterThan(before.status?.lastSuccess ?? 0);

    // The same dataset re-signed is a new document (ECDSA signatures differ), so a new ETag and a
    // 200; its version equals the active one, so nothing is swapped, only the ETag is recorded.
    const resigned = await signedFeed(
      key,
      withInventedModel(bundled, { ...ZORBLAX, version: active }),
    );
    expect(resigned).not.toBe(goodFeed);
    feed.setFeed(resigned);
    await (await refreshNow()).close();
    expect(feed.requests.at(-1)).toMatchObject({ status: 200 });
    const again = await stored();
    expect(again.version).toBe(active);
    expect(again.status).toMatchObject({
      etag: feed.etag(),
      lastError: null,
      lastUpdate: before.status?.lastUpdate,
    });
    expect((await readBadges(page)).families).toEqual(badgesBefore.families);
  });
});

// The core end-to-end checks of foundation.e2e.ts, in a real Firefox ESR with the Firefox build
// (.output/firefox-mv2) installed as a temporary add-on, driven by puppeteer-core over WebDriver
// BiDi. The demo feed is served as https://x.com/home through a PAC script and a local CONNECT
// proxy (see lib/firefox.ts), so the manifest's own match patterns decide where the add-on runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedRoute, loadDemoPosts, type DemoPost } from './lib/demoFeed';
import {
  FIREFOX_EXTENSION_DIR,
  FIREFOX_EXTENSION_UUID,
  firefoxPill,
  launchFirefoxWithExtension,
  readFirefoxBadges,
  waitForFirefoxBadges,
  waitForFirefoxDataset,
  type FirefoxExtensionBrowser,
} from './lib/firefox';
import { BADGE_TAG, type BadgeState } from './lib/page';
import { expectLabels, expectSingleRows, inBatches, labelsMatch } from './lib/labels';
import { startHttpsServer, type TestServer } from './lib/server';

const X_HOSTS = ['x.com', 'twitter.com'];
/** Mapped to the same server but not matched by the manifest: the content script must stay out. */
const OTHER_HOST = 'example.com';
/** `pierce/` searches every open shadow root for a simple selector. */
const CARD = 'pierce/[data-testid="ff-card"]';
const CARD_CLOSE = 'pierce/[data-testid="ff-card-close"]';
const TOGGLE = 'input[data-testid="toggle-enabled"]';

interface BuiltDataset {
  families: { id: string; name: string; vendor: string }[];
  vendors: { id: string; name: string }[];
}

const posts = loadDemoPosts();
const byBatch = (...batches: DemoPost['batch'][]) => inBatches(posts, ...batches);

/** Waits for the expected state, but on a timeout returns the last state so `expect` explains. */
function settle(page: Page, accept: (s: BadgeState) => boolean): Promise<BadgeState> {
  return waitForFirefoxBadges(page, accept).catch(() => readFirefoxBadges(page));
}

const countBadgeRows = (page: Page) =>
  page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);

let server: TestServer;
let ext: FirefoxExtensionBrowser;

beforeAll(async () => {
  const hosts = [...X_HOSTS, OTHER_HOST];
  server = await startHttpsServer(demoFeedRoute(hosts), hosts);
  ext = await launchFirefoxWithExtension({ port: server.port, hosts });
  await waitForFirefoxDataset(ext);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('the Firefox build', () => {
  it('installs as an MV2 add-on with its gecko id and the X match patterns', () => {
    const manifest = JSON.parse(
      readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'),
    ) as {
      manifest_version: number;
      content_scripts?: { matches: string[] }[];
    };
    expect(manifest.manifest_version).toBe(2);
    expect(ext.addonId).toBe('frame-facts@framefacts.app');
    expect(ext.baseUrl).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}`);
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches).toEqual(expect.arrayContaining(['*://x.com/*', '*://twitter.com/*']));
  });

  it('opens its popup (moz-extension://…/popup.html) with the switch and the badge style', async () => {
    const popup = await ext.openPopup();
    try {
      const toggle = await popup.$eval(TOGGLE, (el) => ({
        role: el.getAttribute('role'),
        checked: (el as HTMLInputElement).checked,
      }));
      expect(toggle).toEqual({ role: 'switch', checked: true });
      const styles = await popup.$$eval('select[data-testid="badge-style"] option', (options) =>
        options.map((o) => o.getAttribute('value')),
      );
      expect(styles).toEqual(expect.arrayContaining(['compact', 'detailed']));
    } finally {
      await popup.close();
    }
  });
});

describe('badges on https://x.com/home in Firefox', () => {
  let page: Page;
  let dataset: BuiltDataset;

  beforeAll(async () => {
    dataset = JSON.parse(
      readFileSync(join(FIREFOX_EXTENSION_DIR, 'dataset.json'), 'utf8'),
    ) as BuiltDataset;
    page = await ext.newPage();
    await page.goto('https://x.com/home', { waitUntil: 'domcontentloaded' });
  });

  afterAll(async () => {
    await page?.close().catch(() => undefined);
  });

  it('badges the initial posts with their corpus families, and no collision negative', async () => {
    const initial = byBatch('initial');
    const state = await settle(page, (s) => labelsMatch(s, initial));
    expectLabels(state, initial);
    expectSingleRows(state);
  });

  it('badges posts appended after load', async () => {
    await page.waitForSelector('html[data-ff-demo-later]');
    const batch = byBatch('initial', 'later');
    const state = await settle(page, (s) => labelsMatch(s, batch));
    expectLabels(state, byBatch('later'));
    expectSingleRows(state);
  });

  it('badges posts loaded by scrolling (infinite scroll)', async () => {
    await page.evaluate(() =>
      document.querySelector('[data-testid="ff-demo-loading"]')?.scrollIntoView(),
    );
    await page.waitForSelector('html[data-ff-demo-onscroll]');
    const state = await settle(page, (s) => labelsMatch(s, posts));
    expectLabels(state, byBatch('onScroll'));
    expectSingleRows(state);
    expect(state.posts).toBe(posts.length);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  function expectedVendor(family: string): string {
    const vendorId = dataset.families.find((f) => f.id === family)?.vendor;
    const vendor = dataset.vendors.find((v) => v.id === vendorId);
    if (!vendor) throw new Error(`no vendor for family ${family} in the built dataset`);
    return vendor.name;
  }

  async function expectCardFor(family: string): Promise<void> {
    await page.waitForSelector(CARD, { visible: true, timeout: 5_000 });
    const card = await page.$eval(CARD, (el) => ({
      role: el.getAttribute('role'),
      family: el.getAttribute('data-family'),
      text: el.textContent ?? '',
      sources: Array.from(el.querySelectorAll('a.ff-source'), (a) => a.getAttribute('href') ?? ''),
    }));
    expect(card.role).toBe('dialog');
    expect(card.family).toBe(family);
    expect(card.text).toContain(expectedVendor(family));
    expect(card.sources.length).toBeGreaterThan(0);
    for (const href of card.sources) expect(href).toMatch(/^https:\/\//);
    expect(card.text).toMatch(/\d{4}-\d{2}-\d{2}/); // the as-of date
  }

  it('opens the fact card on click (vendor, sources, as-of date) and closes it with Escape', async () => {
    const post = posts.find((p) => p.labels.includes('sora'))!;
    const target = await page.waitForSelector(firefoxPill(post.statusId, 'sora'), {
      timeout: 10_000,
    });
    await target!.click();
    await expectCardFor('sora');
    await page.keyboard.press('Escape');
    await page.waitForSelector(CARD, { hidden: true, timeout: 5_000 });
  });

  it('opens the fact card with Enter on a focused pill, and its close button closes it', async () => {
    const post = posts.find((p) => p.labels.length === 1 && p.labels[0] === 'veo')!;
    const target = await page.waitForSelector(firefoxPill(post.statusId, 'veo'), {
      timeout: 10_000,
    });
    await target!.focus();
    await page.keyboard.press('Enter');
    await expectCardFor('veo');
    await (await page.waitForSelector(CARD_CLOSE))!.click();
    await page.waitForSelector(CARD, { hidden: true, timeout: 5_000 });
  });

  it('removes every badge when the popup switch goes off, without a reload, and restores them', async () => {
    const marker = await page.evaluate(() => {
      (window as unknown as { ffNoReload: number }).ffNoReload = Math.random();
      return (window as unknown as { ffNoReload: number }).ffNoReload;
    });
    const before = await readFirefoxBadges(page);
    expect(Object.keys(before.rows).length, 'badge rows before switching off').toBeGreaterThan(0);
    const popup = await ext.openPopup();
    try {
      await popup.click(TOGGLE);
      await popup.waitForFunction(
        (sel) => !(document.querySelector(sel) as HTMLInputElement).checked,
        {},
        TOGGLE,
      );
      const off = await settle(page, (s) => Object.keys(s.rows).length === 0 && s.orphans === 0);
      expect(Object.keys(off.rows).length, 'badge rows left after switching off').toBe(0);
      expect(await countBadgeRows(page)).toBe(0);

      await popup.click(TOGGLE);
      const on = await settle(page, (s) => labelsMatch(s, posts));
      expectLabels(on, posts);
      expectSingleRows(on);
    } finally {
      await popup.close();
    }
    expect(
      await page.evaluate(() => (window as unknown as { ffNoReload?: number }).ffNoReload),
    ).toBe(marker);
  });
});

describe('where the content script runs in Firefox', () => {
  it('badges the same feed on https://twitter.com/home', async () => {
    const page = await ext.newPage();
    try {
      await page.goto('https://twitter.com/home', { waitUntil: 'domcontentloaded' });
      const initial = byBatch('initial');
      const state = await settle(page, (s) => labelsMatch(s, initial));
      expectLabels(state, initial);
    } finally {
      await page.close();
    }
  });

  it(`stays out of other sites (https://${OTHER_HOST}/home serves the same feed)`, async () => {
    const page = await ext.newPage();
    try {
      await page.goto(`https://${OTHER_HOST}/home`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('html[data-ff-demo-later]');
      await new Promise((r) => setTimeout(r, 1_000));
      const state = await readFirefoxBadges(page);
      expect(state.posts).toBe(byBatch('initial', 'later').length);
      expect(await countBadgeRows(page)).toBe(0);
    } finally {
      await page.close();
    }
  });
});

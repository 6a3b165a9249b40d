// End-to-end checks of the foundation: the built extension in real Chromium, on the demo feed
// served as https://x.com/home (the manifest's own match patterns decide where it runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  launchWithExtension,
  waitForDataset,
  type ExtensionBrowser,
} from './lib/browser';
import { demoFeedRoute, loadDemoPosts, readCorpus, type DemoPost } from './lib/demoFeed';
import { BADGE_TAG, CARD, pill, readBadges, waitForBadges, type BadgeState } from './lib/page';
import { expectLabels, expectSingleRows, inBatches, labelsMatch, sorted } from './lib/labels';
import { startHttpsServer, type TestServer } from './lib/server';

const X_HOSTS = ['x.com', 'twitter.com'];
/** Mapped to the same server but not matched by the manifest: the content script must stay out. */
const OTHER_HOST = 'example.com';

interface BuiltDataset {
  families: { id: string; name: string; vendor: string }[];
  vendors: { id: string; name: string }[];
}

const posts = loadDemoPosts();
const byBatch = (...batches: DemoPost['batch'][]) => inBatches(posts, ...batches);

let server: TestServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  const hosts = [...X_HOSTS, OTHER_HOST];
  server = await startHttpsServer(demoFeedRoute(hosts), hosts);
  ext = await launchWithExtension({ port: server.port, hosts });
  await waitForDataset(ext);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('demo fixture', () => {
  it('keeps the corpus labels of every post it shows', () => {
    const corpus = readCorpus();
    for (const p of posts)
      expect(sorted(p.labels), p.corpusId).toEqual(sorted(corpus.get(p.corpusId)!.labels));
    expect(byBatch('initial').length).toBeGreaterThanOrEqual(10);
    expect(posts.some((p) => p.labels.length === 0)).toBe(true);
    expect(new Set(posts.map((p) => p.statusId)).size).toBe(posts.length);
  });
});

describe('the built extension', () => {
  it('loads, with its service worker and the X match patterns', () => {
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      manifest_version: number;
      content_scripts?: { matches: string[] }[];
    };
    expect(manifest.manifest_version).toBe(3);
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches).toEqual(expect.arrayContaining(['*://x.com/*', '*://twitter.com/*']));
  });

  it('opens its popup with the switch and the badge style', async () => {
    const popup = await ext.openPopup();
    try {
      const toggle = popup.locator('input[data-testid="toggle-enabled"]');
      await toggle.waitFor({ state: 'attached' });
      expect(await toggle.getAttribute('role')).toBe('switch');
      expect(await toggle.isChecked()).toBe(true);
      await expect(popup.getByRole('switch', { name: /show badges/i }).count()).resolves.toBe(1);
      const style = popup.locator('select[data-testid="badge-style"]');
      expect(
        await style.locator('option').evaluateAll((o) => o.map((e) => e.getAttribute('value'))),
      ).toEqual(expect.arrayContaining(['compact', 'detailed']));
    } finally {
      await popup.close();
    }
  });
});

describe('badges on https://x.com/home', () => {
  let page: Page;
  let dataset: BuiltDataset;
  let allBadged: BadgeState;

  beforeAll(async () => {
    dataset = JSON.parse(readFileSync(join(EXTENSION_DIR, 'dataset.json'), 'utf8')) as BuiltDataset;
    page = await ext.newPage();
    await page.goto('https://x.com/home');
  });

  afterAll(async () => {
    await page?.close();
  });

  it('badges the initial posts with their corpus families, and no collision negative', async () => {
    const initial = byBatch('initial');
    const state = await waitForBadges(page, (s) => labelsMatch(s, initial)).catch(() =>
      readBadges(page),
    );
    expectLabels(state, initial);
    expectSingleRows(state);
  });

  it('badges posts appended after load', async () => {
    await page.waitForSelector('html[data-ff-demo-later]');
    const batch = byBatch('initial', 'later');
    const state = await waitForBadges(page, (s) => labelsMatch(s, batch)).catch(() =>
      readBadges(page),
    );
    expectLabels(state, byBatch('later'));
    expectSingleRows(state);
  });

  it('badges posts loaded by scrolling (infinite scroll)', async () => {
    await page.locator('[data-testid="ff-demo-loading"]').scrollIntoViewIfNeeded();
    await page.waitForSelector('html[data-ff-demo-onscroll]');
    const state = await waitForBadges(page, (s) => labelsMatch(s, posts)).catch(() =>
      readBadges(page),
    );
    expectLabels(state, byBatch('onScroll'));
    expectSingleRows(state);
    expect(state.posts).toBe(posts.length);
    allBadged = state;
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('never gives a post two badge rows when X re-renders or recycles posts', async () => {
    const target = posts.find((p) => p.labels.length > 0)!;
    await page.evaluate((statusId) => {
      const article = Array.from(document.querySelectorAll('article[data-testid="tweet"]')).find(
        (a) => a.querySelector(`a[href*="/status/${statusId}"] time`),
      )!;
      // X rewrites the text node in place, and its virtual list detaches and re-inserts cells.
      const text = article.querySelector('[data-testid="tweetText"]')!;
      text.replaceChildren(document.createTextNode(text.textContent ?? ''));
      const cell = article.parentElement!;
      const parent = cell.parentElement!;
      const next = cell.nextSibling;
      cell.remove();
      parent.insertBefore(cell, next);
    }, target.statusId);
    const state = await waitForBadges(page, (s) => labelsMatch(s, posts));
    expectSingleRows(state);
    expect(Object.keys(state.families).length).toBe(Object.keys(allBadged.families).length);
  });

  function expectedVendor(family: string): string {
    const vendorId = dataset.families.find((f) => f.id === family)?.vendor;
    const vendor = dataset.vendors.find((v) => v.id === vendorId);
    if (!vendor) throw new Error(`no vendor for family ${family} in the built dataset`);
    return vendor.name;
  }

  async function expectCardFor(family: string): Promise<void> {
    const card = page.locator(CARD);
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.getAttribute('data-family')).toBe(family);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(expectedVendor(family));
    const sources = await card
      .locator('a.ff-source')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(sources.length).toBeGreaterThan(0);
    for (const href of sources) expect(href).toMatch(/^https:\/\//);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2}/); // the as-of date
  }

  it('opens the fact card on click, unseen by the page (vendor, sources, as-of date), and closes it with Escape', async () => {
    const post = posts.find((p) => p.labels.includes('sora'))!;
    // The page's own listeners, capturing and bubbling (X navigates when a post is clicked).
    await page.evaluate(() => {
      const seen = ((window as unknown as { ffPageSaw: string[] }).ffPageSaw = [] as string[]);
      for (const type of ['click', 'pointerdown', 'mousedown'])
        for (const capture of [true, false])
          document.addEventListener(type, () => seen.push(type), { capture });
    });
    await pill(page, post.statusId, 'sora').click({ timeout: 10_000 });
    await expectCardFor('sora');
    expect(
      await page.evaluate(() => (window as unknown as { ffPageSaw: string[] }).ffPageSaw),
    ).toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator(CARD).waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('opens the fact card with Enter on a focused pill, and its close button closes it', async () => {
    const post = posts.find((p) => p.labels.length === 1 && p.labels[0] === 'veo')!;
    const target = pill(page, post.statusId, 'veo');
    await target.focus({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expectCardFor('veo');
    await page.locator('[data-testid="ff-card-close"]').click();
    await page.locator(CARD).waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('removes every badge when the popup switch goes off, without a reload, and restores them', async () => {
    const marker = await page.evaluate(() => {
      (window as unknown as { ffNoReload: number }).ffNoReload = Math.random();
      return (window as unknown as { ffNoReload: number }).ffNoReload;
    });
    const before = await readBadges(page);
    expect(Object.keys(before.rows).length, 'badge rows before switching off').toBeGreaterThan(0);
    const popup = await ext.openPopup();
    try {
      const toggle = popup.locator('input[data-testid="toggle-enabled"]');
      await toggle.uncheck();
      const off = await waitForBadges(
        page,
        (s) => Object.keys(s.rows).length === 0 && s.orphans === 0,
      ).catch(() => readBadges(page));
      expect(Object.keys(off.rows).length, 'badge rows left after switching off').toBe(0);
      expect(await page.locator(BADGE_TAG).count()).toBe(0);

      await toggle.check();
      const on = await waitForBadges(page, (s) => labelsMatch(s, posts)).catch(() =>
        readBadges(page),
      );
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

describe('where the content script runs', () => {
  it('badges the same feed on https://twitter.com/home', async () => {
    const page = await ext.newPage();
    try {
      await page.goto('https://twitter.com/home');
      const initial = byBatch('initial');
      const state = await waitForBadges(page, (s) => labelsMatch(s, initial)).catch(() =>
        readBadges(page),
      );
      expectLabels(state, initial);
    } finally {
      await page.close();
    }
  });

  it(`stays out of other sites (https://${OTHER_HOST}/home serves the same feed)`, async () => {
    const page = await ext.newPage();
    try {
      await page.goto(`https://${OTHER_HOST}/home`);
      await page.waitForSelector('html[data-ff-demo-later]');
      await page.waitForTimeout(1_000);
      const state = await readBadges(page);
      expect(state.posts).toBe(byBatch('initial', 'later').length);
      expect(await page.locator(BADGE_TAG).count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

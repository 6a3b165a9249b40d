// Settings apply live, everywhere: changes made in the popup and the options page reach every
// open tab without a reload (two tabs of the demo feed here).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForDataset, type ExtensionBrowser } from './lib/browser';
import { demoFeedRoute, loadDemoPosts } from './lib/demoFeed';
import { BADGE_TAG, pollBadges, readBadges } from './lib/page';
import { startHttpsServer, type TestServer } from './lib/server';

const HOSTS = ['x.com', 'twitter.com'];
const positives = loadDemoPosts().filter((p) => p.batch === 'initial' && p.labels.length > 0);

let server: TestServer;
let ext: ExtensionBrowser;
let tabs: Page[];

/** Texts of every pill on the page, read through the badge rows' shadow roots. */
const pillTexts = (page: Page) =>
  page.evaluate(
    (tag) =>
      Array.from(document.querySelectorAll(tag)).flatMap((row) =>
        Array.from(row.shadowRoot?.querySelectorAll('.ff-pill') ?? [], (p) => p.textContent ?? ''),
      ),
    BADGE_TAG,
  );
const rowCount = (page: Page) =>
  page.evaluate((tag) => document.querySelectorAll(tag).length, BADGE_TAG);

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

beforeAll(async () => {
  server = await startHttpsServer(demoFeedRoute(HOSTS), HOSTS);
  ext = await launchWithExtension({ port: server.port, hosts: HOSTS });
  await waitForDataset(ext);
  tabs = [await ext.newPage(), await ext.newPage()];
  await Promise.all([
    tabs[0]!.goto('https://x.com/home'),
    tabs[1]!.goto('https://twitter.com/home'),
  ]);
  for (const tab of tabs)
    await pollBadges(
      () => readBadges(tab),
      (s) => Object.keys(s.families).length >= positives.length,
    );
  // Marks each page, so a reload (which would clear it) cannot pass for a live update.
  for (const tab of tabs)
    await tab.evaluate(() => ((window as { ffNoReload?: boolean }).ffNoReload = true));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('settings in two open tabs', () => {
  it('badge style and fact groups from the popup change both tabs live', async () => {
    const before = await pillTexts(tabs[0]!);
    expect(before.some((t) => t.includes('2025') || t.includes('2024'))).toBe(false);
    const popup = await ext.openPopup();
    await popup.locator('select[data-testid="badge-style"]').selectOption('detailed');
    await popup.locator('input[data-testid="fact-specs"]').check();
    for (const tab of tabs)
      await eventually(
        async () => (await pillTexts(tab)).some((t) => / s\b/.test(t) && /20\d\d/.test(t)),
        'detailed pills with release year and clip length',
      );
    await popup.locator('input[data-testid="fact-vendor"]').uncheck();
    for (const tab of tabs)
      await eventually(
        async () => !(await pillTexts(tab)).some((t) => t.includes('OpenAI')),
        'vendor hidden',
      );
    await popup.locator('select[data-testid="badge-style"]').selectOption('compact');
    await popup.locator('input[data-testid="fact-vendor"]').check();
    await popup.close();
    for (const tab of tabs)
      await eventually(
        async () => (await pillTexts(tab)).some((t) => t.includes('OpenAI')),
        'vendor back',
      );
  });

  it('switching X off in the options page clears both tabs; on again restores them', async () => {
    const options = await ext.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const xSwitch = options.locator('input[data-testid="site-x"]');
    await xSwitch.uncheck();
    for (const tab of tabs)
      await eventually(async () => (await rowCount(tab)) === 0, 'no rows with X off');
    await xSwitch.check();
    for (const tab of tabs)
      await eventually(async () => (await rowCount(tab)) >= positives.length, 'rows back');
    await options.close();
    for (const tab of tabs)
      expect(await tab.evaluate(() => (window as { ffNoReload?: boolean }).ffNoReload)).toBe(true);
  });
});

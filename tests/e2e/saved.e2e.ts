// Saved posts end to end: save two posts from their fact cards on the demo feed, export them from
// the popup (JSON) and the options page (CSV, Markdown), then import the JSON into a fresh profile
// and find the same posts in the manager.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForDataset, type ExtensionBrowser } from './lib/browser';
import { demoFeedRoute, loadDemoPosts } from './lib/demoFeed';
import { captureDownload, openExtensionPage, type SavedDownload } from './lib/extensionPages';
import { CARD, pill } from './lib/page';
import { startHttpsServer, type TestServer } from './lib/server';

const HOSTS = ['x.com', 'twitter.com'];
const CSV_HEADER =
  'saved_at,site,author,url,text,models,families,platform_label,has_video,note,tags,dataset_version,updated_at,key';

const posts = loadDemoPosts();
/** Two different posts: one naming several models, one naming a single other model. */
const multi = posts.find((p) => p.batch === 'initial' && p.labels.length >= 2)!;
const single = posts.find(
  (p) => p.batch === 'initial' && p.labels.length === 1 && !multi.labels.includes(p.labels[0]!),
)!;
const chosen = [multi, single];
const sorted = (list: string[]) => [...new Set(list)].sort();

interface ExportedPost {
  key: string;
  site: string;
  author: string | null;
  url: string | null;
  models: { family: string; modelId: string | null; version: string | null }[];
}

let server: TestServer;
let ext: ExtensionBrowser | undefined;
let fresh: ExtensionBrowser | undefined;
let json: SavedDownload;
const downloads: SavedDownload[] = [];

beforeAll(async () => {
  server = await startHttpsServer(demoFeedRoute(HOSTS), HOSTS);
  ext = await launchWithExtension({ port: server.port, hosts: HOSTS });
  await waitForDataset(ext);
});

afterAll(async () => {
  await ext?.close();
  await fresh?.close();
  await server?.close();
  for (const d of downloads) rmSync(dirname(d.path), { recursive: true, force: true });
});

async function saveFromCard(page: Page, statusId: string, family: string): Promise<void> {
  await pill(page, statusId, family).click({ timeout: 10_000 });
  const card = page.locator(CARD);
  await card.waitFor({ state: 'visible', timeout: 5_000 });
  await page.locator('[data-testid="ff-save"]').click({ timeout: 5_000 });
  await page.locator('[data-testid="ff-unsave"]').waitFor({ state: 'visible', timeout: 5_000 });
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden', timeout: 5_000 });
}

describe('saved posts', () => {
  it('saves two posts from their fact cards on the demo feed', async () => {
    const page = await ext!.newPage();
    await page.goto('https://x.com/home');
    for (const post of chosen) await saveFromCard(page, post.statusId, post.labels[0]!);
    // Opening the first card again shows it as saved.
    await pill(page, multi.statusId, multi.labels[1]!).click();
    await page.locator('[data-testid="ff-unsave"]').waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.press('Escape');
    const other = posts.find(
      (p) => p.batch === 'initial' && p.labels.length > 0 && !chosen.includes(p),
    )!;
    const marked = () =>
      page.evaluate(
        (keys) =>
          keys.map((key) =>
            Array.from(document.querySelectorAll('frame-facts-badges')).some(
              (row) => row.getAttribute('data-ff-key') === key && row.hasAttribute('data-saved'),
            ),
          ),
        [...chosen, other].map((p) => `x:${p.statusId}`),
      );
    // Rows follow the saves live, and a reloaded page marks them from the stored keys.
    await expect.poll(marked, { timeout: 5_000 }).toEqual([true, true, false]);
    await page.reload();
    await expect.poll(marked, { timeout: 10_000 }).toEqual([true, true, false]);
    await page.close();
  });

  it('exports both posts, with their models, as JSON from the popup', async () => {
    const popup = await ext!.openPopup();
    try {
      await expect
        .poll(() => popup.getByTestId('popup-saved-count').textContent(), { timeout: 5_000 })
        .toContain('2');
      json = await captureDownload(popup, () => popup.getByTestId('popup-export-saved').click());
      downloads.push(json);
    } finally {
      await popup.close();
    }
    expect(json.filename).toMatch(/^frame-facts-saved-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(json.text) as { format: string; posts: ExportedPost[] };
    expect(doc.format).toBe('frame-facts-saved-posts');
    expect(doc.posts).toHaveLength(2);
    for (const post of chosen) {
      const saved = doc.posts.find((p) => p.key === `x:${post.statusId}`);
      expect(saved, post.corpusId).toBeDefined();
      expect(saved!.site).toBe('x');
      expect(saved!.author).toBe(`@${post.handle}`);
      expect(saved!.url).toContain(`/status/${post.statusId}`);
      expect(sorted(saved!.models.map((m) => m.family))).toEqual(sorted(post.labels));
    }
  });

  it('lists them in the options page and exports CSV and Markdown there', async () => {
    const page = await openExtensionPage(ext!, 'options.html');
    try {
      const rows = page.getByTestId('saved-row');
      await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(2);

      const csv = await captureDownload(page, () => page.getByTestId('export-csv').click());
      downloads.push(csv);
      expect(csv.filename).toMatch(/\.csv$/);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe(CSV_HEADER);
      for (const post of chosen) expect(csv.text).toContain(`x:${post.statusId}`);

      const md = await captureDownload(page, () => page.getByTestId('export-markdown').click());
      downloads.push(md);
      expect(md.filename).toMatch(/\.md$/);
      expect(md.text.startsWith('# Frame Facts: saved posts\n')).toBe(true);
      expect(md.text).toContain('· 2 posts');
      // Family display names come from the stored dataset (e.g. "## Runway (1)").
      expect(md.text).toMatch(/^## [A-Z][^\n]* \(\d+\)$/m);
      for (const post of chosen) expect(md.text).toContain(`/status/${post.statusId}>)`);
    } finally {
      await page.close();
    }
  });

  it('imports the JSON file into a fresh profile and lists the same two posts', async () => {
    await ext!.close();
    ext = undefined;
    fresh = await launchWithExtension({ port: server.port, hosts: HOSTS });
    await waitForDataset(fresh);
    const page = await openExtensionPage(fresh, 'options.html');
    await page.getByTestId('saved-empty').waitFor({ state: 'visible', timeout: 5_000 });
    await page.getByTestId('import-file').setInputFiles(json.path);
    const report = page.getByTestId('import-report');
    await report.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await report.textContent()).toContain('2 added, 0 updated, 0 unchanged, 0 rejected');
    const rows = page.getByTestId('saved-row');
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(2);
    const keys = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
    expect(sorted(keys as string[])).toEqual(sorted(chosen.map((p) => `x:${p.statusId}`)));
    for (const post of chosen) {
      const row = page.locator(`[data-testid="saved-row"][data-key="x:${post.statusId}"]`);
      expect(await row.getByTestId('saved-author').textContent()).toBe(`@${post.handle}`);
    }

    // Importing the same file again changes nothing.
    await page.getByTestId('import-file').setInputFiles(json.path);
    await expect
      .poll(() => report.textContent(), { timeout: 10_000 })
      .toContain('0 added, 0 updated, 2 unchanged');
  });
});

// Extension pages other than the popup (options.html) and downloads made from them.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

/** Opens chrome-extension://ID/<path> (e.g. 'options.html') in a new tab. */
export async function openExtensionPage(ext: ExtensionBrowser, path: string): Promise<Page> {
  const page = await ext.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

export interface SavedDownload {
  filename: string;
  /** A copy outside the browser profile, so it outlives the browser. */
  path: string;
  bytes: Buffer;
  text: string;
}

/** Runs `trigger` and returns the file it downloads. */
export async function captureDownload(
  page: Page,
  trigger: () => Promise<unknown>,
  timeout = 10_000,
): Promise<SavedDownload> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), trigger()]);
  const source = await download.path();
  const filename = download.suggestedFilename();
  const path = join(mkdtempSync(join(tmpdir(), 'ff-e2e-download-')), filename);
  copyFileSync(source, path);
  const bytes = readFileSync(path);
  return { filename, path, bytes, text: bytes.toString('utf8') };
}

// Launches Chromium with the built, unpacked extension, with chosen host names mapped to the local
// HTTPS server so the extension's real manifest match patterns decide where it runs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(process.env.FF_EXTENSION_DIR ?? '.output/chrome-mv3');

export interface LaunchOptions {
  /** Unpacked extension folder; defaults to .output/chrome-mv3. */
  extensionDir?: string;
  /** Port of the local HTTPS server that the hosts below resolve to. */
  port: number;
  /** Host names sent to the local server, e.g. ['x.com', 'twitter.com']. Subdomains follow. */
  hosts: string[];
  /** Default: headless unless FF_HEADED=1. */
  headless?: boolean;
  /** Make every other host name fail to resolve (default true): runs stay offline and fast. */
  blockOtherHosts?: boolean;
  viewport?: { width: number; height: number };
  colorScheme?: 'dark' | 'light';
  /** Runs once the browser is up, before the service worker is awaited (to log requests). */
  onContext?: (context: BrowserContext) => void;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens chrome-extension://ID/popup.html in a new tab. */
  openPopup(): Promise<Page>;
  /** A new tab (the persistent context's first blank tab is reused once). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** `MAP host 127.0.0.1:port` for each host and its subdomains, then optionally everything else. */
export function hostResolverRules(hosts: string[], port: number, blockOthers = true): string {
  const rules = hosts.flatMap((h) => [
    `MAP ${h} 127.0.0.1:${port}`,
    `MAP *.${h} 127.0.0.1:${port}`,
  ]);
  if (blockOthers) rules.push('MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost');
  return rules.join(', ');
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'ff-e2e-profile-'));
  const headless = options.headless ?? process.env.FF_HEADED !== '1';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    ignoreHTTPSErrors: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'dark',
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${hostResolverRules(options.hosts, options.port, options.blockOtherHosts ?? true)}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    options.onContext?.(context);
    const serviceWorker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    let blank: Page | undefined = context.pages()[0];
    const newPage = async () => {
      const page = blank ?? (await context.newPage());
      blank = undefined;
      return page;
    };
    return {
      context,
      extensionId,
      serviceWorker,
      newPage,
      async openPopup() {
        const page = await newPage();
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        return page;
      },
      async close() {
        await context.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Resolves once the background has stored the dataset (content scripts wait for it). */
export async function waitForDataset(ext: ExtensionBrowser, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await ext.serviceWorker
      .evaluate(async () => {
        interface StorageArea {
          get(key: string): Promise<Record<string, unknown>>;
        }
        const api = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } })
          .chrome;
        const stored = await api.storage.local.get('dataset');
        return stored.dataset !== undefined;
      })
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the background never stored a dataset');
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Launches Firefox ESR with the built Firefox add-on (.output/firefox-mv2), driven by puppeteer-core
// over WebDriver BiDi (Playwright cannot drive a stock Firefox and geckodriver is not packaged).
//
// Host mapping: Firefox has no --host-resolver-rules, so a proxy auto-config script (a data: URL in
// `network.proxy.autoconfig_url`) sends the mapped hosts to a tiny local CONNECT proxy, which tunnels
// every CONNECT for a mapped host to the HTTPS test server and refuses everything else (runs stay
// offline). TLS, SNI and the Host header still say x.com, so the page really is https://x.com/home
// and the manifest's match patterns decide where the content script runs. The self-signed
// certificate is accepted through the BiDi session (`acceptInsecureCerts`).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BADGE_TAG, collectBadges, pollBadges, type BadgeState } from './page';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(
  process.env.FF_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2',
);
/** The moz-extension:// host the add-on gets (pinned with `extensions.webextensions.uuids`). */
export const FIREFOX_EXTENSION_UUID = '3f0e6a52-7c1d-4b8e-9a55-2f2f6f1e0a11';

export interface ConnectProxy {
  port: number;
  /** Every CONNECT seen, `host:port`, with ` refused` for hosts that are not mapped. */
  log: string[];
  close(): Promise<void>;
}

const isMapped = (hosts: string[], host: string) =>
  hosts.some((h) => host === h || host.endsWith(`.${h}`));

/**
 * An HTTP proxy on 127.0.0.1 that only understands CONNECT: a mapped host (or subdomain) on any
 * port is tunnelled to 127.0.0.1:targetPort; anything else gets 403.
 */
export async function startConnectProxy(
  targetPort: number,
  hosts: string[],
): Promise<ConnectProxy> {
  const log: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' });
    res.end('CONNECT only');
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const host = (req.url ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (!isMapped(hosts, host)) {
      log.push(`${req.url} refused`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    log.push(req.url ?? '');
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    log,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

/**
 * A PAC script: mapped hosts (and subdomains) go through the proxy; with `blockOthers`, every other
 * host except loopback goes to a closed port, so it fails fast instead of reaching the network.
 */
export function pacScript(hosts: string[], proxyPort: number, blockOthers = true): string {
  const tests = hosts.map(
    (h) => `host === ${JSON.stringify(h)} || dnsDomainIs(host, ${JSON.stringify(`.${h}`)})`,
  );
  const others = blockOthers ? `'PROXY 127.0.0.1:9'` : `'DIRECT'`;
  return [
    'function FindProxyForURL(url, host) {',
    `  if (${tests.join(' || ')}) return 'PROXY 127.0.0.1:${proxyPort}';`,
    `  if (host === '127.0.0.1' || host === 'localhost') return 'DIRECT';`,
    `  return ${others};`,
    '}',
  ].join('\n');
}

export interface FirefoxLaunchOptions {
  /** Unpacked add-on folder; defaults to .output/firefox-mv2. */
  extensionDir?: string;
  /** Port of the local HTTPS server that the hosts below are tunnelled to. */
  port: number;
  /** Host names sent to the local server, e.g. ['x.com', 'twitter.com']. Subdomains follow. */
  hosts: string[];
  /** Default: headless unless FF_HEADED=1. */
  headless?: boolean;
  /** Send every other host to a closed port (default true): runs stay offline and fast. */
  blockOtherHosts?: boolean;
  viewport?: { width: number; height: number };
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The gecko id from the built manifest. */
  addonId: string;
  /** moz-extension://UUID (no trailing slash). */
  baseUrl: string;
  proxy: ConnectProxy;
  /** Opens moz-extension://UUID/popup.html in a new tab and waits for its switch. */
  openPopup(): Promise<Page>;
  /** Opens an extension page (e.g. 'options.html') in a new tab, once `selector` is present. */
  openExtensionPage(path: string, selector: string): Promise<Page>;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(
  options: FirefoxLaunchOptions,
): Promise<FirefoxExtensionBrowser> {
  const extensionDir = resolve(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No built add-on in ${extensionDir}: run \`npm run build:firefox\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error('the Firefox manifest has no browser_specific_settings.gecko.id');

  const proxy = await startConnectProxy(options.port, options.hosts);
  const pac = pacScript(options.hosts, proxy.port, options.blockOtherHosts ?? true);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: options.headless ?? process.env.FF_HEADED !== '1',
      acceptInsecureCerts: true,
      defaultViewport: options.viewport ?? { width: 1280, height: 900 },
      // Without it, WebDriver BiDi may not open moz-extension:// pages.
      env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
        'network.proxy.type': 2,
        'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
        // The PAC script decides DNS for proxied hosts; nothing is resolved for them locally.
        'network.proxy.socks_remote_dns': true,
        'network.proxy.allow_hijacking_localhost': false,
        'network.dns.disablePrefetch': true,
        'network.http.http3.enable': false,
        'ui.prefersReducedMotion': 1,
        'ui.systemUsesDarkTheme': 1,
        'layout.css.prefers-color-scheme.content-override': 0,
        // A first-run page would be a surprise tab; the extension's welcome page is allowed.
        'browser.startup.homepage_override.mstone': 'ignore',
        'datareporting.policy.dataSubmissionEnabled': false,
      },
    });
    const addon = await browser.installExtension(extensionDir);
    if (addon !== addonId) throw new Error(`installed add-on id ${addon}, expected ${addonId}`);
    const baseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
    const b = browser;
    const openExtensionPage = async (path: string, selector: string) => {
      const page = await b.newPage();
      // A navigation to a moz-extension:// page may never report its end over BiDi: start it, and
      // wait for the page's own content instead.
      void page
        .goto(`${baseUrl}/${path}`, { waitUntil: 'domcontentloaded', timeout: 15_000 })
        .catch(() => undefined);
      // A wait that starts on about:blank can fail with a protocol error when the navigation
      // replaces the realm under it ("right-hand side of 'in' should be an object"): wait again.
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
          return page;
        } catch (error) {
          if (Date.now() >= deadline || (error as Error).name === 'TimeoutError') throw error;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    return {
      browser,
      addonId,
      baseUrl,
      proxy,
      openExtensionPage,
      openPopup: () => openExtensionPage('popup.html', 'input[data-testid="toggle-enabled"]'),
      newPage: () => b.newPage(),
      async close() {
        await b.close().catch(() => undefined);
        await proxy.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await proxy.close();
    throw error;
  }
}

/** Resolves once the add-on has stored its dataset (read from an extension page's storage). */
export async function waitForFirefoxDataset(
  ext: FirefoxExtensionBrowser,
  timeoutMs = 15_000,
): Promise<void> {
  const page = await ext.openPopup();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await page
        .evaluate(async () => {
          interface StorageArea {
            get(key: string): Promise<Record<string, unknown>>;
          }
          const api = (globalThis as unknown as { browser: { storage: { local: StorageArea } } })
            .browser;
          const stored = await api.storage.local.get('dataset');
          return stored.dataset !== undefined;
        })
        .catch(() => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error('the add-on never stored a dataset');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** One snapshot of every post and its badge rows (same reader as the Chromium helpers). */
export function readFirefoxBadges(page: Page): Promise<BadgeState> {
  return page.evaluate(collectBadges, BADGE_TAG);
}

export function waitForFirefoxBadges(
  page: Page,
  accept: (state: BadgeState) => boolean,
  options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<BadgeState> {
  return pollBadges(() => readFirefoxBadges(page), accept, options);
}

/** Selector of one pill (puppeteer's `>>>` reaches into the badge row's open shadow root). */
export function firefoxPill(statusId: string, family: string): string {
  return `${BADGE_TAG}[data-ff-key="x:${statusId}"] >>> button.ff-pill[data-family="${family}"]`;
}

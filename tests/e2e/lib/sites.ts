// The site fixtures (tests/fixtures/sites/**) served at their real hosts, with the badges each one
// must show written out per post, and page-side readers of badge rows that work on any site (rows
// carry their post's key in data-ff-key, so no site's post markup is needed to read them).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { BADGE_TAG } from './page';
import { MIME, type Route } from './server';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SitePage {
  /** Adapter id, as in the settings' `sites` and the options page's `site-<id>` switch. */
  site: string;
  /** tests/fixtures/sites/<fixture> */
  fixture: string;
  /** The address the fixture is served at (its host must be in SITE_HOSTS). */
  url: string;
  /**
   * Every post the adapter reads on this page, by post key: the badge families its text names,
   * or [] for a post that names no model and must stay without a badge row.
   */
  expected: Record<string, string[]>;
}

/** Every fixture page, each at a real address of its site (so the manifest's patterns apply). */
export const SITE_PAGES: SitePage[] = [
  {
    site: 'x',
    fixture: 'x/feed.html',
    url: 'https://x.com/home',
    expected: {
      'x:1852311426666537322': [], // "🦊🦊"
      'x:1852399990000000001': ['veo'], // "Tried Veo 3 for a product shot today…"
      'x:1852411110000000002': ['sora', 'veo'], // "Sora 2 is getting scary good." quoting a Veo 3 post
      'x:1852422220000000003': [], // "Coffee first, then code…"
    },
  },
  {
    site: 'x',
    fixture: 'x/quote.html',
    url: 'https://x.com/i/lists/1852000000000000001',
    expected: {
      'x:1852411110000000002': ['sora', 'veo'], // own text Sora 2, quoted text Veo 3
      'x:1852433330000000004': ['kling'], // "Our new Kling 2.1 reel is up" (media-only quote)
    },
  },
  {
    site: 'reddit',
    fixture: 'reddit/shreddit-feed.html',
    url: 'https://www.reddit.com/',
    expected: {
      'reddit:t3_1g2abcd': ['sora'], // "Sora 2 nails the physics of pouring water"
      'reddit:t3_1g2efgh': [], // "Best budget mechanical keyboard in 2025?…"
      'reddit:t3_1g2ijkl': ['veo', 'kling'], // "Veo 3 vs Kling 2.1 for product shots"
    },
  },
  {
    site: 'reddit',
    fixture: 'reddit/shreddit-comments.html',
    url: 'https://www.reddit.com/r/aivideo/comments/1g2mnop/made_a_30_second_ad_with_sora_2/',
    expected: {
      'reddit:t3_1g2mnop': ['sora'], // "Made a 30 second ad with Sora 2"
      'reddit:t1_lq1abcd': ['veo'], // "Did you try Veo 3 for the close-ups?"
      'reddit:t1_lq1efgh': [], // "Not yet, the budget ran out."
      'reddit:t1_lq1ijkl': [], // "The music is great. Who made it?"
    },
  },
  {
    site: 'reddit',
    fixture: 'reddit/old-feed.html',
    url: 'https://old.reddit.com/',
    expected: {
      'reddit:t3_1g2abcd': ['sora'],
      'reddit:t3_1g2efgh': [],
    },
  },
  {
    site: 'reddit',
    fixture: 'reddit/old-comments.html',
    url: 'https://old.reddit.com/r/aivideo/comments/1g2mnop/made_a_30_second_ad_with_sora_2/',
    expected: {
      'reddit:t3_1g2mnop': ['sora'],
      'reddit:t1_lq1abcd': ['veo'],
      'reddit:t1_lq1efgh': [],
    },
  },
  {
    site: 'youtube',
    fixture: 'youtube/home.html',
    url: 'https://www.youtube.com/',
    expected: {
      'youtube:aB3dE5fG7hI': ['veo'], // "I tested Veo 3 against real footage"
      'youtube:Zx9Yw8Vu7Ts': [], // "Sourdough starter from scratch…"
      'youtube:Qw3Er5Ty7Ui': ['sora'], // "My cat, but Sora 2 made it #sora2 #ai"
    },
  },
  {
    site: 'youtube',
    fixture: 'youtube/search.html',
    url: 'https://www.youtube.com/results?search_query=veo+3',
    expected: {
      'youtube:Kl1Mn2Op3Qr': ['veo'], // "Google Veo 3 full review…"
      'youtube:St4Uv5Wx6Yz': [], // "How to fix a leaking tap in 5 minutes"
    },
  },
  {
    site: 'youtube',
    fixture: 'youtube/watch.html',
    url: 'https://www.youtube.com/watch?v=Vx1Yz2Ab3Cd',
    expected: {
      'youtube:Vx1Yz2Ab3Cd': ['sora'], // "A short film made entirely with Sora 2"
      'youtube:Ef4Gh5Ij6Kl': ['kling', 'veo'], // watch-next "Kling 2.1 vs Veo 3: same prompts"
    },
  },
  {
    site: 'youtube',
    fixture: 'youtube/shorts.html',
    url: 'https://www.youtube.com/shorts/Ab1Cd2Ef3Gh',
    expected: {
      'youtube:Ab1Cd2Ef3Gh': ['veo'], // "A city inside a snow globe, made with Veo 3"
      'youtube:Hj7Kl8Mn9Op': [], // "Peel garlic in 10 seconds"
    },
  },
  {
    site: 'bluesky',
    fixture: 'bluesky/feed.html',
    url: 'https://bsky.app/',
    expected: {
      'bluesky:tinyworlds.bsky.social/3m2abcxyz7k2d': ['veo'], // "…made with Veo 3…"
      'bluesky:gardener.bsky.social/3m2abcdef1a2b': [], // "The tomatoes finally turned red…"
    },
  },
  {
    site: 'bluesky',
    fixture: 'bluesky/thread.html',
    url: 'https://bsky.app/profile/filmlab.bsky.social/post/3m2focus00001',
    expected: {
      'bluesky:filmlab.bsky.social/3m2focus00001': ['sora'], // "Sora 2 cameo test…"
      'bluesky:quietreader.bsky.social/3m2abd0000001': [], // "Ha, he looks very serious."
    },
  },
  {
    site: 'threads',
    fixture: 'threads/feed.html',
    url: 'https://www.threads.com/',
    expected: {
      'threads:DPa1b2C3d4E': ['sora'], // "Tried Sora 2 for a product teaser…"
      'threads:DPZ9y8X7w6V': [], // "Rye loaf number four…"
    },
  },
  {
    site: 'mastodon',
    fixture: 'mastodon/home.html',
    url: 'https://mastodon.social/home',
    expected: {
      'mastodon:mastodon.social/113245678901234567': ['veo'], // "Trying Veo 3 for a museum project"
      'mastodon:mastodon.social/113245600000000001': [], // "A heron on the canal…"
    },
  },
  {
    site: 'mastodon',
    fixture: 'mastodon/thread.html',
    url: 'https://mastodon.social/@kenji/113250000000000042',
    expected: {
      'mastodon:mastodon.social/113250000000000042': ['sora'], // "Sora 2 cameo tests, a thread."
      'mastodon:mastodon.social/113250000000000077': [], // "Following along…"
    },
  },
  {
    site: 'hackernews',
    fixture: 'hackernews/front.html',
    url: 'https://news.ycombinator.com/',
    expected: {
      'hackernews:45470001': ['veo'], // "Veo 3 generates audio and video together…"
      'hackernews:45470002': [], // "How SQLite's WAL mode actually works"
    },
  },
  {
    site: 'hackernews',
    fixture: 'hackernews/item.html',
    url: 'https://news.ycombinator.com/item?id=45480000',
    expected: {
      'hackernews:45480000': ['sora'], // "Ask HN: Is anyone using Sora 2 in production?"
      'hackernews:45480101': ['sora', 'veo'], // "We switched from Sora 2 to Veo 3…"
      'hackernews:45480102': [], // "What do you use for storage of the renders?"
    },
  },
  {
    site: 'linkedin',
    fixture: 'linkedin/feed.html',
    url: 'https://www.linkedin.com/feed/',
    expected: {
      'linkedin:7380001112223334445': ['veo'], // "…a week to a day with Veo 3."
      'linkedin:7380001112223334999': [], // "Our quarterly planning template…"
    },
  },
  {
    site: 'tiktok',
    fixture: 'tiktok/foryou.html',
    url: 'https://www.tiktok.com/foryou',
    expected: {
      'tiktok:7556677889900112233': ['veo'], // "…made with Veo 3 #veo3 #aivideo"
      'tiktok:7556677889900445566': [], // "Peel garlic in 10 seconds…"
    },
  },
  {
    site: 'instagram',
    fixture: 'instagram/feed.html',
    url: 'https://www.instagram.com/',
    expected: {
      'instagram:DPa1b2C3d4E': ['sora'], // "…Made with Sora 2, edited by hand."
      'instagram:DPZ9y8X7w6V': [], // "Rye loaf number four…"
    },
  },
  {
    site: 'facebook',
    fixture: 'facebook/feed.html',
    url: 'https://www.facebook.com/',
    expected: {
      'facebook:pfbid02xYzAbCdEfGhIjKlMnOpQrStUvWxYz1234567890abcdefl': ['veo'], // "…a Veo 3 generation."
      'facebook:pfbid0AbC123': [], // "Rye loaf number four…"
    },
  },
];

/** The real hosts of the fixtures (each also maps its subdomains). */
export const SITE_HOSTS = [
  'x.com',
  'reddit.com',
  'youtube.com',
  'bsky.app',
  'threads.com',
  'news.ycombinator.com',
  'linkedin.com',
  'tiktok.com',
  'instagram.com',
  'facebook.com',
  'mastodon.social',
];

export function readSiteFixture(fixture: string): string {
  return readFileSync(join(ROOT, 'tests/fixtures/sites', fixture), 'utf8');
}

/** A fixture (a body fragment) as a whole page. */
export function sitePageHtml(fixture: string, title = fixture): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
${readSiteFixture(fixture)}
</body>
</html>
`;
}

/**
 * Serves each page at its address (host + path + query), plus `extra` pages as
 * `https://host/path` -> fixture. Everything else is a 404; favicons are empty.
 */
export function sitesRoute(pages: SitePage[], extra: Record<string, string> = {}): Route {
  const table = new Map<string, string>();
  for (const p of pages) {
    const u = new URL(p.url);
    table.set(`${u.host}${u.pathname}${u.search}`, p.fixture);
  }
  for (const [address, fixture] of Object.entries(extra)) {
    const u = new URL(address);
    table.set(`${u.host}${u.pathname}${u.search}`, fixture);
  }
  return ({ url, host }) => {
    if (url.pathname === '/favicon.ico') return { status: 204, type: MIME.text, body: '' };
    const fixture = table.get(`${host}${url.pathname}${url.search}`);
    return fixture ? { type: MIME.html, body: sitePageHtml(fixture) } : null;
  };
}

export interface SiteBadges {
  /** Post key -> badge families of its row(s), sorted. */
  families: Record<string, string[]>;
  /** Post key -> number of badge rows carrying that key (must never exceed 1). */
  rows: Record<string, number>;
  /** Every row in the page. */
  total: number;
}

/** In-page: every badge row, by the post key it carries. Self-contained (runs in the page). */
export function collectSiteBadges(tag: string): SiteBadges {
  const state = { families: {} as Record<string, string[]>, rows: {} as Record<string, number> };
  const hosts = Array.from(document.querySelectorAll(tag));
  for (const host of hosts) {
    const key = host.getAttribute('data-ff-key') ?? '';
    state.rows[key] = (state.rows[key] ?? 0) + 1;
    const families = Array.from(
      host.shadowRoot?.querySelectorAll('button.ff-pill') ?? [],
      (b) => b.getAttribute('data-family') ?? '',
    );
    state.families[key] = [...(state.families[key] ?? []), ...families].sort();
  }
  return { ...state, total: hosts.length };
}

export function readSiteBadges(page: Page): Promise<SiteBadges> {
  return page.evaluate(collectSiteBadges, BADGE_TAG);
}

/** What the page must show for `expected`: a row per post with families, none for the rest. */
export function expectedBadges(expected: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(expected)
      .filter(([, families]) => families.length > 0)
      .map(([key, families]) => [key, [...families].sort()]),
  );
}

/** True when the page shows exactly `expected`'s badges, one row per post, and nothing else. */
export function badgesMatch(state: SiteBadges, expected: Record<string, string[]>): boolean {
  const want = expectedBadges(expected);
  return (
    JSON.stringify(sortKeys(state.families)) === JSON.stringify(sortKeys(want)) &&
    Object.values(state.rows).every((n) => n === 1)
  );
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Polls until `accept` holds twice `settleMs` apart (a scanner still at work must not pass early);
 * returns the last state either way, so the caller's assertion shows what was there.
 */
export async function settleSiteBadges(
  page: Page,
  accept: (state: SiteBadges) => boolean,
  { timeoutMs = 10_000, settleMs = 300 } = {},
): Promise<SiteBadges> {
  const deadline = Date.now() + timeoutMs;
  let last = await readSiteBadges(page);
  for (;;) {
    if (accept(last)) {
      await page.waitForTimeout(settleMs);
      const again = await readSiteBadges(page);
      if (accept(again)) return again;
      last = again;
    }
    if (Date.now() > deadline) return last;
    await page.waitForTimeout(100);
    last = await readSiteBadges(page);
  }
}

/**
 * The popup, opened as a tab, answering for `page`: the popup asks for the active tab of its window,
 * so the site's tab is brought to the front and the (background) popup tab reloaded.
 */
export async function openPopupFor(ext: ExtensionBrowser, page: Page): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await page.bringToFront();
  await popup.reload();
  await popup.locator('input[data-testid="toggle-enabled"]').waitFor({ state: 'attached' });
  return popup;
}

/**
 * The stored custom sites and the registered content script's patterns, read in an extension page
 * (the service worker handle Playwright gave at launch goes stale if Chrome restarts the worker).
 */
export function customSiteRegistration(
  extensionPage: Page,
): Promise<{ stored: unknown; matches: string[] }> {
  return extensionPage.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        chrome: {
          storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
          scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
        };
      }
    ).chrome;
    const stored = (await api.storage.local.get('customSites')).customSites;
    const scripts = await api.scripting.getRegisteredContentScripts();
    return { stored, matches: scripts.flatMap((s) => s.matches ?? []) };
  });
}

/**
 * A copy of a built extension whose manifest also holds `origins` as required host permissions:
 * Chrome grants them at install, with no prompt. Used where a test needs a site permission the
 * user would grant from the popup: Chrome's permissions.request() prompt is native browser UI that
 * neither CDP nor a command-line switch can answer (auto-confirm exists only inside Chromium's own
 * browser tests, PermissionsRequestFunction::SetAutoConfirmForTests), and a popup opened as a tab
 * cannot see a site's address without activeTab (granted only by a real toolbar click or shortcut)
 * or a host permission. With the origin already granted, permissions.request() resolves true at
 * once, so the popup's own "Switch on" code still runs. Returns the folder and a cleanup.
 */
export function extensionWithHostPermissions(
  extensionDir: string,
  origins: string[],
): { dir: string; remove(): void } {
  const base = mkdtempSync(join(tmpdir(), 'ff-e2e-ext-'));
  const dir = join(base, 'chrome-mv3');
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions?: string[];
  };
  manifest.host_permissions = [
    ...(manifest.host_permissions ?? []),
    ...origins.map((o) => `${o}/*`),
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}

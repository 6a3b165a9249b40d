// Page-side helpers over the DOM contract: badge rows are <frame-facts-badges data-ff-key="x:ID">
// with an open shadow root of button.ff-pill[data-family]; the fact card is
// <frame-facts-card> with [data-testid="ff-card"] inside.
import type { Page } from 'playwright-core';

export const BADGE_TAG = 'frame-facts-badges';
export const CARD = '[data-testid="ff-card"]';

export interface BadgeState {
  /** Status id -> badge families of that post (in pill order), for posts with a badge row. */
  families: Record<string, string[]>;
  /** Status id -> number of badge rows inside that post's article (must never exceed 1). */
  rows: Record<string, number>;
  /** Badge rows whose post could not be found. */
  orphans: number;
  posts: number;
}

/**
 * The in-page half of readBadges: runs inside the page (Playwright's or Puppeteer's evaluate), so
 * it must stay self-contained. Exported for drivers other than Playwright (lib/firefox.ts).
 */
export function collectBadges(tag: string): BadgeState {
  const state = {
    families: {} as Record<string, string[]>,
    rows: {} as Record<string, number>,
    orphans: 0,
    posts: 0,
  };
  const articles = Array.from(document.querySelectorAll('article[data-testid="tweet"]'));
  state.posts = articles.length;
  for (const article of articles) {
    const time = article.querySelector('a[href*="/status/"] time');
    const href = time?.closest('a')?.getAttribute('href') ?? '';
    const id = /\/status\/(\d+)/.exec(href)?.[1];
    if (!id) continue;
    const hosts = Array.from(article.querySelectorAll(tag));
    if (hosts.length === 0) continue;
    state.rows[id] = hosts.length;
    state.families[id] = hosts.flatMap((host) =>
      Array.from(host.shadowRoot?.querySelectorAll('button.ff-pill') ?? [], (b) =>
        b.getAttribute('data-family'),
      ).filter((f): f is string => f !== null),
    );
  }
  state.orphans = Array.from(document.querySelectorAll(tag)).filter(
    (host) => !host.closest('article[data-testid="tweet"]'),
  ).length;
  return state;
}

/** One snapshot of every post and its badge rows (reads open shadow roots directly). */
export function readBadges(page: Page): Promise<BadgeState> {
  return page.evaluate(collectBadges, BADGE_TAG);
}

/**
 * Polls `read()` until `accept(state)` holds twice `settleMs` apart (a scanner that is still
 * working must not pass early), returning that state, or throws with the last one seen.
 */
export async function pollBadges(
  read: () => Promise<BadgeState>,
  accept: (state: BadgeState) => boolean,
  { timeoutMs = 15_000, settleMs = 300 } = {},
): Promise<BadgeState> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  for (;;) {
    if (accept(last)) {
      await sleep(settleMs);
      const again = await read();
      if (accept(again)) return again;
      last = again;
    }
    if (Date.now() > deadline)
      throw new Error(`badges never reached the expected state; last: ${JSON.stringify(last)}`);
    await sleep(150);
    last = await read();
  }
}

/** Polls until `accept(state)` holds, returning that state, or throws with the last one seen. */
export function waitForBadges(
  page: Page,
  accept: (state: BadgeState) => boolean,
  options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<BadgeState> {
  return pollBadges(() => readBadges(page), accept, options);
}

/** Locator of one post's pill for a family (page.locator pierces the open shadow root). */
export function pill(page: Page, statusId: string, family: string) {
  return page.locator(
    `${BADGE_TAG}[data-ff-key="x:${statusId}"] button.ff-pill[data-family="${family}"]`,
  );
}

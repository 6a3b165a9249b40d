// X / Twitter: timeline, status page and quote posts. Selectors follow X's data-testid hooks.
import { after, findPosts, isElement, pageUrl } from './dom';
import { cleanText, joinText, visibleText } from './text';
import type { SiteAdapter } from './types';

export const xMatches = [
  '*://x.com/*',
  '*://*.x.com/*',
  '*://twitter.com/*',
  '*://*.twitter.com/*',
];

// One post, in the timeline, on a status page (focused post and replies) and in lists.
const POST = 'article[data-testid="tweet"]';
// The post's own text; a quote card carries a second one.
const TEXT = '[data-testid="tweetText"]';
// A quoted post is drawn as a clickable card (div role=link) inside the quoting article.
const QUOTE = 'div[role="link"]';
// The header with display name, @handle and the timestamp link.
const USER_NAME = '[data-testid="User-Name"]';
// The permalink is the link around the post's timestamp; a quote's timestamp has no link of its own.
const TIME_LINK = 'a[href*="/status/"] time';
const VIDEO = '[data-testid="videoPlayer"], video';
// /user/status/123 and the /i/web/status/123 form X uses when it has no handle.
const STATUS_PATH = /^\/(?:i\/web|([^/]+))\/status\/(\d+)/;

function statusLink(post: Element): HTMLAnchorElement | null {
  for (const time of post.querySelectorAll(TIME_LINK)) {
    // Skip a timestamp inside a quote card, should X ever link it.
    if (time.closest(QUOTE)?.closest(POST) === post) continue;
    return time.closest('a');
  }
  return null;
}

function statusFromHref(
  href: string,
  base: string,
): { user: string | null; id: string; url: string } | null {
  const url = new URL(href, base);
  const m = STATUS_PATH.exec(url.pathname);
  if (!m) return null;
  const user = m[1] ?? null;
  return { user, id: m[2]!, url: `${url.origin}/${user ?? 'i/web'}/status/${m[2]}` };
}

/** The post's own text container, not the one inside a quoted post. */
function ownText(post: Element): Element | null {
  for (const t of post.querySelectorAll(TEXT)) if (!insideQuote(t, post)) return t;
  return null;
}

function insideQuote(el: Element, post: Element): boolean {
  const card = el.closest(QUOTE);
  return card !== null && post.contains(card) && card !== post;
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  matchPatterns: xMatches,
  matches: (url) => /(^|\.)(x|twitter)\.com$/.test(url.hostname),
  root: (doc) => doc.querySelector('main') ?? doc.body,
  posts: (root) => findPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const base = pageUrl(post);
    const href = statusLink(post)?.getAttribute('href');
    // The focused post on a status page (tabindex=-1) may lack a timestamp link; its id is in the
    // address. Other posts without one (ads) are skipped rather than given the page's id.
    const status = href
      ? statusFromHref(href, base)
      : post.getAttribute('tabindex') === '-1'
        ? statusFromHref(base, base)
        : null;
    if (!status) return null;
    const own = ownText(post);
    // Own text first, then the quoted post's: the reader sees both, the badge belongs to this post.
    const quoted = Array.from(post.querySelectorAll(TEXT)).filter((t) => t !== own);
    const text = joinText(own ? visibleText(own) : '', ...quoted.map(visibleText));
    if (!text) return null;
    const name = Array.from(post.querySelectorAll(USER_NAME)).find((n) => !insideQuote(n, post));
    const handle = name ? /@\w+/.exec(cleanText(visibleText(name)))?.[0] : undefined;
    return {
      key: `x:${status.id}`,
      text,
      author: status.user ? `@${status.user}` : (handle ?? null),
      url: status.url,
      hasVideo: post.querySelector(VIDEO) !== null,
      platformLabel: null,
    };
  },
  anchor(post) {
    const own = ownText(post);
    if (own) return after(own);
    // No text of its own (a media-only quote): after the quote card, never inside the link.
    const quoted = post.querySelector(TEXT)?.closest(QUOTE);
    return quoted && isElement(quoted) ? after(quoted) : after(post.querySelector(TEXT));
  },
};

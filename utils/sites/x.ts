// X / Twitter: timeline, status page and quote posts. Selectors follow X's data-testid hooks.
import { after, findFlatPosts, isElement, pageUrl } from './dom';
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
// The permalink is the link around the post's timestamp; a quote's timestamp has no link of its own.
const TIME_LINK = 'a[href*="/status/"] time';
// The header with display name, @handle and usually the timestamp link.
const USER_NAME = '[data-testid="User-Name"]';
// X's hook for a video or GIF player (the <video> inside it may not be loaded yet).
const VIDEO = '[data-testid="videoPlayer"]';
// /user/status/123 and the /i/web/status/123 form X uses when it has no handle.
const STATUS_PATH = /^\/(?:i\/web|([^/]+))\/status\/(\d+)/;

interface Parts {
  ownText: Element | null;
  quotedTexts: Element[];
  name: Element | null;
  timeLink: HTMLAnchorElement | null;
  hasVideo: boolean;
}

const inQuote = (el: Element, post: Element) => {
  const card = el.closest(QUOTE);
  return card !== null && post.contains(card);
};

/** The first match of `selector` in `scope` (inside `post`) that is not a quoted post's. */
function firstOwn(scope: Element, selector: string, post = scope): Element | null {
  // A post's own header and text come before any quote card in it: the first match, which stops
  // the walk early, is nearly always the one.
  const first = scope.querySelector(selector);
  if (first === null || !inQuote(first, post)) return first;
  for (const el of scope.querySelectorAll(selector)) if (!inQuote(el, post)) return el;
  return null;
}

/** The first permalink under `scope` that is not a quoted post's. */
const statusLink = (scope: Element, post: Element) =>
  firstOwn(scope, TIME_LINK, post)?.closest('a') ?? null;

/** Each post's own text as its last read found it: where its row goes, without a second walk. */
const ownTexts = new WeakMap<Element, Element>();

/**
 * A post is hundreds of nodes and each selector walks all of them: three simple test-id queries
 * (faster in Chromium than one walk with a selector list, or one over every test id), and the
 * permalink looked for in the header first.
 */
function parts(post: Element): Parts {
  let ownText: Element | null = null;
  const quotedTexts: Element[] = [];
  for (const el of post.querySelectorAll(TEXT)) {
    if (ownText === null && !inQuote(el, post)) ownText = el;
    else quotedTexts.push(el);
  }
  if (ownText) ownTexts.set(post, ownText);
  const name = firstOwn(post, USER_NAME);
  // The focused post of a status page has its timestamp below the text, not in the header.
  const timeLink = (name && statusLink(name, post)) ?? statusLink(post, post);
  return { ownText, quotedTexts, name, timeLink, hasVideo: post.querySelector(VIDEO) !== null };
}

const origins = new Map<string, string>();
/** The origin of a page address, parsed once per address rather than once per post. */
function originOf(base: string): string {
  let origin = origins.get(base);
  if (origin === undefined) {
    origin = new URL(base).origin;
    if (origins.size > 50) origins.clear();
    origins.set(base, origin);
  }
  return origin;
}

function statusFromHref(
  href: string,
  base: string,
): { user: string | null; id: string; url: string } | null {
  // X links are root-relative paths; only anything else needs the URL parser.
  let origin: string;
  let path: string;
  if (href.startsWith('/') && !href.startsWith('//')) {
    origin = originOf(base);
    path = href;
  } else {
    const url = new URL(href, base);
    origin = url.origin;
    path = url.pathname;
  }
  const m = STATUS_PATH.exec(path);
  if (!m) return null;
  const user = m[1] ?? null;
  return { user, id: m[2]!, url: `${origin}/${user ?? 'i/web'}/status/${m[2]}` };
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  matchPatterns: xMatches,
  matches: (url) => /(^|\.)(x|twitter)\.com$/.test(url.hostname),
  root: (doc) => doc.querySelector('main') ?? doc.body,
  posts: (root) => findFlatPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const base = pageUrl(post);
    const found = parts(post);
    const href = found.timeLink?.getAttribute('href');
    // The focused post on a status page (tabindex=-1) may lack a timestamp link; its id is in the
    // address. Other posts without one (ads) are skipped rather than given the page's id.
    const status = href
      ? statusFromHref(href, base)
      : post.getAttribute('tabindex') === '-1'
        ? statusFromHref(base, base)
        : null;
    if (!status) return null;
    // Own text first, then the quoted post's: the reader sees both, the badge belongs to this post.
    const own = found.ownText;
    const text = joinText(own ? visibleText(own) : '', ...found.quotedTexts.map(visibleText));
    if (!text) return null;
    // The header's handle only for the /i/web/status/ form: reading the header is most of a read
    // (emoji in display names are images, walked node by node).
    const handle =
      !status.user && found.name
        ? (/@\w+/.exec(cleanText(visibleText(found.name)))?.[0] ?? null)
        : null;
    return {
      key: `x:${status.id}`,
      text,
      author: status.user ? `@${status.user}` : handle,
      url: status.url,
      hasVideo: found.hasVideo,
      platformLabel: null,
    };
  },
  anchor(post) {
    // The post's own text container, not the one inside a quoted post.
    const read = ownTexts.get(post);
    const own = read && post.contains(read) ? read : firstOwn(post, TEXT);
    if (own) return after(own);
    // No text of its own (a media-only quote): after the quote card, never inside the link.
    const quoted = post.querySelector(TEXT)?.closest(QUOTE);
    return quoted && isElement(quoted) ? after(quoted) : after(post.querySelector(TEXT));
  },
};

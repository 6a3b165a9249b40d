// X / Twitter: timeline, status page and quote posts. Selectors follow X's data-testid hooks.
import { visibleText } from './text';
import type { SiteAdapter } from './types';

const POST = 'article[data-testid="tweet"]';
const TEXT = '[data-testid="tweetText"]';
const STATUS_PATH = /^\/([^/]+)\/status\/(\d+)/;

function statusLink(post: Element): HTMLAnchorElement | null {
  // The permalink is the link around the post's timestamp; other status links are quotes or media.
  const time = post.querySelector('a[href*="/status/"] time');
  return (time?.closest('a') as HTMLAnchorElement | null) ?? null;
}

function statusFromHref(
  href: string,
  base: string,
): { user: string; id: string; url: string } | null {
  const url = new URL(href, base);
  const m = STATUS_PATH.exec(url.pathname);
  return m ? { user: m[1]!, id: m[2]!, url: `${url.origin}/${m[1]}/status/${m[2]}` } : null;
}

export const xAdapter: SiteAdapter = {
  id: 'x',
  matches: (url) => /(^|\.)(x|twitter)\.com$/.test(url.hostname),
  root: (doc) => doc.querySelector('main') ?? doc.body,
  posts: (root) => {
    const found = Array.from(root.querySelectorAll(POST));
    if (root instanceof Element && root.matches(POST)) found.unshift(root);
    return found;
  },
  closestPost: (node) => node.closest(POST),
  read(post) {
    const base = post.ownerDocument.location?.href ?? 'https://x.com/';
    const link = statusLink(post);
    // On a status page the focused post has no timestamp link; its id is in the address.
    const status = statusFromHref(link?.getAttribute('href') ?? base, base);
    if (!status) return null;
    const texts = Array.from(post.querySelectorAll(TEXT), visibleText);
    const text = texts.join('\n');
    if (!text.trim()) return null;
    const name = post.querySelector('[data-testid="User-Name"]');
    return {
      key: `x:${status.id}`,
      text,
      author: name ? `@${status.user}` : null,
      url: status.url,
      hasVideo: post.querySelector('[data-testid="videoPlayer"], video') !== null,
      platformLabel: null,
    };
  },
  anchor(post) {
    const text = post.querySelector(TEXT);
    if (!text?.parentElement) return null;
    return { parent: text.parentElement, before: text.nextSibling };
  },
};

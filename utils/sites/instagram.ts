// Instagram web: home feed posts and post/reel pages. Class names are generated, so identity
// comes from /p/ and /reel/ links and the caption from its long-lived class set or the page's h1.
import { absUrl, after, findLabel, findPosts, firstOf, pageUrl } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const instagramMatches = ['*://www.instagram.com/*'];

// A post in the feed or on its own page.
const POST = 'article';
// Caption: the post page's h1; the feed's caption span (normal weight, unlike the username's).
const TEXT = ['h1[dir="auto"]', 'span._ap3a._aaco._aacu._aacx._aad7._aade'];
const POST_PATH = /^\/(?:[\w.]+\/)?(p|reel|reels)\/([\w-]+)/;
// Profile links are /<username>/; these first path segments are not usernames.
const NOT_USER = /^\/(p|reel|reels|explore|stories|direct|accounts|about|legal)\//;
// Meta's AI disclosure next to the author.
const LABEL = /^(ai info|made with ai|ai[- ]generated)$/i;
const LABEL_CANDIDATES = 'span, div, button, a';
const ROOT = ['main[role="main"]', 'main'];

function shortcode(post: Element): { kind: string; code: string } | null {
  // Prefer the timestamp link (the permalink); other /p/ links (likes, comments) share the code.
  const links: Element[] = [
    ...post.querySelectorAll('a[href*="/p/"] time, a[href*="/reel/"] time'),
  ].map((t) => t.closest('a')!);
  links.push(...post.querySelectorAll('a[href*="/p/"], a[href*="/reel/"]'));
  for (const a of links) {
    const url = absUrl(a.getAttribute('href'), post);
    const m = url ? POST_PATH.exec(url.pathname) : null;
    if (m) return { kind: m[1] === 'p' ? 'p' : 'reel', code: m[2]! };
  }
  const here = absUrl(pageUrl(post), post);
  const m = here ? POST_PATH.exec(here.pathname) : null;
  return m ? { kind: m[1] === 'p' ? 'p' : 'reel', code: m[2]! } : null;
}

function authorOf(post: Element): string | null {
  for (const a of post.querySelectorAll('a[href^="/"]')) {
    const href = a.getAttribute('href')!;
    if (!/^\/[\w.]+\/$/.test(href) || NOT_USER.test(href)) continue;
    if (a.textContent?.trim()) return href.slice(1, -1);
  }
  return null;
}

export const instagramAdapter: SiteAdapter = {
  id: 'instagram',
  matchPatterns: instagramMatches,
  matches: (url) => url.hostname === 'www.instagram.com' || url.hostname === 'instagram.com',
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST, 'outer'),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const sc = shortcode(post);
    if (!sc) return null;
    const caption = firstOf(post, TEXT);
    const text = joinText(caption ? blockText(caption) : '');
    if (!text) return null;
    return {
      key: `instagram:${sc.code}`,
      text,
      author: authorOf(post),
      url: `https://www.instagram.com/${sc.kind}/${sc.code}/`,
      hasVideo: sc.kind === 'reel' || post.querySelector('video') !== null,
      platformLabel: findLabel(post, LABEL_CANDIDATES, LABEL, TEXT.join(', ')),
    };
  },
  anchor(post) {
    const caption = firstOf(post, TEXT);
    // After the caption's row (username + caption + "more"), not between its inline spans.
    const row = caption?.tagName === 'H1' ? caption : caption?.parentElement;
    return after(row && post.contains(row) && row !== post ? row : caption);
  },
};

// Facebook web (www): News Feed posts. Facebook's markup is generated; the stable hooks are
// data-ad-rendering-role / data-ad-preview on the message and author, and feed ARIA positions.
import { absUrl, after, findLabel, findPosts, firstOf, hashKey } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const facebookMatches = ['*://www.facebook.com/*', '*://web.facebook.com/*'];

// A feed post: the positioned feed unit (comments are role=article too, but not positioned).
const POST = '[role="feed"] > div[aria-posinset], div[role="article"][aria-posinset]';
// The post's message, newest hook first.
const TEXT = [
  '[data-ad-rendering-role="story_message"]',
  '[data-ad-comet-preview="message"]',
  '[data-ad-preview="message"]',
];
const AUTHOR = [
  '[data-ad-rendering-role="profile_name"] a',
  '[data-ad-rendering-role="profile_name"]',
  'h2 a',
  'h3 a',
  'h4 a',
];
// Permalink forms: /<page>/posts/<id>, /permalink.php?story_fbid=, /<page>/videos/<id>, /reel/<id>.
const PERMALINK =
  'a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"], a[href*="/videos/"], a[href*="/reel/"]';
const ID_PATH = /\/(?:posts|videos|reel|permalink)\/([\w-]+)/;
// Meta's AI disclosure.
const LABEL = /^(ai info|made with ai|ai[- ]generated)$/i;
const LABEL_CANDIDATES = 'span, div, a';
const ROOT = ['[role="feed"]', '[role="main"]'];

function permalink(post: Element): { id: string; url: string } | null {
  for (const a of post.querySelectorAll(PERMALINK)) {
    const url = absUrl(a.getAttribute('href'), post);
    if (!url) continue;
    const id = url.searchParams.get('story_fbid') ?? ID_PATH.exec(url.pathname)?.[1];
    if (!id) continue;
    // Tracking parameters are not part of the address.
    const clean = new URL(url.pathname, url.origin);
    if (url.searchParams.has('story_fbid')) {
      clean.searchParams.set('story_fbid', id);
      const owner = url.searchParams.get('id');
      if (owner) clean.searchParams.set('id', owner);
    }
    return { id, url: clean.href };
  }
  return null;
}

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  matchPatterns: facebookMatches,
  matches: (url) => /(^|\.)facebook\.com$/.test(url.hostname) && !/^m\./.test(url.hostname),
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST, 'outer'),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const message = firstOf(post, TEXT);
    const text = joinText(message ? blockText(message, '[role="button"]') : '');
    if (!text) return null;
    const author = firstOf(post, AUTHOR)?.textContent?.replace(/\s+/g, ' ').trim() || null;
    const link = permalink(post);
    // Facebook often hides the permalink until hover; then the key is the author + text itself.
    const key = link?.id ?? `h${hashKey(`${author ?? ''}\n${text}`)}`;
    return {
      key: `facebook:${key}`,
      text,
      author,
      url: link?.url ?? null,
      hasVideo: post.querySelector('video') !== null,
      platformLabel: findLabel(post, LABEL_CANDIDATES, LABEL, TEXT.join(', ')),
    };
  },
  anchor: (post) => after(firstOf(post, TEXT)),
};

// Threads (threads.com, formerly threads.net). Class names are generated, so posts are found by
// the pressable container, identity by the /post/ permalink, and text by its dir="auto" spans.
import { absUrl, after, findLabel, findPosts, firstOf, ownMatches } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const threadsMatches = [
  '*://www.threads.com/*',
  '*://threads.com/*',
  '*://www.threads.net/*',
  '*://threads.net/*',
];

// One post (feed, profile and thread page alike).
const POST = '[data-pressable-container="true"]';
// Permalink: /@user/post/<code>, wrapped around the post's <time>.
const TIME_LINK = 'a[href*="/post/"] time';
const POST_PATH = /^\/@([^/]+)\/post\/([\w-]+)/;
// Caption text: spans with dir="auto" that are not inside the header links (author, time), buttons
// (like counts, "Translate") or another post.
const TEXT = 'span[dir="auto"]';
const NOT_TEXT = 'a, button, [role="button"], time, h1, h2, h3';
const VIDEO = 'video';
// Meta's AI disclosure, shown as a short label near the author.
const LABEL = /^(ai info|made with ai|ai[- ]generated)$/i;
const LABEL_CANDIDATES = 'span, div, a';
const ROOT = ['main', '[role="main"]'];

function textSpans(post: Element): Element[] {
  const spans = ownMatches(post, TEXT, POST).filter((s) => {
    const blocked = s.parentElement?.closest(NOT_TEXT);
    return !blocked || !post.contains(blocked);
  });
  // Outermost spans only; nested ones are part of them.
  return spans.filter((s) => !spans.some((o) => o !== s && o.contains(s)));
}

function permalink(post: Element): RegExpExecArray | null {
  for (const time of ownMatches(post, TIME_LINK, POST)) {
    const url = absUrl(time.closest('a')?.getAttribute('href'), post);
    const m = url ? POST_PATH.exec(url.pathname) : null;
    if (m) return m;
  }
  return null;
}

export const threadsAdapter: SiteAdapter = {
  id: 'threads',
  matchPatterns: threadsMatches,
  matches: (url) => /(^|\.)threads\.(com|net)$/.test(url.hostname),
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const m = permalink(post);
    if (!m) return null;
    const spans = textSpans(post);
    const text = joinText(...spans.map((s) => blockText(s)));
    if (!text) return null;
    const origin = absUrl('/', post)?.origin ?? 'https://www.threads.com';
    return {
      key: `threads:${m[2]}`,
      text,
      author: `@${m[1]}`,
      url: `${origin}/@${m[1]}/post/${m[2]}`,
      hasVideo: ownMatches(post, VIDEO, POST).length > 0,
      platformLabel: findLabel(post, LABEL_CANDIDATES, LABEL, TEXT),
    };
  },
  anchor(post) {
    const spans = textSpans(post);
    const last = spans[spans.length - 1];
    // After the caption's block (the div around the spans), not between inline spans.
    const block = last?.closest('div');
    return after(block && post.contains(block) && block !== post ? block : last);
  },
};

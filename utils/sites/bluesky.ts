// Bluesky (bsky.app): feed items and thread posts, found by their test ids (stable across the
// React Native Web class churn).
import { absUrl, after, findPosts, firstOf, ownMatches, pageUrl } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const blueskyMatches = ['*://bsky.app/*', '*://*.bsky.app/*'];

// A post in a feed (the suffix is the author's handle) and a post on a thread page.
const POST = '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]';
const TEXT = '[data-testid="postText"]';
// The timestamp link is the post's permalink: /profile/<handle or did>/post/<rkey>.
const POST_LINK = 'a[href*="/post/"]';
const POST_PATH = /^\/profile\/([^/]+)\/post\/([\w~.-]+)/;
const VIDEO = 'video';
const ROOT = ['main', '#root'];

function handleOf(post: Element): string | null {
  const testid = post.getAttribute('data-testid') ?? '';
  return /-by-(.+)$/.exec(testid)?.[1] ?? null;
}

export const blueskyAdapter: SiteAdapter = {
  id: 'bluesky',
  matchPatterns: blueskyMatches,
  matches: (url) => /(^|\.)bsky\.app$/.test(url.hostname),
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const handle = handleOf(post);
    let match: RegExpExecArray | null = null;
    let url: URL | null = null;
    // The first post link that is the author's own (a quote embed links to another author's).
    for (const a of ownMatches(post, POST_LINK, POST)) {
      url = absUrl(a.getAttribute('href'), post);
      match = url ? POST_PATH.exec(url.pathname) : null;
      if (match && (!handle || match[1] === handle || match[1]!.startsWith('did:'))) break;
      match = null;
    }
    // The focused post of a thread has no link to itself; its address is the page's.
    if (!match && post.matches('[data-testid^="postThreadItem-by-"]')) {
      url = absUrl(pageUrl(post), post);
      match = url ? POST_PATH.exec(url.pathname) : null;
    }
    if (!match || !url) return null;
    const texts = ownMatches(post, TEXT, POST);
    const text = joinText(...texts.map((t) => blockText(t)));
    if (!text) return null;
    const author = handle ?? match[1]!;
    return {
      key: `bluesky:${author}/${match[2]}`,
      text,
      author: `@${author}`,
      url: `${url.origin}/profile/${match[1]}/post/${match[2]}`,
      hasVideo: post.querySelector(VIDEO) !== null,
      platformLabel: null,
    };
  },
  anchor: (post) => after(ownMatches(post, TEXT, POST)[0] ?? post.querySelector(TEXT)),
};

// Hacker News (news.ycombinator.com): server-rendered tables. A story is a tr.athing followed by a
// row with its byline; a comment is a tr.athing.comtr holding everything.
import { absUrl, after, findPosts } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const hackernewsMatches = ['*://news.ycombinator.com/*'];

// Stories (front page, item page) and comments; the row's id is the item id.
const POST = 'tr.athing[id]';
const COMMENT = 'tr.athing.comtr';
const TITLE = '.titleline';
const TITLE_LINK = '.titleline > a';
// Ask/Show HN text on an item page sits in the item table, outside the story row.
const TOP_TEXT = '.toptext';
const COMMENT_TEXT = '.commtext';
const AUTHOR = '.hnuser';
// Links to these are videos; HN has no media of its own.
const VIDEO_HOSTS = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|tiktok\.com)$/;
const ROOT = '#hnmain';

export const hackernewsAdapter: SiteAdapter = {
  id: 'hackernews',
  matchPatterns: hackernewsMatches,
  matches: (url) => url.hostname === 'news.ycombinator.com',
  root: (doc) => doc.querySelector(ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  // A node in a story's byline row belongs to the story row above it.
  closestPost: (node) => {
    const own = node.closest(POST);
    if (own) return own;
    const prev = node.closest('tr')?.previousElementSibling;
    return prev?.matches(POST) ? prev : null;
  },
  read(post) {
    const id = post.id;
    if (!/^\d+$/.test(id)) return null;
    const isComment = post.matches(COMMENT);
    let text: string;
    let author: string | null;
    let hasVideo = false;
    if (isComment) {
      const body = post.querySelector(COMMENT_TEXT);
      text = joinText(body ? blockText(body, '.reply') : '');
      author = post.querySelector(AUTHOR)?.textContent?.trim() || null;
    } else {
      const title = post.querySelector(TITLE_LINK);
      const byline = post.nextElementSibling;
      // The item page's text belongs to the story shown on it.
      const table = post.closest('table.fatitem');
      const top = table?.querySelector(TOP_TEXT);
      text = joinText(title?.textContent, top ? blockText(top) : '');
      author = byline?.querySelector(AUTHOR)?.textContent?.trim() || null;
      const target = absUrl(title?.getAttribute('href'), post);
      hasVideo = target ? VIDEO_HOSTS.test(target.hostname) : false;
    }
    if (!text) return null;
    return {
      key: `hackernews:${id}`,
      text,
      author,
      url: `https://news.ycombinator.com/item?id=${id}`,
      hasVideo,
      platformLabel: null,
    };
  },
  anchor(post) {
    if (post.matches(COMMENT)) return after(post.querySelector(COMMENT_TEXT));
    return after(post.querySelector(TITLE));
  },
};

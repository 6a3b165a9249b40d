// TikTok web: the For You / Following feed and profile/search grids. TikTok's generated class names
// change; its data-e2e hooks are what its own tests use and have held for years.
import { absUrl, after, findLabel, findPosts, firstOf, pageUrl } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const tiktokMatches = ['*://www.tiktok.com/*'];

// A video in the feed (article in the current layout, div before), and a grid item.
const POST = [
  '[data-e2e="recommend-list-item-container"]',
  '[data-e2e="user-post-item"]',
  '[data-e2e="search_top-item"]',
].join(', ');
// Caption: feed, video page, search card.
const TEXT = [
  '[data-e2e="video-desc"]',
  '[data-e2e="browse-video-desc"]',
  '[data-e2e="search-card-video-caption"]',
  '[data-e2e="user-post-item-desc"]',
];
const AUTHOR = [
  '[data-e2e="video-author-uniqueid"]',
  '[data-e2e="browse-username"]',
  '[data-e2e="search-card-user-unique-id"]',
];
// /@user/video/<id> (or /photo/<id> for photo posts).
const VIDEO_PATH = /^\/@([^/]+)\/(video|photo)\/(\d+)/;
// The feed's player wrapper carries the video id: xgwrapper-<index>-<id>.
const PLAYER = '[id^="xgwrapper-"]';
// TikTok's AI disclosure ("Creator labeled as AI-generated", "AI-generated").
const LABEL = /^(creator labeled as ai-generated|ai-generated|contains ai-generated media)$/i;
const LABEL_CANDIDATES = 'span, div, p, a';
const ROOT = ['#main-content-homepage_hot', '[id^="main-content-"]', '#app', 'main'];

function identity(post: Element): { user: string | null; kind: string; id: string } | null {
  for (const a of post.querySelectorAll('a[href*="/video/"], a[href*="/photo/"]')) {
    const url = absUrl(a.getAttribute('href'), post);
    const m = url ? VIDEO_PATH.exec(url.pathname) : null;
    if (m) return { user: m[1]!, kind: m[2]!, id: m[3]! };
  }
  const player = /^xgwrapper-\d+-(\d+)$/.exec(post.querySelector(PLAYER)?.id ?? '');
  if (player) return { user: null, kind: 'video', id: player[1]! };
  const here = absUrl(pageUrl(post), post);
  const m = here ? VIDEO_PATH.exec(here.pathname) : null;
  return m ? { user: m[1]!, kind: m[2]!, id: m[3]! } : null;
}

export const tiktokAdapter: SiteAdapter = {
  id: 'tiktok',
  matchPatterns: tiktokMatches,
  matches: (url) => url.hostname === 'www.tiktok.com' || url.hostname === 'tiktok.com',
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const who = identity(post);
    if (!who) return null;
    const caption = firstOf(post, TEXT);
    // Grid items have no caption element; the thumbnail's alt text is the caption.
    const alt = caption ? '' : (post.querySelector('img[alt]')?.getAttribute('alt') ?? '');
    const text = joinText(caption ? blockText(caption) : alt);
    if (!text) return null;
    const handle = firstOf(post, AUTHOR)?.textContent?.trim().replace(/^@/, '') || who.user || null;
    return {
      key: `tiktok:${who.id}`,
      text,
      author: handle ? `@${handle}` : null,
      url: handle ? `https://www.tiktok.com/@${handle}/${who.kind}/${who.id}` : null,
      hasVideo: who.kind === 'video',
      platformLabel: findLabel(post, LABEL_CANDIDATES, LABEL, TEXT.join(', ')),
    };
  },
  anchor: (post) => after(firstOf(post, TEXT)),
};

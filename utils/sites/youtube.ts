// YouTube (desktop, www): home grid, search results, lockups (new cards, watch-next), the watch
// page's title + description, and the Shorts player. m.youtube.com uses other elements (ytm-*).
import { absUrl, after, findLabel, findPosts, firstOf, outermost, pageUrl } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const youtubeMatches = ['*://www.youtube.com/*', '*://youtube.com/*'];

// Cards: home grid item (holds a ytd-rich-grid-media or a yt-lockup-view-model), search result,
// the new lockup card (search, watch-next, subscriptions), the older watch-next card, a Shorts
// shelf item, the watch page's metadata block and one Short in the Shorts player.
const POST = [
  'ytd-rich-item-renderer',
  'ytd-video-renderer',
  'yt-lockup-view-model',
  'ytd-compact-video-renderer',
  'ytm-shorts-lockup-view-model',
  'ytm-shorts-lockup-view-model-v2',
  'ytd-watch-metadata',
  'ytd-reel-video-renderer',
].join(', ');
const WATCH = 'ytd-watch-metadata';
const REEL = 'ytd-reel-video-renderer';
// Titles, preferred first: the watch page (#title h1), classic cards (#video-title), Shorts
// (…VideoTitle… in the metapanel), lockups (h3).
const TITLE = [
  '#title h1',
  '#video-title',
  '[class*="VideoTitle"]',
  '.yt-lockup-metadata-view-model__title',
  'h3',
  'h2',
];
// Description: search snippet; watch page's expanded text, else its collapsed snippet.
const DESCRIPTION = [
  'ytd-text-inline-expander #expanded yt-attributed-string',
  'ytd-text-inline-expander #attributed-snippet-text',
  '.metadata-snippet-text',
  '#description-text',
];
// Channel links; the avatar link has no text, the name link does.
const CHANNEL = 'a[href^="/@"], a[href^="/channel/"], a[href^="/c/"], a[href^="/user/"]';
const VIDEO_LINK = 'a[href*="/watch?v="], a[href*="/shorts/"]';
// YouTube's disclosure for realistic altered or synthetic media, shown as a short label (watch
// page "How this content was made", Shorts overlay). Matched on its wording: it has no stable hook.
const LABEL_CANDIDATES = 'span, div, p, yt-formatted-string, badge-shape';
const LABEL = /^altered or synthetic content$/i;
// The page manager holds every page type and survives SPA navigation.
const ROOT = ['ytd-page-manager', '#page-manager', 'ytd-app'];

function videoIdFromUrl(url: URL | null): string | null {
  if (!url || !/(^|\.)youtube\.com$|^youtu\.be$/.test(url.hostname)) return null;
  if (url.pathname === '/watch') return url.searchParams.get('v');
  return /^\/shorts\/([\w-]+)/.exec(url.pathname)?.[1] ?? null;
}

function videoId(post: Element): { id: string; url: string } | null {
  let id: string | null = null;
  if (post.matches(WATCH)) {
    // The watch page's metadata is reused across videos: identity comes from the player's page.
    id =
      post.closest('ytd-watch-flexy')?.getAttribute('video-id') ||
      videoIdFromUrl(absUrl(pageUrl(post), post));
  } else {
    for (const a of post.querySelectorAll(VIDEO_LINK)) {
      id = videoIdFromUrl(absUrl(a.getAttribute('href'), post));
      if (id) break;
    }
    // Lockups also carry the id in a class name.
    id ??=
      /\bcontent-id-([\w-]+)/.exec(
        post.querySelector('[class*="content-id-"]')?.className ?? '',
      )?.[1] ?? null;
    // The active Short has no link to itself; its id is in the address.
    if (!id && post.matches(REEL) && post.hasAttribute('is-active')) {
      id = videoIdFromUrl(absUrl(pageUrl(post), post));
    }
  }
  if (!id) return null;
  const shorts = post.matches(REEL) || post.querySelector('a[href*="/shorts/"]') !== null;
  const url = shorts
    ? `https://www.youtube.com/shorts/${id}`
    : `https://www.youtube.com/watch?v=${id}`;
  return { id, url };
}

function titleOf(post: Element): Element | null {
  return firstOf(post, TITLE);
}

function descriptionOf(post: Element): Element | null {
  for (const s of DESCRIPTION) {
    const el = post.querySelector(s);
    if (el?.textContent?.trim()) return el;
  }
  return null;
}

function channelOf(post: Element): string | null {
  for (const a of post.querySelectorAll(CHANNEL)) {
    const name = a.textContent?.replace(/\s+/g, ' ').trim();
    if (name) return name;
  }
  return null;
}

export const youtubeAdapter: SiteAdapter = {
  id: 'youtube',
  matchPatterns: youtubeMatches,
  matches: (url) => url.hostname === 'www.youtube.com' || url.hostname === 'youtube.com',
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  // A lockup inside a grid item is the grid item: one card, one badge.
  posts: (root) => findPosts(root, POST, 'outer'),
  closestPost: (node) => outermost(node, POST),
  read(post) {
    const video = videoId(post);
    if (!video) return null;
    const title = titleOf(post);
    const description = descriptionOf(post);
    const text = joinText(title ? blockText(title) : '', description ? blockText(description) : '');
    if (!text) return null;
    const mayHaveLabel = /synthetic/i.test(post.textContent ?? '');
    return {
      key: `youtube:${video.id}`,
      text,
      author: channelOf(post),
      url: video.url,
      hasVideo: true,
      platformLabel: mayHaveLabel ? findLabel(post, LABEL_CANDIDATES, LABEL) : null,
    };
  },
  anchor(post) {
    let el = titleOf(post);
    if (!el) return null;
    // After the whole heading, and never inside a link (a click there would open the video).
    const heading = el.closest('h1, h2, h3');
    if (heading && post.contains(heading)) el = heading;
    if (post.matches(WATCH)) el = el.closest('#title') ?? el;
    const link = el.closest('a');
    if (link && post.contains(link)) el = link;
    return after(el);
  },
};

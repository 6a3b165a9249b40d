// LinkedIn feed and single-post pages. Updates carry their activity URN in data-urn; class names
// are the long-lived "update-components-*" BEM names.
import { after, findPosts, firstOf, outermost, ownMatches } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const linkedinMatches = ['*://www.linkedin.com/*'];

// One update (post, repost, shared article); a reshared update nested inside is part of it.
const POST = '[data-urn*="urn:li:activity:"]';
const ACTIVITY = /urn:li:activity:(\d+)/;
// Commentary, newest class first; the reshared post's text comes after the sharer's.
const TEXT = '.update-components-text, .feed-shared-update-v2__description, .feed-shared-text';
// "…more" and "See translation" buttons live inside the text block.
const NOT_TEXT = 'button, .visually-hidden';
const ACTOR_NAME = [
  '.update-components-actor__title span[aria-hidden="true"]',
  '.update-components-actor__name span[aria-hidden="true"]',
  '.update-components-actor__title',
  '.update-components-actor__name',
];
const VIDEO = 'video, .update-components-linkedin-video';
const ROOT = ['main.scaffold-layout__main', 'main'];

export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matchPatterns: linkedinMatches,
  matches: (url) => url.hostname === 'www.linkedin.com' || url.hostname === 'linkedin.com',
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST, 'outer'),
  closestPost: (node) => outermost(node, POST),
  read(post) {
    const id = ACTIVITY.exec(post.getAttribute('data-urn') ?? '')?.[1];
    if (!id) return null;
    // Own text first (text blocks not inside a nested update), then the reshared one.
    const own = outerOnly(ownMatches(post, TEXT, POST));
    const nested = outerOnly(Array.from(post.querySelectorAll(TEXT))).filter(
      (t) => !own.includes(t),
    );
    const text = joinText(...[...own, ...nested].map((t) => blockText(t, NOT_TEXT)));
    if (!text) return null;
    const name = firstOf(post, ACTOR_NAME)?.textContent?.replace(/\s+/g, ' ').trim() || null;
    return {
      key: `linkedin:${id}`,
      text,
      author: name,
      url: `https://www.linkedin.com/feed/update/urn:li:activity:${id}/`,
      hasVideo: post.querySelector(VIDEO) !== null,
      platformLabel: null,
    };
  },
  anchor(post) {
    const text = outerOnly(ownMatches(post, TEXT, POST))[0] ?? post.querySelector(TEXT);
    // After the whole description block (it wraps the text and its "…more" toggle).
    const block = text?.closest('.feed-shared-update-v2__description-wrapper');
    return after(block && post.contains(block) ? block : text);
  },
};

/** Text blocks not inside another matched block (the description wraps the commentary). */
function outerOnly(els: Element[]): Element[] {
  return els.filter((t) => !els.some((o) => o !== t && o.contains(t)));
}

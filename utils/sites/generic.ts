// Any site the user switches on: blogs, forums and news pages marked up with <article>,
// role=article or microformats. Never picked by host; only by id for user-enabled hosts.
import { absUrl, after, findPosts, firstOf, hashKey, ownMatches, pageUrl } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

// Semantic post containers; nested ones (comments inside an article) are posts of their own.
const POST = 'article, [role="article"], .h-entry';
// Title and body, preferred first (microformats, schema.org, common CMS classes).
const TITLE = ['.p-name', '.entry-title', '[itemprop="headline"]', 'h1', 'h2', 'h3'];
const BODY = [
  '.e-content',
  '[itemprop="articleBody"]',
  '.entry-content',
  '.post-content',
  '.post-body',
  '.comment-content',
];
// When there is no body container: everything but chrome and nested posts.
const NOT_BODY = `${POST}, nav, header, footer, aside, form, button, script, style, noscript`;
// Permalinks, preferred first.
const PERMALINK = ['a.u-url', 'a[rel="bookmark"]', 'a.permalink', 'time a', 'a:has(> time)'];
const AUTHOR = [
  '.p-author .p-name',
  '.p-author',
  '[rel="author"]',
  '[itemprop="author"]',
  '.author',
];
const ROOT = ['main', '[role="main"]', '#content'];
// A post's body is capped for the snapshot; long articles still get their opening read.
const MAX_TEXT = 20_000;

/** The first element for each selector that belongs to `post`, not to a post nested inside it. */
function own(post: Element, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = ownMatches(post, s, POST)[0];
    if (el) return el;
  }
  return null;
}

function permalinkOf(post: Element): URL | null {
  for (const s of PERMALINK) {
    let el: Element | undefined;
    try {
      el = ownMatches(post, s, POST)[0];
    } catch {
      continue; // :has() where unsupported
    }
    const url = absUrl(el?.getAttribute('href'), post);
    if (url && /^https?:$/.test(url.protocol)) return url;
  }
  return null;
}

export const genericAdapter: SiteAdapter = {
  id: 'generic',
  matchPatterns: [],
  // Never by host: the user enables sites one by one (see adapterById / adapterForCustomSite).
  matches: () => false,
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const title = own(post, TITLE);
    const body = own(post, BODY);
    const bodyText = body
      ? blockText(body, POST)
      : blockText(post, `${NOT_BODY}, ${TITLE.join(', ')}`);
    const text = joinText(title ? blockText(title) : '', bodyText).slice(0, MAX_TEXT);
    if (!text) return null;
    const link = permalinkOf(post);
    const here = absUrl(pageUrl(post), post);
    // Identity: the permalink, else the element id on this page, else the text itself.
    const key = link
      ? link.href
      : post.id
        ? `${here?.origin ?? ''}${here?.pathname ?? ''}#${post.id}`
        : `${here?.origin ?? ''}${here?.pathname ?? ''}#h${hashKey(text)}`;
    const author = own(post, AUTHOR)?.textContent?.replace(/\s+/g, ' ').trim() || null;
    return {
      key: `generic:${key}`,
      text,
      author,
      url: link?.href ?? (post.id && here ? `${here.origin}${here.pathname}#${post.id}` : null),
      hasVideo:
        ownMatches(post, 'video, iframe[src*="youtube"], iframe[src*="vimeo"]', POST).length > 0,
      platformLabel: null,
    };
  },
  anchor(post) {
    const body = own(post, BODY);
    if (body) return after(body);
    const title = own(post, TITLE);
    if (title) return after(title);
    return { parent: post, before: null };
  },
};

// Reddit: the current site (shreddit web components, attributes carry the post's facts) and old
// Reddit (server-rendered `.thing` rows with data-* attributes). Posts and comments on both.
import { absUrl, after, findPosts, firstOf } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

export const redditMatches = [
  '*://www.reddit.com/*',
  '*://old.reddit.com/*',
  '*://new.reddit.com/*',
  '*://sh.reddit.com/*',
];

// New Reddit: one element per post / comment, identity and author in attributes.
const NEW_POST = 'shreddit-post';
const NEW_COMMENT = 'shreddit-comment';
// Slotted light-DOM children of shreddit-post: the title link and the body (a link in feeds,
// a div on the post page).
const NEW_TITLE = 'a[slot="title"], [slot="title"]';
const NEW_BODY = '[slot="text-body"]';
// A comment's body; nested replies are sibling shreddit-comments, so take the direct child only.
const NEW_COMMENT_BODY = '[slot="comment"]';
const NEW_VIDEO = 'shreddit-player, shreddit-player-2, video';
// Old Reddit: links (t3) and comments (t1); "load more" rows are .thing too but not posts.
const OLD_THING = '.thing.link[data-fullname], .thing.comment[data-fullname]';
const OLD_TITLE = 'a.title';
const OLD_BODY = '.usertext-body';
const OLD_VIDEO = '.expando-button.video, video';
const VIDEO_DOMAINS = /(^|\.)(v\.redd\.it|youtube\.com|youtu\.be|vimeo\.com|streamable\.com)$/;
// The feed: main on new Reddit, the role=main column on old Reddit.
const ROOT = ['main#main-content', 'div.content[role="main"]', 'main'];

const POST = `${NEW_POST}, ${NEW_COMMENT}, ${OLD_THING}`;

/** The element's direct child matching `selector` (bodies of nested comments are not ours). */
function child(el: Element, selector: string): Element | null {
  for (const c of el.children) if (c.matches(selector)) return c;
  return null;
}

/** Old Reddit's `.entry`, the row's own content column (replies live in `.child`). */
function entry(thing: Element): Element | null {
  return child(thing, '.entry');
}

function readNew(post: Element) {
  const isComment = post.matches(NEW_COMMENT);
  const id = post.getAttribute(isComment ? 'thingid' : 'id');
  const permalink = absUrl(post.getAttribute('permalink'), post);
  if (!id && !permalink) return null;
  const title = isComment
    ? ''
    : (post.getAttribute('post-title') ?? child(post, NEW_TITLE)?.textContent ?? '');
  const body = child(post, isComment ? NEW_COMMENT_BODY : NEW_BODY);
  const author = post.getAttribute('author');
  const type = post.getAttribute('post-type');
  return {
    key: `reddit:${id ?? permalink!.pathname}`,
    text: joinText(title, body ? blockText(body) : ''),
    author: author ? `u/${author}` : null,
    url: permalink?.href ?? null,
    hasVideo:
      type === 'video' ||
      type === 'gif' ||
      // A comment's replies are inside it: look only at its own body.
      (isComment ? body : post)?.querySelector(NEW_VIDEO) != null,
    platformLabel: null,
  };
}

function readOld(post: Element) {
  const fullname = post.getAttribute('data-fullname');
  if (!fullname) return null;
  const e = entry(post);
  const title = post.matches('.link') ? (e?.querySelector(OLD_TITLE)?.textContent ?? '') : '';
  const body = e?.querySelector(OLD_BODY);
  const author = post.getAttribute('data-author');
  const domain = post.getAttribute('data-domain') ?? '';
  return {
    key: `reddit:${fullname}`,
    text: joinText(title, body ? blockText(body) : ''),
    author: author && author !== '[deleted]' ? `u/${author}` : null,
    url: absUrl(post.getAttribute('data-permalink'), post)?.href ?? null,
    hasVideo: VIDEO_DOMAINS.test(domain) || (e?.querySelector(OLD_VIDEO) ?? null) !== null,
    platformLabel: null,
  };
}

export const redditAdapter: SiteAdapter = {
  id: 'reddit',
  matchPatterns: redditMatches,
  matches: (url) => /(^|\.)reddit\.com$/.test(url.hostname),
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  // Innermost: a reply is its own post, not part of its parent comment.
  closestPost: (node) => node.closest(POST),
  read(post) {
    const snap = post.matches(OLD_THING) ? readOld(post) : readNew(post);
    return snap && snap.text ? snap : null;
  },
  anchor(post) {
    if (post.matches(NEW_COMMENT)) {
      // Append inside the slotted body: light-DOM children without a slot are not rendered.
      const body = child(post, NEW_COMMENT_BODY);
      return body ? { parent: body, before: null } : null;
    }
    if (post.matches(NEW_POST)) {
      // On the post page the body is a plain div: append inside it. In feeds the body and title
      // are links (a click would navigate), so the row goes after the post, inside its card.
      const body = child(post, NEW_BODY);
      if (body && !body.closest('a')) return { parent: body, before: null };
      return after(post);
    }
    const e = entry(post);
    const body = e?.querySelector(OLD_BODY);
    if (body) return after(body);
    return after(e?.querySelector('p.title') ?? e?.querySelector(OLD_TITLE));
  },
};

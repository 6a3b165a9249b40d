// Mastodon web UI, on any instance. The host cannot tell us a server runs Mastodon, so matches()
// knows only the flagship instances; the engine picks this adapter by id for hosts the user
// switched on, or after isMastodonPage(document).
import { absUrl, after, findPosts, firstOf, pageUrl } from './dom';
import { blockText, joinText } from './text';
import type { SiteAdapter } from './types';

// Instances run by the Mastodon project itself; every other instance is opt-in.
export const mastodonMatches = ['*://mastodon.social/*', '*://mastodon.online/*'];
const KNOWN_HOSTS = new Set(['mastodon.social', 'mastodon.online']);

// A status in a timeline (data-id is the status id on this server) and the focused status of a
// thread page.
const POST = '.status[data-id], .detailed-status';
// The post's text; a content warning sits in .status__content__spoiler and is read too.
const TEXT = '.status__content__text';
const SPOILER = '.spoiler-input__text, .status__content__spoiler-text';
// Permalinks: the relative time in a timeline, the full date on a thread page.
const PERMALINK = 'a.status__relative-time, a.detailed-status__datetime';
const ACCOUNT = '.display-name__account';
const VIDEO = 'video, .video-player, .audio-player';
const LAST_ID = /\/(\d+)\/?$/;
const ROOT = ['.columns-area__panels__main', '.columns-area', '#mastodon'];
// The web app's mount point and its bootstrap state.
const APP_MARKERS = '#mastodon[data-props], script#initial-state';

/** True when the page is a Mastodon web UI (whatever its host). */
export function isMastodonPage(doc: Document): boolean {
  return doc.querySelector(APP_MARKERS) !== null;
}

export const mastodonAdapter: SiteAdapter = {
  id: 'mastodon',
  matchPatterns: mastodonMatches,
  matches: (url) => KNOWN_HOSTS.has(url.hostname),
  root: (doc) => firstOf(doc, ROOT) ?? doc.body,
  posts: (root) => findPosts(root, POST),
  closestPost: (node) => node.closest(POST),
  read(post) {
    const link = absUrl(post.querySelector(PERMALINK)?.getAttribute('href'), post);
    const here = absUrl(pageUrl(post), post);
    // data-id in timelines; on a thread page the focused status's id is in its link or the address.
    const status =
      post.getAttribute('data-id') ??
      LAST_ID.exec(link?.pathname ?? '')?.[1] ??
      LAST_ID.exec(here?.pathname ?? '')?.[1];
    // Ids are per server: the key carries the host the page is on.
    if (!status || !here) return null;
    const body = post.querySelector(TEXT);
    const spoiler = post.querySelector(SPOILER);
    const text = joinText(spoiler ? blockText(spoiler) : '', body ? blockText(body) : '');
    if (!text) return null;
    const account = post.querySelector(ACCOUNT)?.textContent?.trim() || null;
    return {
      key: `mastodon:${here.host}/${status}`,
      text,
      author: account,
      url: link?.href ?? null,
      hasVideo: post.querySelector(VIDEO) !== null,
      platformLabel: null,
    };
  },
  anchor: (post) => after(post.querySelector('.status__content') ?? post.querySelector(TEXT)),
};

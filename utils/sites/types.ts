/** Every site with a reader, in the order the settings list them; "generic" covers sites the user switches on. */
export const SITE_IDS = [
  'x',
  'reddit',
  'youtube',
  'bluesky',
  'threads',
  'mastodon',
  'hackernews',
  'linkedin',
  'tiktok',
  'instagram',
  'facebook',
  'generic',
] as const;

export type SiteId = (typeof SITE_IDS)[number];

/** What an adapter reads from one post; `key` is the post's identity, never the element. */
export interface PostSnapshot {
  key: string;
  text: string;
  author: string | null;
  url: string | null;
  hasVideo: boolean;
  /** The platform's own AI label ("AI-generated", "Altered or synthetic content") where shown. */
  platformLabel: string | null;
}

export interface SiteAdapter {
  id: SiteId;
  /**
   * Content-script match patterns for the site's hosts (`*://www.reddit.com/*`). Optional; empty or
   * absent for adapters that run only on hosts the user switched on (generic, most Mastodon).
   */
  matchPatterns?: string[];
  matches(url: URL): boolean;
  /** The element to observe: the feed, not <body>, where the site allows. */
  root(doc: Document): Element | null;
  /** Posts inside `root`, and `root` itself when it is a post. */
  posts(root: ParentNode): Iterable<Element>;
  /** The post element containing `node`, for mutations deep inside a post. */
  closestPost(node: Element): Element | null;
  read(post: Element): PostSnapshot | null;
  /** Where the badge row goes. */
  anchor(post: Element): { parent: Element; before: Node | null } | null;
}

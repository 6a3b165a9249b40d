// Maps a page address to the adapter for its site; pages with no adapter get no work at all.
// Generic and Mastodon (other than its flagship instances) run only where the user switched them on.
import { blueskyAdapter } from './bluesky';
import { facebookAdapter } from './facebook';
import { genericAdapter } from './generic';
import { hackernewsAdapter } from './hackernews';
import { instagramAdapter } from './instagram';
import { linkedinAdapter } from './linkedin';
import { isMastodonPage, mastodonAdapter } from './mastodon';
import { redditAdapter } from './reddit';
import { threadsAdapter } from './threads';
import { tiktokAdapter } from './tiktok';
import type { SiteAdapter, SiteId } from './types';
import { xAdapter } from './x';
import { youtubeAdapter } from './youtube';

export { isMastodonPage };

/** Every adapter. Generic is last and matches no host; Mastodon matches only its own instances. */
export const adapters: SiteAdapter[] = [
  xAdapter,
  redditAdapter,
  youtubeAdapter,
  blueskyAdapter,
  threadsAdapter,
  mastodonAdapter,
  hackernewsAdapter,
  linkedinAdapter,
  tiktokAdapter,
  instagramAdapter,
  facebookAdapter,
  genericAdapter,
];

/** The adapter for a supported site's address, or null (also for hosts only the user can enable). */
export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}

/** An adapter by id, for hosts the user switched on with a chosen adapter. */
export function adapterById(id: SiteId): SiteAdapter | null {
  return adapters.find((a) => a.id === id) ?? null;
}

/** For a user-enabled host: Mastodon when the page is a Mastodon web UI, else the generic adapter. */
export function adapterForCustomSite(doc: Document): SiteAdapter {
  return isMastodonPage(doc) ? mastodonAdapter : genericAdapter;
}

/** Content-script match patterns of all sites supported by host (generic/Mastodon opt-in excluded). */
export const supportedMatchPatterns: string[] = adapters.flatMap((a) => a.matchPatterns ?? []);

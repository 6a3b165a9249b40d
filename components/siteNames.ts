import type { SiteId } from '@/utils/sites/types';

/** Brand names stay as the sites write them; only "other sites" is a phrase to translate. */
export function siteName(id: SiteId): string {
  const names: Record<Exclude<SiteId, 'generic'>, string> = {
    x: 'X',
    reddit: 'Reddit',
    youtube: 'YouTube',
    bluesky: 'Bluesky',
    threads: 'Threads',
    mastodon: 'Mastodon',
    hackernews: 'Hacker News',
    linkedin: 'LinkedIn',
    tiktok: 'TikTok',
    instagram: 'Instagram',
    facebook: 'Facebook',
  };
  return id === 'generic' ? browser.i18n.getMessage('siteGeneric') : names[id];
}

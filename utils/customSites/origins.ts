// Sites the user switched Frame Facts on for (a Mastodon server, a blog): stored as origins,
// each backed by an optional host permission the user granted from the popup.
import { sendMessage } from '../messaging';

export const CUSTOM_SITES_KEY = 'customSites';

/** "https://mastodon.art/@x/1" -> "https://mastodon.art"; null for pages that cannot host a content script. */
export function siteOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export const originPattern = (origin: string) => `${origin}/*`;

export function normaliseOrigins(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const origins = value.map((v) => (typeof v === 'string' ? siteOrigin(v) : null));
  return [...new Set(origins.filter((o): o is string => o !== null))].sort();
}

export async function readCustomSites(): Promise<string[]> {
  return normaliseOrigins((await browser.storage.local.get(CUSTOM_SITES_KEY))[CUSTOM_SITES_KEY]);
}

export async function writeCustomSites(origins: string[]): Promise<void> {
  await browser.storage.local.set({ [CUSTOM_SITES_KEY]: normaliseOrigins(origins) });
  // Without this wait, a tab reloaded right after "Switch on" could load before the script is
  // registered. The background also follows storage, so an unreachable one only delays this.
  await sendMessage('syncCustomSites', undefined).catch(() => undefined);
}

/** Must run in a user gesture (a popup click): the browser asks the user for this one site. */
export async function enableCustomSite(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return false;
  await writeCustomSites([...(await readCustomSites()), origin]);
  return true;
}

export async function disableCustomSite(origin: string): Promise<void> {
  await writeCustomSites((await readCustomSites()).filter((o) => o !== origin));
  await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
}

// Maps a page address to the adapter for its site; pages with no adapter get no work at all.
import type { SiteAdapter } from './types';
import { xAdapter } from './x';

export const adapters: SiteAdapter[] = [xAdapter];

export function adapterFor(url: URL): SiteAdapter | null {
  return adapters.find((a) => a.matches(url)) ?? null;
}

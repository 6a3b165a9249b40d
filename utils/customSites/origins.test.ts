import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  disableCustomSite,
  enableCustomSite,
  normaliseOrigins,
  readCustomSites,
  siteOrigin,
} from './origins';

const sendMessage = vi.fn(async (..._args: unknown[]) => undefined);
vi.mock('../messaging', () => ({ sendMessage: (...args: unknown[]) => sendMessage(...args) }));

describe('custom sites', () => {
  it('turns page addresses into origins, refusing non-web pages', () => {
    expect(siteOrigin('https://mastodon.art/@someone/123')).toBe('https://mastodon.art');
    expect(siteOrigin('chrome://extensions')).toBeNull();
    expect(siteOrigin('javascript:alert(1)')).toBeNull();
    expect(siteOrigin(undefined)).toBeNull();
  });

  it('cleans whatever is stored', () => {
    expect(
      normaliseOrigins([
        'https://b.example/x',
        'https://a.example',
        42,
        'ftp://c',
        'https://a.example/y',
      ]),
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(normaliseOrigins('nope')).toEqual([]);
  });

  it('stores a site only when the user grants its permission', async () => {
    const request = vi.fn().mockResolvedValueOnce(false).mockResolvedValueOnce(true);
    fakeBrowser.permissions.request = request;
    fakeBrowser.permissions.remove = vi.fn().mockResolvedValue(true);
    expect(await enableCustomSite('https://mastodon.art')).toBe(false);
    expect(await readCustomSites()).toEqual([]);
    expect(await enableCustomSite('https://mastodon.art')).toBe(true);
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://mastodon.art/*'] });
    expect(await readCustomSites()).toEqual(['https://mastodon.art']);
    // The popup reloads the tab next: the background must have registered the script first.
    expect(sendMessage).toHaveBeenLastCalledWith('syncCustomSites', undefined);
    sendMessage.mockClear();
    await disableCustomSite('https://mastodon.art');
    expect(await readCustomSites()).toEqual([]);
    expect(sendMessage).toHaveBeenCalledWith('syncCustomSites', undefined);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({
      origins: ['https://mastodon.art/*'],
    });
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { registerCustomSites } from './customSites';

/** The background's message handlers, called the way the popup's sendMessage reaches them. */
const handlers = new Map<string, () => Promise<unknown>>();
vi.mock('@/utils/messaging', () => ({
  onMessage: (type: string, handler: () => Promise<unknown>) => {
    handlers.set(type, handler);
    return () => handlers.delete(type);
  },
}));

interface Script {
  id: string;
  matches?: string[];
}

/** An in-memory stand-in for chrome.scripting that logs every call, in order. */
function fakeScripting(initial: Script[] = []) {
  let scripts = initial.map((s) => ({ ...s }));
  const calls: string[] = [];
  const api = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
      scripts.filter((s) => ids.includes(s.id)).map((s) => ({ ...s })),
    ),
    registerContentScripts: vi.fn(async (list: Script[]) => {
      calls.push(`register ${list.map((s) => s.matches?.join(',')).join(';')}`);
      scripts.push(...list);
    }),
    updateContentScripts: vi.fn(async (list: Script[]) => {
      calls.push(`update ${list.map((s) => s.matches?.join(',')).join(';')}`);
      scripts = scripts.map((s) => ({ ...s, ...list.find((u) => u.id === s.id) }));
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      calls.push(`unregister`);
      scripts = scripts.filter((s) => !ids.includes(s.id));
    }),
  };
  (fakeBrowser as unknown as { scripting: typeof api }).scripting = api;
  return { calls, registered: () => scripts };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('custom-site script registration (background)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.permissions.contains = vi.fn().mockResolvedValue(true);
    // fake-browser has no permission events; the storage path is what these tests drive.
    const noEvent = { addListener: vi.fn() } as unknown as typeof fakeBrowser.permissions.onAdded;
    fakeBrowser.permissions.onAdded = noEvent;
    fakeBrowser.permissions.onRemoved = noEvent;
  });

  it('a worker restart with the same sites leaves the registration alone (no gap for loading pages)', async () => {
    await fakeBrowser.storage.local.set({ customSites: ['https://mastodon.art'] });
    const scripting = fakeScripting([
      { id: 'frame-facts-custom-sites', matches: ['https://mastodon.art/*'] },
    ]);
    stop = registerCustomSites();
    await settle();
    expect(scripting.calls).toEqual([]);
  });

  it('registers, updates in place, and unregisters as sites are switched on and off', async () => {
    const scripting = fakeScripting();
    stop = registerCustomSites();
    await settle();
    expect(scripting.calls).toEqual([]);

    await fakeBrowser.storage.local.set({ customSites: ['https://mastodon.art'] });
    await settle();
    await fakeBrowser.storage.local.set({
      customSites: ['https://mastodon.art', 'https://fosstodon.org'],
    });
    await settle();
    await fakeBrowser.storage.local.set({ customSites: [] });
    await settle();

    expect(scripting.calls).toEqual([
      'register https://mastodon.art/*',
      'update https://fosstodon.org/*,https://mastodon.art/*',
      'unregister',
    ]);
    expect(scripting.registered()).toEqual([]);
  });

  it('drops a site whose permission the user revoked in the browser', async () => {
    await fakeBrowser.storage.local.set({
      customSites: ['https://mastodon.art', 'https://fosstodon.org'],
    });
    fakeBrowser.permissions.contains = vi.fn(async ({ origins }: { origins?: string[] }) =>
      Boolean(origins?.includes('https://mastodon.art/*')),
    );
    const scripting = fakeScripting();
    stop = registerCustomSites();
    await settle();
    expect(scripting.registered()).toEqual([
      expect.objectContaining({ matches: ['https://mastodon.art/*'] }),
    ]);
  });

  it('answers the syncCustomSites message only once the registration matches the stored sites', async () => {
    const scripting = fakeScripting();
    stop = registerCustomSites();
    await fakeBrowser.storage.local.set({ customSites: ['https://mastodon.art'] });
    await handlers.get('syncCustomSites')!();
    expect(scripting.registered()).toEqual([
      expect.objectContaining({ matches: ['https://mastodon.art/*'] }),
    ]);
  });
});

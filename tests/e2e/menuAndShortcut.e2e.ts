// The context-menu save and the keyboard shortcut through the background's own listeners. Headless
// Chromium has no native menu to click and routes no key to extension commands, so each browser
// event is dispatched to the listeners the background registered (chrome.*.onX.dispatch, the
// bindings' own entry point); everything after that runs as in use: a real right-click on the
// post first, the message to the tab, the content script's save, the toast, the stored post and
// the row's saved mark, or every badge going away and coming back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitForDataset, type ExtensionBrowser } from './lib/browser';
import { demoFeedRoute, loadDemoPosts } from './lib/demoFeed';
import { BADGE_TAG, waitForBadges } from './lib/page';
import { startHttpsServer, type TestServer } from './lib/server';
import { TOGGLE_COMMAND } from '../../entrypoints/background/toggleShortcut';
import { SAVED_PREFIX, storageKey } from '../../utils/saved/keys';

const HOSTS = ['x.com', 'twitter.com'];
const posts = loadDemoPosts();
const badged = posts.filter((p) => p.batch === 'initial' && p.labels.length > 0);
const target = badged[1]!;

let server: TestServer;
let ext: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  server = await startHttpsServer(demoFeedRoute(HOSTS), HOSTS);
  ext = await launchWithExtension({ port: server.port, hosts: HOSTS });
  await waitForDataset(ext);
  page = await ext.newPage();
  await page.goto('https://x.com/home');
  await waitForBadges(page, (s) => badged.every((p) => s.families[p.statusId]?.length));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Keys of the saved posts in the extension's storage. */
const savedKeys = () =>
  ext.serviceWorker.evaluate(async (prefix) => {
    interface StorageArea {
      get(keys: null): Promise<Record<string, unknown>>;
    }
    const api = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome;
    return Object.keys(await api.storage.local.get(null))
      .filter((key) => key.startsWith(prefix))
      .sort();
  }, SAVED_PREFIX);

/** What the browser does when "Save post to Frame Facts" is chosen in the feed tab's menu. */
const chooseSaveInMenu = () =>
  ext.serviceWorker.evaluate(async () => {
    interface Chrome {
      tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
      contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
    }
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    // Without the tabs permission only the extension's own pages show their address.
    const tab = (await chrome.tabs.query({})).find((t) => t.url === undefined)!;
    chrome.contextMenus.onClicked.dispatch(
      { menuItemId: 'frame-facts-save-post', frameId: 0, editable: false },
      tab,
    );
  });

const toast = () =>
  page
    .locator('frame-facts-toast [role="status"]')
    .textContent({ timeout: 5_000 })
    .catch(() => null);

describe('context menu: Save post to Frame Facts', () => {
  it('saves the post that was right-clicked, says so, and marks its row', async () => {
    expect(await savedKeys()).toEqual([]);
    const post = page.locator(`article:has(a[href$="/status/${target.statusId}"])`);
    await post.locator('[data-testid="tweetText"]').click({ button: 'right' });
    await chooseSaveInMenu();
    await expect.poll(toast, { timeout: 5_000 }).toBe('Saved to Frame Facts');
    await expect.poll(savedKeys, { timeout: 5_000 }).toEqual([storageKey(`x:${target.statusId}`)]);
    const marked = () =>
      page.evaluate(
        ([tag, key]) =>
          document.querySelector(`${tag}[data-ff-key="${key}"]`)?.hasAttribute('data-saved'),
        [BADGE_TAG, `x:${target.statusId}`],
      );
    await expect.poll(marked, { timeout: 5_000 }).toBe(true);
  });

  it('saves nothing when the pointer was on no post', async () => {
    await page.locator('aside').click({ button: 'right' });
    await chooseSaveInMenu();
    await expect
      .poll(toast, { timeout: 5_000 })
      .toBe('There is no post under the pointer to save.');
    expect(await savedKeys()).toEqual([storageKey(`x:${target.statusId}`)]);
  });
});

describe('keyboard shortcut: toggle-badges', () => {
  const press = () =>
    ext.serviceWorker.evaluate((command) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { commands: { onCommand: { dispatch(command: string): void } } };
        }
      ).chrome;
      chrome.commands.onCommand.dispatch(command);
    }, TOGGLE_COMMAND);

  it('turns every badge off in the open tab, and on again', async () => {
    await press();
    await waitForBadges(page, (s) => Object.keys(s.families).length === 0);
    await press();
    const back = await waitForBadges(page, (s) =>
      badged.every((p) => s.families[p.statusId]?.length),
    );
    expect(Object.values(back.rows).every((n) => n === 1)).toBe(true);
  });
});

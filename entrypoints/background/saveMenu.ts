// The context-menu item "Save post to Frame Facts", shown only on pages where a content script
// runs (supported sites and the ones the user switched on).
import { CUSTOM_SITES_KEY, originPattern, readCustomSites } from '@/utils/customSites/origins';
import { sendMessage } from '@/utils/messaging';
import { supportedMatchPatterns } from '@/utils/sites';

const MENU_ID = 'frame-facts-save-post';

async function patterns(): Promise<string[]> {
  return [...supportedMatchPatterns, ...(await readCustomSites()).map(originPattern)];
}

async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: browser.i18n.getMessage('menuSavePost'),
    contexts: ['page', 'link', 'image', 'video', 'selection'],
    documentUrlPatterns: await patterns(),
  });
}

export function registerSaveMenu(): void {
  // Menus survive restarts in Chrome but not always in Firefox: recreate on every start.
  void createMenu().catch((error: unknown) =>
    console.error('Frame Facts: menu not created', error),
  );
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && CUSTOM_SITES_KEY in changes) void createMenu().catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void sendMessage('savePostUnderPointer', undefined, {
      tabId: tab.id,
      frameId: info.frameId ?? 0,
    }).catch(() => undefined);
  });
}

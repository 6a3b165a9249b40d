// The toolbar icon shows when badges are off, so a switched-off extension is never a mystery.
import type { Settings } from '@/utils/settings/defaults';
import type { SettingsStore } from '@/utils/settings/store';

// Firefox's MV2 build has browserAction where MV3 has action.
const toolbar = () => browser.action ?? browser.browserAction;

function show(settings: Settings): void {
  const off = !settings.enabled;
  const action = toolbar();
  void action.setBadgeText({ text: off ? browser.i18n.getMessage('toolbarOff') : '' });
  const prefix = off ? 'off-' : '';
  void action.setIcon({
    path: Object.fromEntries([16, 32, 48].map((size) => [size, `/icon/${prefix}${size}.png`])),
  });
  void action.setBadgeBackgroundColor({ color: '#5b6478' });
  void action.setTitle({
    title: off ? browser.i18n.getMessage('toolbarTitleOff') : browser.i18n.getMessage('extName'),
  });
}

export function registerToolbarState(settings: SettingsStore, ready: Promise<unknown>): void {
  void ready.then(() => show(settings.getState()));
  settings.subscribe((state, previous) => {
    if (state.enabled !== previous.enabled) show(state);
  });
}

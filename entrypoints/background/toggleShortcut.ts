// The keyboard shortcut (manifest `commands`) flips badges on and off everywhere.
import type { SettingsStore } from '@/utils/settings/store';

export const TOGGLE_COMMAND = 'toggle-badges';

export function registerToggleShortcut(settings: SettingsStore, ready: Promise<unknown>): void {
  browser.commands.onCommand.addListener((command) => {
    if (command !== TOGGLE_COMMAND) return;
    void ready.then(() => settings.getState().set('enabled', !settings.getState().enabled));
  });
}

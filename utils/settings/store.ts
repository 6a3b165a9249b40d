// The settings store: one zustand store per context, persisted to storage.sync and kept in step
// across popup, options, background and every tab through storage.onChanged.
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { defaultSettings, SETTINGS_VERSION, type Settings } from './defaults';
import { migrateSettings } from './migrate';

export const SETTINGS_KEY = 'settings';

interface SettingsActions {
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
}

export type SettingsState = Settings & SettingsActions;

const syncStorage: StateStorage = {
  async getItem(name) {
    const stored = await browser.storage.sync.get(name);
    const value = stored[name];
    return typeof value === 'string' ? value : null;
  },
  async setItem(name, value) {
    await browser.storage.sync.set({ [name]: value });
  },
  async removeItem(name) {
    await browser.storage.sync.remove(name);
  },
};

export function createSettingsStore() {
  const store = create<SettingsState>()(
    persist(
      (set) => ({
        ...defaultSettings,
        set: (key, value) => set({ [key]: value } as Partial<Settings>),
      }),
      {
        name: SETTINGS_KEY,
        version: SETTINGS_VERSION,
        storage: createJSONStorage(() => syncStorage),
        partialize: (s): Settings => ({
          enabled: s.enabled,
          badgeStyle: s.badgeStyle,
          sites: s.sites,
          facts: s.facts,
        }),
        migrate: (stored, version) => migrateSettings(stored, version),
        merge: (persisted, current) => ({
          ...current,
          ...migrateSettings(persisted, SETTINGS_VERSION),
        }),
      },
    ),
  );
  return store;
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

/** Re-reads the store when another context writes it. Returns the unsubscribe function. */
export function followSettingsChanges(store: SettingsStore): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) void store.persist.rehydrate();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultSettings } from './defaults';
import { migrateSettings } from './migrate';
import { createSettingsStore, followSettingsChanges, SETTINGS_KEY } from './store';

describe('migrateSettings', () => {
  it('falls back to defaults for anything corrupt, without throwing', () => {
    for (const bad of [null, undefined, 'on', 42, [], { enabled: 'yes', badgeStyle: 'huge' }])
      expect(migrateSettings(bad, 0)).toEqual(defaultSettings);
  });

  it('keeps every valid value and drops only the bad one', () => {
    expect(migrateSettings({ enabled: false, badgeStyle: 'neon' }, 1)).toEqual({
      ...defaultSettings,
      enabled: false,
    });
    const mixed = migrateSettings(
      { sites: { reddit: false, x: 'nope' }, facts: { price: true, specs: 3 } },
      2,
    );
    expect(mixed.sites).toEqual({ ...defaultSettings.sites, reddit: false });
    expect(mixed.facts).toEqual({ ...defaultSettings.facts, price: true });
  });

  it('loads a version-1 object: its choices kept, new groups at their defaults', () => {
    expect(migrateSettings({ enabled: false, badgeStyle: 'detailed' }, 1)).toEqual({
      ...defaultSettings,
      enabled: false,
      badgeStyle: 'detailed',
    });
  });
});

describe('settings store', () => {
  it('persists to storage.sync and another context sees the change', async () => {
    const popup = createSettingsStore();
    const tab = createSettingsStore();
    await Promise.all([popup.persist.rehydrate(), tab.persist.rehydrate()]);
    const stop = followSettingsChanges(tab);
    popup.getState().set('enabled', false);
    await vi.waitFor(() => expect(tab.getState().enabled).toBe(false));
    const stored = await fakeBrowser.storage.sync.get(SETTINGS_KEY);
    expect(JSON.parse(stored[SETTINGS_KEY] as string).state.enabled).toBe(false);
    stop();
  });

  it('loads a corrupt stored value as defaults', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: '{not json' });
    const store = createSettingsStore();
    await store.persist.rehydrate();
    expect(store.getState().enabled).toBe(true);
    expect(store.getState().badgeStyle).toBe('compact');
  });

  it('loads a settings object from an older version', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: JSON.stringify({ state: { enabled: false }, version: 0 }),
    });
    const store = createSettingsStore();
    await store.persist.rehydrate();
    expect(store.getState().enabled).toBe(false);
    expect(store.getState().badgeStyle).toBe('compact');
  });
});

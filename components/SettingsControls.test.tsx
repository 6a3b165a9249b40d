// The popup's and options page's controls, driven the way a keyboard user drives them.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createSettingsStore, SETTINGS_KEY } from '@/utils/settings/store';
import { BadgeStyleSelect, EnabledSwitch, FactGroupsFieldset } from './SettingsControls';
import { SiteSwitches } from './SiteSwitches';

afterEach(cleanup);

async function setup() {
  const useSettings = createSettingsStore();
  await useSettings.persist.rehydrate();
  render(
    <>
      <EnabledSwitch useSettings={useSettings} />
      <BadgeStyleSelect useSettings={useSettings} />
      <FactGroupsFieldset useSettings={useSettings} />
      <SiteSwitches useSettings={useSettings} />
    </>,
  );
  return { useSettings, user: userEvent.setup() };
}

const stored = async () =>
  JSON.parse((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as string).state;

describe('settings controls', () => {
  it('the on/off switch is a labelled switch that Space toggles, and the choice is persisted', async () => {
    const { user } = await setup();
    const toggle = screen.getByRole('switch', { name: 'Show badges' });
    expect(toggle).toHaveProperty('checked', true);
    toggle.focus();
    await user.keyboard(' ');
    expect(toggle).toHaveProperty('checked', false);
    await waitFor(async () => expect((await stored()).enabled).toBe(false));
  });

  it('badge style and fact groups are reachable by label and saved', async () => {
    const { user, useSettings } = await setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Badge style' }), 'detailed');
    await user.click(screen.getByRole('checkbox', { name: 'Price' }));
    expect(useSettings.getState().badgeStyle).toBe('detailed');
    expect(useSettings.getState().facts.price).toBe(true);
    await waitFor(async () => expect((await stored()).facts.price).toBe(true));
  });

  it('each site has its own switch', async () => {
    const { user, useSettings } = await setup();
    await user.click(screen.getByRole('switch', { name: 'Reddit' }));
    expect(useSettings.getState().sites.reddit).toBe(false);
    expect(useSettings.getState().sites.x).toBe(true);
    expect(screen.getByRole('switch', { name: 'Other sites' })).toHaveProperty('checked', true);
  });
});

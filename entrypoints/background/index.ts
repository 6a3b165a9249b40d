// Background: thin wiring. The dataset, settings shortcut, toolbar state and first-run page each
// live in their own file beside this one.
import { createSettingsStore } from '@/utils/settings/store';
import { followSettingsChanges } from '@/utils/settings/store';
import { registerDatasetService } from './datasetService';
import { registerToggleShortcut } from './toggleShortcut';
import { registerToolbarState } from './toolbarState';
import { registerWelcomePage } from './welcome';

export default defineBackground(() => {
  registerWelcomePage();
  registerDatasetService();
  const settings = createSettingsStore();
  const settingsReady = settings.persist.rehydrate();
  followSettingsChanges(settings);
  registerToggleShortcut(settings, settingsReady);
  registerToolbarState(settings, settingsReady);
});

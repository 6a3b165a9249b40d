// Background: thin wiring. It is the one writer of saved posts and reports; the dataset, custom
// sites, settings shortcut, toolbar state and first-run page each live in their own file.
import { onMessage } from '@/utils/messaging';
import { storeReport } from '@/utils/reports/wrongBadge';
import { registerSavedPostsHandlers } from '@/utils/saved/service';
import { createSettingsStore, followSettingsChanges } from '@/utils/settings/store';
import { registerCustomSites } from './customSites';
import { registerDatasetService } from './datasetService';
import { registerSaveMenu } from './saveMenu';
import { registerToggleShortcut } from './toggleShortcut';
import { registerToolbarState } from './toolbarState';
import { registerWelcomePage } from './welcome';

export default defineBackground(() => {
  registerWelcomePage();
  registerDatasetService();
  registerCustomSites();
  registerSavedPostsHandlers(onMessage);
  registerSaveMenu();
  onMessage('reportWrongBadge', ({ data }) => storeReport(data));
  const settings = createSettingsStore();
  const settingsReady = settings.persist.rehydrate();
  followSettingsChanges(settings);
  registerToggleShortcut(settings, settingsReady);
  registerToolbarState(settings, settingsReady);
});

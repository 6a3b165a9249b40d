import { createRoot } from 'react-dom/client';
import { createSettingsStore, followSettingsChanges } from '@/utils/settings/store';
import { App } from './App';
import '@/components/ui.css';
import './options.css';

const useSettings = createSettingsStore();
followSettingsChanges(useSettings);
document.title = `${browser.i18n.getMessage('extName')} – ${browser.i18n.getMessage('optionsTitle')}`;
createRoot(document.getElementById('root')!).render(<App useSettings={useSettings} />);

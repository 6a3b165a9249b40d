import { BadgeStyleSelect, EnabledSwitch, FactGroupsFieldset } from '@/components/SettingsControls';
import { DatasetPanel } from '@/components/DatasetPanel';
import { PageSummaryPanel } from '@/components/PageSummaryPanel';
import { PopupSavedPanel } from '@/components/PopupSavedPanel';
import type { SettingsStore } from '@/utils/settings/store';

export function App({ useSettings }: { useSettings: SettingsStore }) {
  return (
    <main>
      <header>
        <h1>{browser.i18n.getMessage('extName')}</h1>
      </header>
      <EnabledSwitch useSettings={useSettings} />
      <PageSummaryPanel useSettings={useSettings} />
      <BadgeStyleSelect useSettings={useSettings} />
      <FactGroupsFieldset useSettings={useSettings} />
      <DatasetPanel />
      <PopupSavedPanel />
      <footer>
        <button
          type="button"
          className="link"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {browser.i18n.getMessage('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}

import { DatasetPanel } from '@/components/DatasetPanel';
import { RefreshIntervalSelect } from '@/components/RefreshIntervalSelect';
import { CustomSitesPanel } from '@/components/CustomSitesPanel';
import { SavedPostsManager } from '@/components/SavedPostsManager';
import { BadgeStyleSelect, EnabledSwitch, FactGroupsFieldset } from '@/components/SettingsControls';
import { SiteSwitches } from '@/components/SiteSwitches';
import { WrongBadgeReportsPanel } from '@/components/WrongBadgeReportsPanel';
import type { SettingsStore } from '@/utils/settings/store';

const t = browser.i18n.getMessage.bind(browser.i18n);

export function App({ useSettings }: { useSettings: SettingsStore }) {
  return (
    <main className="options">
      <h1>
        {t('extName')} – {t('optionsTitle')}
      </h1>
      <section aria-labelledby="general">
        <h2 id="general">{t('optionsGeneral')}</h2>
        <EnabledSwitch useSettings={useSettings} />
        <BadgeStyleSelect useSettings={useSettings} />
        <FactGroupsFieldset useSettings={useSettings} />
      </section>
      <section aria-labelledby="sites">
        <h2 id="sites">{t('optionsSites')}</h2>
        <SiteSwitches useSettings={useSettings} />
      </section>
      <section aria-labelledby="custom-sites">
        <h2 id="custom-sites">{t('optionsCustomSites')}</h2>
        <CustomSitesPanel />
      </section>
      <section aria-labelledby="saved" className="saved-section">
        <h2 id="saved">{t('optionsSaved')}</h2>
        <SavedPostsManager />
      </section>
      <section aria-labelledby="reports">
        <h2 id="reports">{t('optionsReports')}</h2>
        <WrongBadgeReportsPanel />
      </section>
      <section aria-labelledby="dataset">
        <h2 id="dataset">{t('optionsDataset')}</h2>
        <DatasetPanel />
        <RefreshIntervalSelect />
        <p className="muted">{t('optionsDatasetSource')}</p>
      </section>
      <section aria-labelledby="privacy">
        <h2 id="privacy">{t('optionsPrivacy')}</h2>
        <p>{t('optionsPrivacyText')}</p>
      </section>
      <section aria-labelledby="about">
        <h2 id="about">{t('optionsAbout')}</h2>
        <p>{t('optionsVersion', browser.runtime.getManifest().version)}</p>
        <p>{t('optionsAboutData')}</p>
      </section>
    </main>
  );
}

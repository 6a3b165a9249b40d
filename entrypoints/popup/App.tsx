import { useEffect, useState } from 'react';
import { Switch } from '@/components/Switch';
import type { Dataset } from '@/utils/dataset/schema';
import { readStoredDataset } from '@/utils/dataset/storage';
import type { BadgeStyle } from '@/utils/settings/defaults';
import type { createSettingsStore } from '@/utils/settings/store';

type SettingsStore = ReturnType<typeof createSettingsStore>;

export function App({ useSettings }: { useSettings: SettingsStore }) {
  const enabled = useSettings((s) => s.enabled);
  const badgeStyle = useSettings((s) => s.badgeStyle);
  const set = useSettings((s) => s.set);
  const [dataset, setDataset] = useState<Dataset | null>(null);

  useEffect(() => {
    void readStoredDataset().then(setDataset);
  }, []);

  return (
    <main>
      <h1>{browser.i18n.getMessage('extName')}</h1>
      <Switch
        label={browser.i18n.getMessage('popupShowBadges')}
        checked={enabled}
        onChange={(value) => set('enabled', value)}
        testId="toggle-enabled"
      />
      <label className="field">
        <span>{browser.i18n.getMessage('popupBadgeStyle')}</span>
        <select
          data-testid="badge-style"
          value={badgeStyle}
          onChange={(event) => set('badgeStyle', event.currentTarget.value as BadgeStyle)}
        >
          <option value="compact">{browser.i18n.getMessage('popupStyleCompact')}</option>
          <option value="detailed">{browser.i18n.getMessage('popupStyleDetailed')}</option>
        </select>
      </label>
      <p className="status" data-testid="dataset-status">
        {dataset
          ? browser.i18n.getMessage('popupDataset', [String(dataset.version), dataset.asOf])
          : browser.i18n.getMessage('popupDatasetMissing')}
      </p>
    </main>
  );
}

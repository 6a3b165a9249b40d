// Setting controls shared by the popup and the options page; they read and write one settings store.
import type { SettingsStore } from '@/utils/settings/store';
import { FACT_GROUPS, type BadgeStyle, type FactGroup } from '@/utils/settings/defaults';
import { Switch } from './Switch';

const FACT_LABELS: Record<FactGroup, Parameters<typeof browser.i18n.getMessage>[0]> = {
  vendor: 'factsVendor',
  release: 'factsRelease',
  specs: 'factsSpecs',
  price: 'factsPrice',
  provenance: 'factsProvenance',
};

export function EnabledSwitch({ useSettings }: { useSettings: SettingsStore }) {
  const enabled = useSettings((s) => s.enabled);
  const set = useSettings((s) => s.set);
  return (
    <Switch
      label={browser.i18n.getMessage('popupShowBadges')}
      checked={enabled}
      onChange={(value) => set('enabled', value)}
      testId="toggle-enabled"
    />
  );
}

export function BadgeStyleSelect({ useSettings }: { useSettings: SettingsStore }) {
  const badgeStyle = useSettings((s) => s.badgeStyle);
  const set = useSettings((s) => s.set);
  return (
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
  );
}

export function FactGroupsFieldset({ useSettings }: { useSettings: SettingsStore }) {
  const facts = useSettings((s) => s.facts);
  const set = useSettings((s) => s.set);
  return (
    <fieldset className="facts">
      <legend>{browser.i18n.getMessage('factsLegend')}</legend>
      {FACT_GROUPS.map((group) => (
        <label key={group} className="check">
          <input
            type="checkbox"
            data-testid={`fact-${group}`}
            checked={facts[group]}
            onChange={(event) => set('facts', { ...facts, [group]: event.currentTarget.checked })}
          />
          <span>{browser.i18n.getMessage(FACT_LABELS[group])}</span>
        </label>
      ))}
    </fieldset>
  );
}

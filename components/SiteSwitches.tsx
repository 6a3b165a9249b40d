// One switch per supported site, applied live in every open tab.
import { SITE_IDS } from '@/utils/sites/types';
import type { SettingsStore } from '@/utils/settings/store';
import { siteName } from './siteNames';
import { Switch } from './Switch';

export function SiteSwitches({ useSettings }: { useSettings: SettingsStore }) {
  const sites = useSettings((s) => s.sites);
  const set = useSettings((s) => s.set);
  return (
    <div className="sites">
      {SITE_IDS.map((id) => (
        <Switch
          key={id}
          label={siteName(id)}
          checked={sites[id]}
          onChange={(value) => set('sites', { ...sites, [id]: value })}
          testId={`site-${id}`}
        />
      ))}
    </div>
  );
}

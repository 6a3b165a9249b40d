// The open tab as the content script sees it: this site's switch and the models badged on it.
import { useEffect, useState } from 'react';
import { sendMessage, type PageSummary } from '@/utils/messaging';
import type { SettingsStore } from '@/utils/settings/store';
import { siteName } from './siteNames';
import { Switch } from './Switch';

async function activeTabSummary(): Promise<PageSummary | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  // No content script answers on pages we do not support: that is the "unsupported" case, not an error.
  return sendMessage('getPageSummary', undefined, tab.id).catch(() => null);
}

export function PageSummaryPanel({ useSettings }: { useSettings: SettingsStore }) {
  const [summary, setSummary] = useState<PageSummary | null | undefined>(undefined);
  const sites = useSettings((s) => s.sites);
  const enabled = useSettings((s) => s.enabled);
  const set = useSettings((s) => s.set);

  useEffect(() => {
    let live = true;
    const load = () => void activeTabSummary().then((s) => live && setSummary(s));
    load();
    // Badges appear and vanish as settings change; ask again shortly after.
    const unsubscribe = useSettings.subscribe(() => setTimeout(load, 300));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [useSettings]);

  if (summary === undefined) return null;
  if (summary === null)
    return <p className="muted">{browser.i18n.getMessage('popupUnsupportedSite')}</p>;
  return (
    <section className="page" data-testid="page-summary">
      <Switch
        label={browser.i18n.getMessage('popupThisSite', siteName(summary.site))}
        checked={sites[summary.site]}
        onChange={(value) => set('sites', { ...sites, [summary.site]: value })}
        testId="toggle-site"
      />
      <h2>{browser.i18n.getMessage('popupOnThisPage')}</h2>
      {enabled && summary.posts > 0 ? (
        <p data-testid="badge-count">
          {browser.i18n.getMessage('popupBadgeCount', [
            String(summary.posts),
            summary.families.map((f) => `${f.name} (${f.posts})`).join(', '),
          ])}
        </p>
      ) : (
        <p className="muted">{browser.i18n.getMessage('popupNoBadges')}</p>
      )}
    </section>
  );
}

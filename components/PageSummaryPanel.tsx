// The open tab as the content script sees it: this site's switch and the models badged on it;
// on a site we do not cover, the offer to switch Frame Facts on for it.
import { useEffect, useState } from 'react';
import {
  disableCustomSite,
  enableCustomSite,
  readCustomSites,
  siteOrigin,
} from '@/utils/customSites/origins';
import { sendMessage, type PageSummary } from '@/utils/messaging';
import type { SettingsStore } from '@/utils/settings/store';
import { siteName } from './siteNames';
import { Switch } from './Switch';

interface TabState {
  tabId: number | null;
  origin: string | null;
  /** What the tab's content script answers; null where none runs. */
  summary: PageSummary | null;
  custom: boolean;
  /** The tab is still loading, or a switched-on site's script has not started yet: ask again. */
  pending: boolean;
}

const RETRY_MS = 300;
const RETRIES = 10;

async function activeTabState(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const origin = siteOrigin(tab?.url);
  const custom = origin !== null && (await readCustomSites()).includes(origin);
  if (tab?.id === undefined) return { tabId: null, origin, summary: null, custom, pending: false };
  // No content script answers on pages we do not support: that is the "unsupported" case, not an error.
  const summary = await sendMessage('getPageSummary', undefined, tab.id).catch(() => null);
  const pending = !summary && (custom || tab.status === 'loading');
  return { tabId: tab.id, origin, summary, custom, pending };
}

function CustomSiteButton({ state, onDone }: { state: TabState; onDone(): void }) {
  const [denied, setDenied] = useState(false);
  const { origin, tabId } = state;
  if (!origin) return <p className="muted">{browser.i18n.getMessage('popupUnsupportedSite')}</p>;
  const host = new URL(origin).host;
  if (state.custom)
    return (
      <button
        type="button"
        data-testid="disable-site"
        onClick={() =>
          void disableCustomSite(origin)
            .then(() => (tabId !== null ? browser.tabs.reload(tabId) : undefined))
            .then(onDone)
        }
      >
        {browser.i18n.getMessage('popupDisableSite', host)}
      </button>
    );
  return (
    <>
      <p className="muted">{browser.i18n.getMessage('popupUnsupportedSite')}</p>
      <button
        type="button"
        data-testid="enable-site"
        onClick={() =>
          void enableCustomSite(origin).then(async (granted) => {
            setDenied(!granted);
            if (granted && tabId !== null) await browser.tabs.reload(tabId);
            onDone();
          })
        }
      >
        {browser.i18n.getMessage('popupEnableSite', host)}
      </button>
      {denied ? <p className="error">{browser.i18n.getMessage('popupEnableDenied')}</p> : null}
    </>
  );
}

export function PageSummaryPanel({ useSettings }: { useSettings: SettingsStore }) {
  const [state, setState] = useState<TabState | undefined>(undefined);
  const sites = useSettings((s) => s.sites);
  const enabled = useSettings((s) => s.enabled);
  const set = useSettings((s) => s.set);

  useEffect(() => {
    let live = true;
    let retries = RETRIES;
    const load = () =>
      void activeTabState().then((s) => {
        if (!live) return;
        setState(s);
        // A popup opened while the page loads would otherwise say "not supported" for good.
        if (s.pending && retries-- > 0) setTimeout(load, RETRY_MS);
      });
    load();
    // Badges appear and vanish as settings change; ask again shortly after.
    const unsubscribe = useSettings.subscribe(() => setTimeout(load, 300));
    return () => {
      live = false;
      unsubscribe();
    };
  }, [useSettings]);

  if (state === undefined) return null;
  const { summary } = state;
  if (!summary)
    return <CustomSiteButton state={state} onDone={() => void activeTabState().then(setState)} />;
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
      {state.custom ? (
        <CustomSiteButton state={state} onDone={() => void activeTabState().then(setState)} />
      ) : null}
    </section>
  );
}

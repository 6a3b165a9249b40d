// Which dataset is active, how the last update check went, and "Refresh now".
import { useEffect, useState } from 'react';
import { sendMessage, type DatasetStatus } from '@/utils/messaging';

const formatTime = (ms: number) =>
  new Intl.DateTimeFormat(browser.i18n.getUILanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(ms);

export function DatasetPanel() {
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage('getDatasetStatus', undefined)
      .then(setStatus)
      .catch((e: unknown) => setError(String(e)));
  }, []);

  const refresh = () => {
    setBusy(true);
    sendMessage('refreshDataset', undefined)
      .then(setStatus)
      .catch((e: unknown) => setError(String(e)))
      .finally(() => setBusy(false));
  };

  const lastError = status?.lastError ?? error;
  return (
    <section className="dataset" data-testid="dataset-status" aria-live="polite">
      <p>
        {status
          ? browser.i18n.getMessage('popupDataset', [String(status.version), status.asOf])
          : browser.i18n.getMessage('popupDatasetMissing')}
      </p>
      <p className="muted">
        {status?.lastCheck
          ? browser.i18n.getMessage('popupLastCheck', formatTime(status.lastCheck))
          : browser.i18n.getMessage('popupNeverChecked')}
      </p>
      {lastError ? (
        <p className="error" data-testid="dataset-error">
          {browser.i18n.getMessage('popupLastError', lastError)}
        </p>
      ) : null}
      <button type="button" data-testid="refresh-now" onClick={refresh} disabled={busy}>
        {busy
          ? browser.i18n.getMessage('popupRefreshing')
          : browser.i18n.getMessage('popupRefreshNow')}
      </button>
    </section>
  );
}

// The popup's saved-posts line: how many are saved, a one-click JSON export, and the manager.
import { useEffect, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import { downloadFile } from './download';
import { errorText, t } from './i18n';

// The popup has only the shared ui.css; this one flex row stays local.
const ROW = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12 } as const;

export function PopupSavedPanel() {
  const [count, setCount] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendMessage('countSaved', undefined)
      .then((result) => (result.ok ? setCount(result.count) : setError(errorText(result.error))))
      .catch(() => setError(errorText(undefined)));
  }, []);

  const exportJson = () => {
    setBusy(true);
    setError(null);
    sendMessage('exportSaved', { format: 'json', sort: { by: 'savedAt', direction: 'desc' } })
      .then((result) => {
        if (!result.ok) return setError(errorText(result.error));
        downloadFile(result.file);
        setCount(result.count);
      })
      .catch(() => setError(errorText(undefined)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="saved-popup" data-testid="popup-saved">
      <p data-testid="popup-saved-count">{t('popupSavedCount', count ?? '…')}</p>
      <div style={ROW}>
        <button
          type="button"
          data-testid="popup-export-saved"
          disabled={busy || !count}
          onClick={exportJson}
        >
          {t('popupExportSaved')}
        </button>
        <button
          type="button"
          className="link"
          data-testid="popup-manage-saved"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {t('popupManageSaved')}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

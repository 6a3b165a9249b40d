// Options page: the "Wrong badge?" reports kept on this device: how many, export them as a JSON
// file (to attach to an issue), or clear them. Reads storage directly (an extension page).
import { useCallback, useEffect, useState } from 'react';
import {
  clearReports,
  listReports,
  REPORT_PREFIX,
  reportFile,
  type WrongBadgeReport,
} from '@/utils/reports/wrongBadge';
import { downloadFile } from './download';
import { ConfirmBar } from './ConfirmBar';
import { errorText, t } from './i18n';

export function WrongBadgeReportsPanel() {
  const [reports, setReports] = useState<WrongBadgeReport[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    listReports()
      .then(setReports)
      .catch(() => setError(errorText(undefined)));
  }, []);

  useEffect(() => {
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(REPORT_PREFIX))) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [load]);

  const clear = () => {
    setConfirming(false);
    clearReports()
      .then(() => setReports([]))
      .catch(() => setError(errorText('storage-failed')));
  };

  const count = reports?.length ?? 0;
  return (
    <div className="reports" data-testid="reports">
      <p className="muted">{t('reportsIntro')}</p>
      <p data-testid="reports-count">{t('reportsCount', reports ? count : '…')}</p>
      <div className="row">
        <button
          type="button"
          data-testid="reports-export"
          disabled={!count}
          onClick={() => reports && downloadFile(reportFile(reports))}
        >
          {t('reportsExport')}
        </button>
        <button
          type="button"
          className="danger"
          data-testid="reports-clear"
          disabled={!count || confirming}
          onClick={() => setConfirming(true)}
        >
          {t('reportsClear')}
        </button>
      </div>
      {confirming ? (
        <ConfirmBar
          id="reports-confirm-text"
          question={t('reportsClearConfirm', count)}
          confirmTestId="reports-clear-confirm"
          onConfirm={clear}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

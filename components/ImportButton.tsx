// Import a JSON file from an earlier export. The size is checked before the file is read, the
// background validates the whole file before changing anything, and the report (added, updated,
// unchanged, rejected with reasons) or the reason nothing was imported is shown.
import { useRef, useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import { MAX_IMPORT_CHARS } from '@/utils/saved/import';
import type { ImportReport } from '@/utils/saved/types';
import { errorText, t } from './i18n';

/** Rejected entries listed one by one; the rest are counted. */
const MAX_LISTED = 20;

type Outcome = { report: ImportReport } | { error: string; detail?: string } | null;

export function ImportButton({ onImported }: { onImported?(report: ImportReport): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const importFile = async (file: File): Promise<Outcome> => {
    // UTF-8 never takes fewer bytes than UTF-16 units, so File.size bounds the text's length.
    if (file.size > MAX_IMPORT_CHARS) {
      return { error: t('savedImportTooLarge', Math.round(MAX_IMPORT_CHARS / 1_000_000)) };
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      return { error: t('savedImportReadFailed') };
    }
    const result = await sendMessage('importSaved', text);
    if (result.ok) {
      onImported?.(result.report);
      return { report: result.report };
    }
    // A bad file's message says what is wrong with it; storage problems get the shared texts.
    const detail = result.error === 'invalid-file' ? result.message : errorText(result.error);
    return { error: t('savedImportFailed'), detail };
  };

  const onChange = (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    importFile(file)
      .catch(() => ({ error: t('savedImportFailed'), detail: errorText(undefined) }))
      .then(setOutcome)
      .finally(() => {
        setBusy(false);
        // The same file can be chosen again after fixing it.
        if (input.current) input.current.value = '';
      });
  };

  const report = outcome && 'report' in outcome ? outcome.report : null;
  const failure = outcome && 'error' in outcome ? outcome : null;
  return (
    <div className="import" data-testid="import">
      <p className="muted">{t('savedImportHint')}</p>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => onChange(e.currentTarget.files?.[0])}
      />
      <button
        type="button"
        data-testid="import-button"
        disabled={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? t('savedImporting') : t('savedImport')}
      </button>
      {report ? (
        <div role="status" data-testid="import-report">
          <p>
            {t('savedImportReport', [
              report.added,
              report.updated,
              report.unchanged,
              report.rejected.length,
            ])}
          </p>
          {report.rejected.length ? (
            <ul className="muted" data-testid="import-rejected">
              {report.rejected.slice(0, MAX_LISTED).map((r) => (
                <li key={r.index}>{t('savedImportRejected', [r.index + 1, r.reason])}</li>
              ))}
              {report.rejected.length > MAX_LISTED ? (
                <li>{t('savedImportMore', report.rejected.length - MAX_LISTED)}</li>
              ) : null}
            </ul>
          ) : null}
        </div>
      ) : null}
      {failure ? (
        <div className="error" role="alert" data-testid="import-error">
          <p>{failure.error}</p>
          {failure.detail ? <p>{failure.detail}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

// Export all saved posts, the ones shown (after search and filters) or the selected ones as JSON,
// CSV or Markdown. The background builds the file; this turns it into a download.
import { useState } from 'react';
import { sendMessage } from '@/utils/messaging';
import type { ExportFormat, SavedSort } from '@/utils/saved/types';
import { downloadFile } from './download';
import { errorText, t, type MessageKey } from './i18n';

type Scope = 'all' | 'shown' | 'selected';

export interface ExportMenuProps {
  total: number;
  /** Keys of the posts shown, in the order shown; equal to all posts when nothing is filtered. */
  shownKeys: string[];
  filtered: boolean;
  selectedKeys: string[];
  sort: SavedSort;
  familyNames: Record<string, string>;
}

const FORMATS: [ExportFormat, MessageKey][] = [
  ['json', 'savedExportJson'],
  ['csv', 'savedExportCsv'],
  ['markdown', 'savedExportMarkdown'],
];

export function ExportMenu(props: ExportMenuProps) {
  const [chosen, setChosen] = useState<Scope>('all');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const available: Scope[] = [
    'all',
    ...(props.filtered ? (['shown'] as const) : []),
    ...(props.selectedKeys.length ? (['selected'] as const) : []),
  ];
  const scope = available.includes(chosen) ? chosen : 'all';
  const keys =
    scope === 'selected' ? props.selectedKeys : scope === 'shown' ? props.shownKeys : undefined;

  const run = (format: ExportFormat) => {
    setBusy(true);
    setStatus(null);
    setError(null);
    sendMessage('exportSaved', { format, keys, sort: props.sort, familyNames: props.familyNames })
      .then((result) => {
        if (!result.ok) return setError(errorText(result.error));
        downloadFile(result.file);
        setStatus(t('savedExported', [result.count, result.file.filename]));
      })
      .catch(() => setError(errorText(undefined)))
      .finally(() => setBusy(false));
  };

  return (
    <fieldset className="export-menu" data-testid="export-menu">
      <legend>{t('savedExport')}</legend>
      <label className="field">
        <span>{t('savedExportScope')}</span>
        <select
          data-testid="export-scope"
          value={scope}
          onChange={(e) => setChosen(e.currentTarget.value as Scope)}
        >
          <option value="all">{t('savedExportAll', props.total)}</option>
          {props.filtered ? (
            <option value="shown">{t('savedExportShown', props.shownKeys.length)}</option>
          ) : null}
          {props.selectedKeys.length ? (
            <option value="selected">{t('savedExportSelected', props.selectedKeys.length)}</option>
          ) : null}
        </select>
      </label>
      <div className="row">
        {FORMATS.map(([format, label]) => (
          <button
            key={format}
            type="button"
            data-testid={`export-${format}`}
            aria-label={t('savedExportAs', t(label))}
            disabled={busy}
            onClick={() => run(format)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {status ? (
        <p className="muted" role="status" data-testid="export-status">
          {status}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert" data-testid="export-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

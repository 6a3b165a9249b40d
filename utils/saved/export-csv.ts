// CSV export for spreadsheets. Hand-written rather than a dependency: writing (not parsing) RFC 4180
// is a dozen lines — quote a field containing a comma, quote, CR or LF, double inner quotes,
// end records with CRLF — and the spreadsheet-specific parts (BOM, formula guard) would need
// adding on top of any library anyway.
import { exportFilename } from './export-json';
import type { ExportFile, SavedModel, SavedPost } from './types';

/** Makes Excel and LibreOffice read the file as UTF-8 (emoji, CJK) instead of the ANSI code page. */
export const BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'saved_at',
  'site',
  'author',
  'url',
  'text',
  'models',
  'families',
  'platform_label',
  'has_video',
  'note',
  'tags',
  'dataset_version',
  'updated_at',
  'key',
] as const;

/**
 * Formula-injection guard (CWE-1236): a cell starting with = + - @ tab or CR is read as a formula by
 * spreadsheets; a leading apostrophe makes it text. Applied to every cell, post text included.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** RFC 4180 field: quoted when it contains a comma, double quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  const cell = guardFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function modelLabel(m: SavedModel): string {
  return m.version ? `${m.family} ${m.version}` : (m.modelId ?? m.family);
}

function row(p: SavedPost): string[] {
  return [
    p.savedAt,
    p.site,
    p.author ?? '',
    p.url ?? '',
    p.text,
    p.models.map(modelLabel).join('; '),
    [...new Set(p.models.map((m) => m.family))].join('; '),
    p.platformLabel ?? '',
    p.hasVideo ? 'yes' : 'no',
    p.note,
    p.tags.join('; '),
    p.datasetVersion === null ? '' : String(p.datasetVersion),
    p.updatedAt,
    p.key,
  ];
}

export function toCsv(posts: readonly SavedPost[]): string {
  const lines = [[...CSV_COLUMNS], ...posts.map(row)].map((r) => r.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function exportCsv(posts: readonly SavedPost[], now = new Date()): ExportFile {
  return {
    filename: exportFilename('csv', now),
    mime: 'text/csv;charset=utf-8',
    text: toCsv(posts),
  };
}

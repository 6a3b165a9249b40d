// Turns an export (filename, mime, text) into a file download with a Blob and <a download>, so no
// "downloads" permission is needed. Works in extension pages (options, popup) in Chrome and Firefox.
import type { ExportFile } from '@/utils/saved/types';

export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: Firefox reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// The active dataset as the content script reads it. Only the background writes this key, and
// only a dataset that passed parseDataset (the bundled copy on install, a verified refresh), so
// pages take it as stored: every tab skips the schema library and a full validation at load.
import type { Dataset } from './schema';

export const DATASET_KEY = 'dataset';

/** A dataset in the format this build reads; any other shape waits for the background to replace it. */
function inCurrentFormat(value: unknown): Dataset | null {
  const d = value as Partial<Dataset> | null | undefined;
  const ok =
    typeof d === 'object' &&
    d !== null &&
    d.schemaVersion === 1 &&
    [d.families, d.vendors, d.models, d.corrections, d.detection?.aliases].every(Array.isArray);
  return ok ? (d as Dataset) : null;
}

export async function readActiveDataset(): Promise<Dataset | null> {
  const stored = await browser.storage.local.get(DATASET_KEY);
  return inCurrentFormat(stored[DATASET_KEY]);
}

/** Calls `onChange` with each new dataset the background stores. */
export function watchActiveDataset(onChange: (dataset: Dataset) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(DATASET_KEY in changes)) return;
    const dataset = inCurrentFormat(changes[DATASET_KEY]!.newValue);
    if (dataset) onChange(dataset);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// Where the active dataset lives: storage.local, written whole in one set() so readers never see half of it.
import { DATASET_KEY } from './active';
import { parseDataset } from './parse';
import type { Dataset } from './schema';

export async function readStoredDataset(): Promise<Dataset | null> {
  const stored = await browser.storage.local.get(DATASET_KEY);
  if (stored[DATASET_KEY] === undefined) return null;
  const result = parseDataset(stored[DATASET_KEY]);
  return result.ok ? result.dataset : null;
}

export async function writeDataset(dataset: Dataset): Promise<void> {
  await browser.storage.local.set({ [DATASET_KEY]: dataset });
}

/**
 * Installs the bundled copy unless storage already holds a valid dataset at least as new
 * (a refreshed one). Returns the dataset now active.
 */
export async function installBundledDataset(bundled: unknown): Promise<Dataset> {
  const parsed = parseDataset(bundled);
  if (!parsed.ok) throw new Error(`bundled ${parsed.error}`);
  const stored = await readStoredDataset();
  if (stored && stored.version >= parsed.dataset.version) return stored;
  await writeDataset(parsed.dataset);
  return parsed.dataset;
}

// Background: owns the dataset (bundled copy now; refreshes later) and answers the other contexts.
import { installBundledDataset } from '@/utils/dataset/storage';

async function loadBundled(): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL('/dataset.json'));
  return response.json();
}

export default defineBackground(() => {
  // Every wake-up checks; installing is idempotent, so a killed worker never leaves storage empty.
  const ensureDataset = () =>
    loadBundled()
      .then(installBundledDataset)
      .catch((error: unknown) =>
        console.error('Frame Facts: bundled dataset not installed', error),
      );
  browser.runtime.onInstalled.addListener(() => void ensureDataset());
  browser.runtime.onStartup.addListener(() => void ensureDataset());
  void ensureDataset();
});

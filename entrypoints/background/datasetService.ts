// Background side of the dataset: installs the bundled copy, refreshes from the signed feed on an
// alarm or on request. Everything it knows is in storage.local: the worker may be killed any time.
import {
  refreshDataset,
  refreshOnAlarm,
  REFRESH_ALARM,
  scheduleRefresh,
} from '@/utils/dataset/refresh';
import { getDatasetStatus, REFRESH_INTERVAL_KEY } from '@/utils/dataset/status';
import { installBundledDataset } from '@/utils/dataset/storage';
import { onMessage } from '@/utils/messaging';

async function loadBundled(): Promise<unknown> {
  const response = await fetch(browser.runtime.getURL('/dataset.json'));
  return response.json();
}

export function registerDatasetService(): void {
  // Every start checks; installing is idempotent, so a killed worker never leaves storage empty.
  // Feed updates wait for it so the bundled copy never lands on top of a fresher download.
  const ready = loadBundled()
    .then(installBundledDataset)
    .catch((error: unknown) => console.error('Frame Facts: bundled dataset not installed', error));

  // Alarms persist across restarts; this creates the refresh alarm only if missing or changed.
  const schedule = () =>
    scheduleRefresh().catch((error: unknown) =>
      console.error('Frame Facts: dataset refresh not scheduled', error),
    );
  void schedule();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && REFRESH_INTERVAL_KEY in changes) void schedule();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void ready.then(() => refreshOnAlarm());
  });

  onMessage('getDatasetStatus', () => getDatasetStatus());
  onMessage('refreshDataset', async () => {
    await ready;
    await refreshDataset();
    return getDatasetStatus();
  });
}

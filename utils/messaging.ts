// The one typed protocol between content scripts, popup, options and the background.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DatasetStatus } from './dataset/status';

export type { DatasetStatus } from './dataset/status';

interface ProtocolMap {
  /** The active dataset and how the last update check went; null before any dataset is installed. */
  getDatasetStatus(): DatasetStatus | null;
  /** "Refresh now": checks the update feed immediately (even with periodic refresh off). */
  refreshDataset(): DatasetStatus | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

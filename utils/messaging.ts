// The one typed protocol between content scripts, popup, options and the background.
import { defineExtensionMessaging } from '@webext-core/messaging';

export interface DatasetStatus {
  version: number;
  asOf: string;
  lastCheck: number | null;
  lastError: string | null;
}

interface ProtocolMap {
  getDatasetStatus(): DatasetStatus | null;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

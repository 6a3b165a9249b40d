// The one typed protocol between content scripts, popup, options and the background.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DatasetStatus } from './dataset/status';
import type { ReportResult, WrongBadgeReport } from './reports/wrongBadge';
import type { SavedPostsProtocol } from './saved/service';
import type { SiteId } from './sites/types';

export type { DatasetStatus } from './dataset/status';

/** What the popup shows about the open tab: how many posts got badges, and for which models. */
export interface PageSummary {
  site: SiteId;
  siteEnabled: boolean;
  posts: number;
  families: { id: string; name: string; posts: number }[];
}

interface ProtocolMap extends SavedPostsProtocol {
  /** Sent to a tab's content script. */
  getPageSummary(): PageSummary;
  /** Sent to a tab's content script by the context menu; true when the post was saved. */
  savePostUnderPointer(): boolean;
  /** The active dataset and how the last update check went; null before any dataset is installed. */
  getDatasetStatus(): DatasetStatus | null;
  /** "Refresh now": checks the update feed immediately (even with periodic refresh off). */
  refreshDataset(): DatasetStatus | null;
  /**
   * After a site is switched on or off: resolves once the background's content-script
   * registration matches the stored sites, so a tab reloaded next gets (or loses) the script.
   */
  syncCustomSites(): void;
  /** "Wrong badge?" on a card: keep the post locally for the user's report. */
  reportWrongBadge(report: Omit<WrongBadgeReport, 'reportedAt'>): ReportResult;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

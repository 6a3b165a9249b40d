// Every setting and its default, in one place. Bump SETTINGS_VERSION and add a migration when the shape changes.
import { SITE_IDS, type SiteId } from '../sites/types';

export type BadgeStyle = 'compact' | 'detailed';

export const FACT_GROUPS = ['vendor', 'release', 'specs', 'price', 'provenance'] as const;
export type FactGroup = (typeof FACT_GROUPS)[number];

export interface Settings {
  enabled: boolean;
  badgeStyle: BadgeStyle;
  /** Per site on/off; "generic" covers any other site the user granted. */
  sites: Record<SiteId, boolean>;
  /** Which facts a badge shows beyond the model's name. */
  facts: Record<FactGroup, boolean>;
}

export const SETTINGS_VERSION = 2;

export const defaultSettings: Settings = {
  enabled: true,
  badgeStyle: 'compact',
  sites: Object.fromEntries(SITE_IDS.map((id) => [id, true])) as Record<SiteId, boolean>,
  facts: { vendor: true, release: true, specs: false, price: false, provenance: false },
};

// Turns whatever is stored (an older version, a corrupt value, nothing) into valid Settings.
// Field by field, so one bad value costs only that value, never the rest of the user's choices.
// Version 1 had only `enabled` and `badgeStyle`; the groups added in 2 start from their defaults.
import { SITE_IDS } from '../sites/types';
import { defaultSettings, FACT_GROUPS, type Settings } from './defaults';

type Loose = Record<string, unknown>;

const isRecord = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function flags<K extends string>(
  keys: readonly K[],
  defaults: Record<K, boolean>,
  value: unknown,
): Record<K, boolean> {
  const source = isRecord(value) ? value : {};
  return Object.fromEntries(
    keys.map((k) => [k, typeof source[k] === 'boolean' ? source[k] : defaults[k]]),
  ) as Record<K, boolean>;
}

export function migrateSettings(stored: unknown, _fromVersion: number): Settings {
  const s = isRecord(stored) ? stored : {};
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : defaultSettings.enabled,
    badgeStyle:
      s.badgeStyle === 'compact' || s.badgeStyle === 'detailed'
        ? s.badgeStyle
        : defaultSettings.badgeStyle,
    sites: flags(SITE_IDS, defaultSettings.sites, s.sites),
    facts: flags(FACT_GROUPS, defaultSettings.facts, s.facts),
  };
}

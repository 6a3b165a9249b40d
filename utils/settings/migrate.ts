// Turns whatever is stored (an older version, a corrupt value, nothing) into valid Settings.
import { z } from 'zod';
import { defaultSettings, type Settings } from './defaults';

const settingsShape = z.object({
  enabled: z.boolean().catch(defaultSettings.enabled),
  badgeStyle: z.enum(['compact', 'detailed']).catch(defaultSettings.badgeStyle),
});

/** Field by field, so one bad value costs only that value, never the rest of the user's choices. */
export function migrateSettings(stored: unknown, _fromVersion: number): Settings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    return { ...defaultSettings };
  return settingsShape.parse({ ...defaultSettings, ...stored });
}

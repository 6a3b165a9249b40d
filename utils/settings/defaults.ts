// Every setting and its default, in one place. Bump SETTINGS_VERSION and add a migration when the shape changes.
export type BadgeStyle = 'compact' | 'detailed';

export interface Settings {
  enabled: boolean;
  badgeStyle: BadgeStyle;
}

export const SETTINGS_VERSION = 1;

export const defaultSettings: Settings = {
  enabled: true,
  badgeStyle: 'compact',
};

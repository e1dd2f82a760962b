export const themePreferences = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof themePreferences)[number];

export const THEME_STORAGE_KEY = 'earshot.theme';

/** The part of Web Storage the theme needs; storage can be missing or throw (privacy modes, quotas). */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (themePreferences as ReadonlyArray<string>).includes(value);
}

export function readThemePreference(storage: PreferenceStorage | null): ThemePreference {
  try {
    const stored = storage?.getItem(THEME_STORAGE_KEY);
    return isThemePreference(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function writeThemePreference(storage: PreferenceStorage | null, theme: ThemePreference): void {
  try {
    storage?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // The choice still applies for this window; it is only not remembered.
  }
}

/** "system" leaves the attribute off so the stylesheet follows prefers-color-scheme. */
export function applyTheme(root: HTMLElement, theme: ThemePreference): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

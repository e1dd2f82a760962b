import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { THEME_STORAGE_KEY, readThemePreference, writeThemePreference } from '../../../../../renderer/ui/store/theme';
import type { PreferenceStorage } from '../../../../../renderer/ui/store/theme';

function memoryStorage(initial: Record<string, string> = {}): PreferenceStorage & { values: Record<string, string> } {
  const values = { ...initial };
  return {
    values,
    getItem: (key) => values[key] ?? null,
    setItem: (key, value) => {
      values[key] = value;
    },
  };
}

const brokenStorage: PreferenceStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('theme preference', () => {
  test('round-trips through storage', () => {
    const storage = memoryStorage();
    writeThemePreference(storage, 'dark');
    assert.equal(storage.values[THEME_STORAGE_KEY], 'dark');
    assert.equal(readThemePreference(storage), 'dark');
  });

  test('falls back to system for missing, foreign or unreadable values', () => {
    assert.equal(readThemePreference(memoryStorage()), 'system');
    assert.equal(readThemePreference(memoryStorage({ [THEME_STORAGE_KEY]: 'sepia' })), 'system');
    assert.equal(readThemePreference(brokenStorage), 'system');
    assert.equal(readThemePreference(null), 'system');
  });

  test('a storage that refuses writes does not throw', () => {
    assert.doesNotThrow(() => writeThemePreference(brokenStorage, 'light'));
  });
});

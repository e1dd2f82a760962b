import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  SETTINGS_VERSION,
  defaultSettings,
  settingsPatchSchema,
  settingsSchema,
  type ServerProfile,
} from '../../../../../electron/common/models/settings';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { openSettingsStore, type SettingsMigration } from '../../../../../electron/main/platform/settings-store';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const path = mkdtempSync(join(tmpdir(), 'earshot-settings-'));
  folders.push(path);
  return path;
}

const fixedNow = Date.UTC(2025, 0, 2, 3, 4, 5, 6);

function open(directory: string, extra: { migrations?: readonly SettingsMigration[]; platform?: string } = {}) {
  const logger = createMemoryLogger();
  const store = openSettingsStore({
    directory,
    logger,
    now: () => fixedNow,
    platform: extra.platform ?? 'linux',
    ...(extra.migrations ? { migrations: extra.migrations } : {}),
  });
  return { store, logger };
}

const profile: ServerProfile = {
  id: 'p1',
  name: 'Paris',
  gwsUrl: 'https://gws.example.com:8443',
  userName: 'sam',
  sip: { webSocketUrl: 'wss://sip.example.com:8089/ws', sipUri: 'sip:5005@example.com', authorizationUser: '5005' },
  rememberPassword: false,
  acceptedUnencryptedUrls: [],
  caCertificate: null,
};

describe('settings schema', () => {
  test('the defaults are valid settings and carry the current version', () => {
    const defaults = defaultSettings();
    assert.equal(defaults.version, SETTINGS_VERSION);
    assert.deepEqual(settingsSchema.parse(defaults), defaults);
  });

  test('missing sections take their defaults; a wrong value anywhere fails with its path', () => {
    const parsed = settingsSchema.parse({ version: SETTINGS_VERSION, theme: 'dark' });
    assert.equal(parsed.theme, 'dark');
    assert.deepEqual(parsed.hotkeys, defaultSettings().hotkeys);
    const bad = settingsSchema.safeParse({
      version: SETTINGS_VERSION,
      audio: { outputDeviceId: null, inputDeviceId: null, volume: 3 },
    });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error?.issues[0]?.path, ['audio', 'volume']);
  });

  test('profiles keep no password, and two profiles may not share an id or a name', () => {
    const parsed = settingsSchema.parse({
      version: 1,
      servers: { profiles: [{ ...profile, password: 'hunter2' }], lastProfileId: 'p1' },
    });
    assert.equal(JSON.stringify(parsed).includes('hunter2'), false);
    const twins = settingsSchema.safeParse({
      version: 1,
      servers: { profiles: [profile, { ...profile, id: 'p2', name: 'PARIS' }], lastProfileId: null },
    });
    assert.equal(twins.success, false);
    assert.match(twins.error?.issues[0]?.message ?? '', /named “PARIS”/);
  });
});

describe('settings store', () => {
  test('no file: the defaults, no notice, and nothing written until something changes', () => {
    const directory = folder();
    const { store } = open(directory);
    assert.deepEqual(store.get(), defaultSettings());
    assert.equal(store.notice(), null);
    assert.equal(existsSync(store.filePath), false);

    const changed = store.update((settings) => ({ ...settings, theme: 'dark' }));
    assert.equal(changed.ok, true);
    assert.equal(JSON.parse(readFileSync(store.filePath, 'utf8')).theme, 'dark');
    assert.deepEqual(readdirSync(directory), ['settings.json'], 'the temporary file was renamed, not left behind');
  });

  test('persists across restarts', () => {
    const directory = folder();
    const first = open(directory).store;
    first.update((settings) => ({
      ...settings,
      servers: { profiles: [profile], lastProfileId: 'p1' },
      audio: { ...settings.audio, volume: 0.4 },
    }));
    const second = open(directory).store;
    assert.deepEqual(second.get().servers.profiles, [profile]);
    assert.equal(second.get().audio.volume, 0.4);
  });

  test('a file that is not JSON is set aside as settings.json.broken-<time>, defaults are used, and the notice says what to do', () => {
    const directory = folder();
    writeFileSync(join(directory, 'settings.json'), '{"version": 1, "theme": "dark",');
    const { store, logger } = open(directory);
    assert.deepEqual(store.get(), defaultSettings());
    const notice = store.notice();
    assert.ok(notice);
    assert.equal(notice.keptAs, join(directory, 'settings.json.broken-2025-01-02T03-04-05-006Z'));
    assert.match(notice.message, /not valid JSON/);
    assert.match(notice.message, /default settings/);
    assert.match(notice.message, /settings\.json\.broken-2025-01-02T03-04-05-006Z/);
    assert.equal(readFileSync(notice.keptAs, 'utf8'), '{"version": 1, "theme": "dark",');
    assert.equal(existsSync(store.filePath), false);
    assert.ok(logger.records.some((record) => record.level === 'warn' && record.message.includes('unusable')));

    store.dismissNotice();
    assert.equal(store.notice(), null);
    // The next save writes a fresh file and leaves the broken one alone.
    store.update((settings) => ({ ...settings, theme: 'light' }));
    assert.equal(readFileSync(notice.keptAs, 'utf8'), '{"version": 1, "theme": "dark",');
  });

  test('a file written before single-key shortcuts could be turned off keeps its choices and has them on', () => {
    const directory = folder();
    const older = { ...defaultSettings(), theme: 'dark' } as Partial<ReturnType<typeof defaultSettings>>;
    delete older.keyboard;
    writeFileSync(join(directory, 'settings.json'), JSON.stringify(older));
    const { store } = open(directory);
    assert.equal(store.notice(), null);
    assert.equal(store.get().theme, 'dark');
    assert.deepEqual(store.get().keyboard, { singleKeyShortcuts: true });
    assert.deepEqual(JSON.parse(readFileSync(store.filePath, 'utf8')).keyboard, { singleKeyShortcuts: true });
  });

  test('turning single-key shortcuts off is a settings change of its own and survives a restart', () => {
    const directory = folder();
    const patch = settingsPatchSchema.parse({ keyboard: { singleKeyShortcuts: false } });
    assert.equal(open(directory).store.update((settings) => ({ ...settings, ...patch })).ok, true);
    assert.deepEqual(open(directory).store.get().keyboard, { singleKeyShortcuts: false });
    assert.equal(settingsPatchSchema.safeParse({ keyboard: { singleKeyShortcuts: 'no' } }).success, false);
    assert.equal(settingsPatchSchema.safeParse({ keyboard: {} }).success, false);
  });

  test('a hand-edited file with a bad value is reported with where the problem is', () => {
    const directory = folder();
    writeFileSync(
      join(directory, 'settings.json'),
      JSON.stringify({
        version: 1,
        servers: { profiles: [{ ...profile, gwsUrl: 'gws.example.com' }], lastProfileId: null },
      }),
    );
    const { store } = open(directory);
    assert.deepEqual(store.get(), defaultSettings());
    assert.match(store.notice()?.message ?? '', /servers\.profiles\.0\.gwsUrl: Enter the server address/);
    assert.ok(store.notice()?.keptAs?.includes('.broken-'));
  });

  test('a file that holds no object, or an impossible version, is set aside too', () => {
    for (const content of [
      '[1,2]',
      '"settings"',
      JSON.stringify({ version: 'two' }),
      JSON.stringify({ version: -1 }),
      JSON.stringify({ version: 1.5 }),
    ]) {
      const directory = folder();
      writeFileSync(join(directory, 'settings.json'), content);
      const { store } = open(directory);
      assert.deepEqual(store.get(), defaultSettings(), content);
      assert.ok(store.notice()?.keptAs, content);
    }
  });

  test('a file from a newer Earshot is kept aside under its version, not overwritten', () => {
    const directory = folder();
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ version: SETTINGS_VERSION + 1, theme: 'dark' }));
    const { store } = open(directory);
    assert.deepEqual(store.get(), defaultSettings());
    assert.match(store.notice()?.message ?? '', /a newer Earshot wrote it/);
    assert.equal(
      store.notice()?.keptAs,
      join(directory, `settings.json.v${SETTINGS_VERSION + 1}-2025-01-02T03-04-05-006Z`),
    );
  });

  test('a file with no version is read as the current shape', () => {
    const directory = folder();
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ theme: 'dark' }));
    const { store } = open(directory);
    assert.equal(store.notice(), null);
    assert.equal(store.get().theme, 'dark');
  });

  test('a password typed into the file by hand is dropped and the file written back without it', () => {
    const directory = folder();
    writeFileSync(
      join(directory, 'settings.json'),
      JSON.stringify({ version: 1, servers: { profiles: [{ ...profile, password: 'hunter2' }], lastProfileId: null } }),
    );
    const { store } = open(directory);
    assert.equal(store.notice(), null);
    assert.deepEqual(store.get().servers.profiles, [profile]);
    assert.equal(readFileSync(store.filePath, 'utf8').includes('hunter2'), false);
  });

  test('an update that breaks the schema or a hotkey is refused and nothing changes on disk', () => {
    const directory = folder();
    const { store } = open(directory);
    store.update((settings) => ({ ...settings, theme: 'dark' }));
    const before = readFileSync(store.filePath, 'utf8');

    const badVolume = store.update((settings) => ({ ...settings, audio: { ...settings.audio, volume: 2 } }));
    assert.equal(badVolume.ok, false);
    const clash = store.update((settings) => ({
      ...settings,
      hotkeys: { ...settings.hotkeys, hangUp: settings.hotkeys.listen },
    }));
    assert.equal(clash.ok, false);
    assert.match(
      clash.ok ? '' : clash.error.message,
      /Hang up the monitoring call: .* is already the hotkey for Listen/,
    );
    assert.equal(readFileSync(store.filePath, 'utf8'), before);
    assert.equal(store.get().theme, 'dark');
  });

  test('hotkeys are saved in their canonical spelling, and listeners hear each saved change', () => {
    const { store } = open(folder());
    const heard: string[] = [];
    const stop = store.onChange((settings) => heard.push(settings.hotkeys.listen ?? 'none'));
    const saved = store.update((settings) => ({
      ...settings,
      hotkeys: { ...settings.hotkeys, listen: 'ctrl+shift+f9' },
    }));
    assert.equal(saved.ok && saved.value.hotkeys.listen, 'Control+Shift+F9');
    stop();
    store.update((settings) => ({ ...settings, hotkeys: { ...settings.hotkeys, listen: null } }));
    assert.deepEqual(heard, ['Control+Shift+F9']);
  });

  test('a hotkey already in the file that this platform refuses does not block other changes', () => {
    const directory = folder();
    writeFileSync(
      join(directory, 'settings.json'),
      JSON.stringify({ version: 1, hotkeys: { ...defaultSettings().hotkeys, listen: 'Command+Shift+L' } }),
    );
    const { store } = open(directory, { platform: 'win32' });
    assert.equal(store.get().hotkeys.listen, 'Command+Shift+L');
    assert.equal(store.update((settings) => ({ ...settings, theme: 'dark' })).ok, true);
  });

  test('a save that cannot be written is an error value and the settings stay as they were', () => {
    const directory = folder();
    const { store } = open(join(directory, 'settings.json', 'not-a-folder'));
    writeFileSync(join(directory, 'settings.json'), '{}');
    const result = store.update((settings) => ({ ...settings, theme: 'dark' }));
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error.message, /could not save your settings/);
    assert.equal(store.get().theme, 'system');
  });
});

describe('settings migration', () => {
  // The first shape has no earlier one: these steps stand in for the ones later versions will add.
  const renameTheme: SettingsMigration = {
    from: 0,
    migrate: ({ colours, ...rest }) => ({ ...rest, theme: colours === 'night' ? 'dark' : 'light' }),
  };

  test('an older file is upgraded step by step, written back at the current version, and the original kept', () => {
    const directory = folder();
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ version: 0, colours: 'night' }));
    const { store } = open(directory, { migrations: [renameTheme] });
    assert.equal(store.notice(), null);
    assert.equal(store.get().theme, 'dark');
    const written = JSON.parse(readFileSync(store.filePath, 'utf8'));
    assert.equal(written.version, SETTINGS_VERSION);
    assert.equal(written.colours, undefined);
    assert.deepEqual(JSON.parse(readFileSync(join(directory, 'settings.json.v0-2025-01-02T03-04-05-006Z'), 'utf8')), {
      version: 0,
      colours: 'night',
    });
  });

  test('a version with no upgrade step, or a step that fails, sets the file aside with the reason', () => {
    const directory = folder();
    writeFileSync(join(directory, 'settings.json'), JSON.stringify({ version: 0, colours: 'night' }));
    const missing = open(directory).store;
    assert.match(
      missing.notice()?.message ?? '',
      /could not be upgraded from version 0: no upgrade from settings version 0/,
    );

    const again = folder();
    writeFileSync(join(again, 'settings.json'), JSON.stringify({ version: 0 }));
    const failing: SettingsMigration = {
      from: 0,
      migrate: () => {
        throw new Error('colours missing');
      },
    };
    const failed = open(again, { migrations: [failing] }).store;
    assert.match(failed.notice()?.message ?? '', /colours missing/);
    assert.deepEqual(failed.get(), defaultSettings());
  });
});

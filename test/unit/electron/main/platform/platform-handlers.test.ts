import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { auditQuerySchema } from '../../../../../electron/common/models/audit';
import type { ServerProfileInput, SettingsPatch, SettingsView } from '../../../../../electron/common/models/settings';
import { ok, type Result } from '../../../../../electron/common/result';
import { AuditTrail } from '../../../../../electron/main/platform/audit-trail';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import { createPlatformHandlers } from '../../../../../electron/main/platform/platform-handlers';
import {
  createFileSecretStore,
  unavailableSecretStore,
  type SecretCipher,
  type SecretStore,
} from '../../../../../electron/main/platform/secret-store';
import { openSettingsStore } from '../../../../../electron/main/platform/settings-store';
import { createAppStore } from '../../../../../electron/main/state/app-store';
import { makeTestCa } from '../../../../support/test-ca';

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const fakeCipher: SecretCipher = {
  encrypt: (plainText) => Buffer.from(Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a)),
  decrypt: (cipherText) => Buffer.from(Buffer.from(cipherText).map((byte) => byte ^ 0x5a)).toString('utf8'),
};

function setUp(
  options: {
    secrets?: (directory: string) => SecretStore;
    desktopFeaturesMissing?: string | null;
    now?: number;
  } = {},
) {
  const directory = mkdtempSync(join(tmpdir(), 'earshot-platform-'));
  folders.push(directory);
  const logger = createMemoryLogger();
  const settings = openSettingsStore({ directory, logger, platform: 'linux' });
  const secrets =
    options.secrets?.(directory) ??
    createFileSecretStore({ filePath: join(directory, 'secrets.json'), cipher: fakeCipher, logger });
  const audit = new AuditTrail({ filePath: join(directory, 'audit', 'audit.jsonl'), now: () => Date.UTC(2025, 1, 3) });
  let registrationProblems = {};
  const store = createAppStore(() => 0);
  const platform = createPlatformHandlers({
    settings,
    secrets,
    audit,
    logFiles: { recentLines: () => ['2025-02-03T00:00:00.000Z INFO  [earshot] started'] },
    store,
    about: { appVersion: '0.1.0', platform: 'linux 6.8.0 x64', runtime: 'Node 20' },
    desktopFeaturesMissing: options.desktopFeaturesMissing ?? null,
    hotkeyRegistrationProblems: () => registrationProblems,
    logger,
    now: () => options.now ?? Date.UTC(2025, 1, 3),
    newProfileId: () => 'p1',
  });
  // The settings reach a window through the app state: each command answers once they are there.
  const inState = (): Result<SettingsView> => {
    const view = store.getState().settings;
    assert.ok(view, 'the settings are in the app state');
    return ok(view);
  };
  const published = async (answer: Promise<Result<null>>): Promise<Result<SettingsView>> => {
    const result = await answer;
    return result.ok ? inState() : result;
  };
  const handlers = {
    ...platform,
    getSettings: async () => {
      await platform.publishSettings();
      return inState();
    },
    updateSettings: (patch: SettingsPatch) => published(platform.updateSettings(patch)),
    saveServerProfile: (input: ServerProfileInput) => published(platform.saveServerProfile(input)),
    deleteServerProfile: (request: { profileId: string }) => published(platform.deleteServerProfile(request)),
  };
  const filesText = () =>
    readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
  return {
    handlers,
    settings,
    audit,
    directory,
    filesText,
    setRegistrationProblems: (problems: object) => (registrationProblems = problems),
  };
}

const paris: ServerProfileInput = {
  name: 'Paris',
  gwsUrl: 'https://gws.example.com:8443',
  userName: 'sam',
  sip: { webSocketUrl: 'wss://sip.example.com:8089/ws', sipUri: 'sip:5005@example.com', authorizationUser: '5005' },
  caCertificate: null,
};

describe('settings handlers', () => {
  test('the view: settings, the notice, remember-password support, remembered profiles and hotkey problems', async () => {
    const { handlers, setRegistrationProblems } = setUp();
    const view = await handlers.getSettings();
    assert.ok(view.ok);
    assert.equal(view.value.notice, null);
    assert.deepEqual(view.value.rememberPassword, { available: true, unavailableReason: null });
    assert.deepEqual(view.value.rememberedProfileIds, []);
    assert.deepEqual(view.value.hotkeyProblems, {});

    setRegistrationProblems({ listen: 'Another application already uses CommandOrControl+Alt+Shift+L.' });
    const refused = await handlers.getSettings();
    assert.deepEqual(refused.ok && refused.value.hotkeyProblems, {
      listen: 'Another application already uses CommandOrControl+Alt+Shift+L.',
    });
  });

  test('updates replace whole sections and are refused with words when wrong', async () => {
    const { handlers, settings } = setUp();
    const updated = await handlers.updateSettings({
      theme: 'dark',
      notifications: { voice: false, chat: true, sms: true, voiceWhileAudioPlays: false },
    });
    assert.equal(updated.ok && updated.value.settings.theme, 'dark');
    assert.equal(settings.get().notifications.voice, false);
    const clash = await handlers.updateSettings({
      hotkeys: { listen: 'Control+Alt+K', bargeIn: 'Control+Alt+K', toggleCoach: null, hangUp: null },
    });
    assert.equal(clash.ok, false);
    assert.match(clash.ok ? '' : clash.error.message, /Barge in: Control\+Alt\+K is already the hotkey for Listen/);
  });

  test('profiles are added, edited and deleted; two with one name are refused', async () => {
    const { handlers, settings } = setUp();
    const added = await handlers.saveServerProfile(paris);
    assert.ok(added.ok);
    assert.deepEqual(added.value.settings.servers.profiles, [
      { ...paris, id: 'p1', rememberPassword: false, acceptedUnencryptedUrls: [] },
    ]);
    const renamed = await handlers.saveServerProfile({ ...paris, id: 'p1', name: 'Paris HQ' });
    assert.equal(renamed.ok && renamed.value.settings.servers.profiles[0]?.name, 'Paris HQ');
    const gone = await handlers.saveServerProfile({ ...paris, id: 'nope' });
    assert.match(gone.ok ? '' : gone.error.message, /no longer exists/);
    const twin = await createPlatformHandlers({
      ...baseOptionsOf(settings),
      newProfileId: () => 'p2',
    }).saveServerProfile({ ...paris, name: 'paris hq' });
    assert.match(twin.ok ? '' : twin.error.message, /Two server profiles are named/);
    const deleted = await handlers.deleteServerProfile({ profileId: 'p1' });
    assert.deepEqual(deleted.ok && deleted.value.settings.servers.profiles, []);
  });
});

describe("a server profile's CA certificate", () => {
  const ca = makeTestCa('Contoso Root CA');

  test('a chosen file is read before saving, then kept in the profile as text, its summary in the view', async () => {
    const { handlers, filesText } = setUp({ now: Date.now() });
    const inspected = await handlers.inspectCaCertificate({ pem: ca.caPem });
    assert.equal(inspected.ok && inspected.value[0]?.subject, 'Contoso Root CA, Earshot Tests');
    const saved = await handlers.saveServerProfile({ ...paris, caCertificate: ca.caPem });
    assert.ok(saved.ok);
    assert.equal(saved.value.settings.servers.profiles[0]?.caCertificate, ca.caPem.trim());
    assert.equal(saved.value.caCertificates.p1?.[0]?.subject, 'Contoso Root CA, Earshot Tests');
    assert.match(filesText(), /BEGIN CERTIFICATE/);
  });

  test("a server's own certificate, or an expired CA, is refused in words and nothing is saved", async () => {
    const { handlers } = setUp({ now: Date.now() });
    const leaf = await handlers.saveServerProfile({ ...paris, caCertificate: ca.serverCertPem });
    assert.equal(leaf.ok, false);
    assert.match(!leaf.ok ? leaf.error.message : '', /is not a CA certificate/);
    const late = setUp({ now: Date.now() + 365 * 24 * 60 * 60 * 1000 });
    const expired = await late.handlers.saveServerProfile({ ...paris, caCertificate: ca.caPem });
    assert.match(!expired.ok ? expired.error.message : '', /expired on/);
    const view = await handlers.getSettings();
    assert.deepEqual(view.ok && view.value.settings.servers.profiles, []);
  });
});

describe('signing in over http:// or ws:// to another computer', () => {
  const lan: ServerProfileInput = {
    ...paris,
    gwsUrl: 'http://gws.lan:8090',
    sip: { webSocketUrl: 'ws://sip.lan/ws', sipUri: 'sip:5005@example.com', authorizationUser: '5005' },
  };
  const typed = { profileId: 'p1', password: 'gws-pass-1', sipPassword: 'sip-pass-1', rememberPassword: false };

  test('is refused with the reason unless the supervisor agreed, and the choice is remembered on the profile', async () => {
    const { handlers } = setUp();
    await handlers.saveServerProfile(lan);
    const refused = await handlers.prepareProfileSignIn(typed);
    assert.equal(refused.ok ? '' : refused.error.code, 'unencrypted');
    assert.match(refused.ok ? '' : refused.error.message, /unencrypted to gws\.lan.*unencrypted to sip\.lan/);

    const agreed = { ...typed, acceptUnencrypted: true };
    const prepared = await handlers.prepareProfileSignIn(agreed);
    assert.ok(prepared.ok);
    await handlers.afterProfileSignIn(agreed, prepared.value);
    const view = await handlers.getSettings();
    assert.deepEqual(view.ok && view.value.settings.servers.profiles[0]?.acceptedUnencryptedUrls, [
      'http://gws.lan:8090',
      'ws://sip.lan/ws',
    ]);
  });

  test('the choice holds for the addresses it was made for: editing one drops it for that one only', async () => {
    const { handlers } = setUp();
    await handlers.saveServerProfile(lan);
    const agreed = { ...typed, acceptUnencrypted: true };
    const prepared = await handlers.prepareProfileSignIn(agreed);
    assert.ok(prepared.ok);
    await handlers.afterProfileSignIn(agreed, prepared.value);
    const renamed = await handlers.saveServerProfile({ ...lan, id: 'p1', name: 'LAN' });
    assert.deepEqual(renamed.ok && renamed.value.settings.servers.profiles[0]?.acceptedUnencryptedUrls, [
      'http://gws.lan:8090',
      'ws://sip.lan/ws',
    ]);
    const moved = await handlers.saveServerProfile({ ...lan, id: 'p1', gwsUrl: 'http://other.lan:8090' });
    assert.deepEqual(moved.ok && moved.value.settings.servers.profiles[0]?.acceptedUnencryptedUrls, [
      'ws://sip.lan/ws',
    ]);
  });

  test('https:// and wss:// need no agreement', async () => {
    const { handlers } = setUp();
    await handlers.saveServerProfile(paris);
    const prepared = await handlers.prepareProfileSignIn(typed);
    assert.equal(prepared.ok, true);
  });
});

function baseOptionsOf(settings: ReturnType<typeof openSettingsStore>) {
  const logger = createMemoryLogger();
  return {
    settings,
    secrets: unavailableSecretStore('n/a'),
    audit: {
      list: async () => ({ entries: [], total: 0, offset: 0, unreadableLines: 0 }),
      exportCsv: async () => ({ fileName: 'x.csv', csv: '', rows: 0 }),
    },
    logFiles: null,
    store: createAppStore(() => 0),
    about: { appVersion: '0', platform: 'linux', runtime: 'Node' },
    desktopFeaturesMissing: null,
    logger,
  };
}

describe('remember password', () => {
  test('typed passwords sign in; remembered ones then stand in for them; none reaches the settings file in clear', async () => {
    const { handlers, filesText } = setUp();
    await handlers.saveServerProfile(paris);

    const nothing = await handlers.prepareProfileSignIn({ profileId: 'p1', rememberPassword: false });
    assert.equal(nothing.ok ? '' : nothing.error.message, 'Enter your password.');

    const typed = { profileId: 'p1', password: 'gws-pass-1', sipPassword: 'sip-pass-1', rememberPassword: true };
    const prepared = await handlers.prepareProfileSignIn(typed);
    assert.ok(prepared.ok);
    assert.equal(prepared.value.profile.gwsUrl, 'https://gws.example.com:8443');
    assert.equal(prepared.value.profile.userName, 'sam');
    assert.equal(prepared.value.password, 'gws-pass-1');
    assert.deepEqual(prepared.value.sip, { ...paris.sip, password: 'sip-pass-1' });
    await handlers.afterProfileSignIn(typed, prepared.value);

    const view = await handlers.getSettings();
    assert.ok(view.ok);
    assert.deepEqual(view.value.rememberedProfileIds, ['p1']);
    assert.equal(view.value.settings.servers.lastProfileId, 'p1');
    assert.equal(view.value.settings.servers.profiles[0]?.rememberPassword, true);
    assert.deepEqual(handlers.lastServer(), { baseUrl: 'https://gws.example.com:8443', userName: 'sam' });
    assert.equal(JSON.stringify(view.value).includes('pass-1'), false, 'the view for the UI holds no password');
    assert.equal(filesText().includes('pass-1'), false, 'no file holds a password in clear');

    const remembered = await handlers.prepareProfileSignIn({ profileId: 'p1', rememberPassword: true });
    assert.ok(remembered.ok);
    assert.equal(remembered.value.password, 'gws-pass-1');
    assert.equal(remembered.value.sip?.password, 'sip-pass-1');
  });

  test('unticking "remember" forgets; a profile moved to another server never takes its password along', async () => {
    const { handlers } = setUp();
    await handlers.saveServerProfile(paris);
    const typed = { profileId: 'p1', password: 'gws-pass-1', sipPassword: 'sip-pass-1', rememberPassword: true };
    const prepared = await handlers.prepareProfileSignIn(typed);
    assert.ok(prepared.ok);
    await handlers.afterProfileSignIn(typed, prepared.value);

    await handlers.saveServerProfile({ ...paris, id: 'p1', gwsUrl: 'https://elsewhere.example.net' });
    const moved = await handlers.prepareProfileSignIn({ profileId: 'p1', rememberPassword: true });
    assert.equal(moved.ok ? '' : moved.error.message, 'Enter your password.');
    const view = await handlers.getSettings();
    assert.deepEqual(view.ok && view.value.rememberedProfileIds, []);

    const again = await handlers.prepareProfileSignIn(typed);
    assert.ok(again.ok);
    await handlers.afterProfileSignIn(typed, again.value);
    const forget = { profileId: 'p1', rememberPassword: false };
    const signedInAgain = await handlers.prepareProfileSignIn(forget);
    assert.ok(signedInAgain.ok, 'remembered until the supervisor unticks it');
    await handlers.afterProfileSignIn(forget, signedInAgain.value);
    const forgotten = await handlers.prepareProfileSignIn(forget);
    assert.equal(forgotten.ok, false);
  });

  test('without safe storage the option is off with its reason, and nothing is remembered', async () => {
    const { handlers, filesText } = setUp({ secrets: () => unavailableSecretStore('No desktop keyring is running.') });
    await handlers.saveServerProfile(paris);
    const view = await handlers.getSettings();
    assert.deepEqual(view.ok && view.value.rememberPassword, {
      available: false,
      unavailableReason: 'No desktop keyring is running.',
    });
    const typed = { profileId: 'p1', password: 'gws-pass-1', sipPassword: 'sip-pass-1', rememberPassword: true };
    const prepared = await handlers.prepareProfileSignIn(typed);
    assert.ok(prepared.ok);
    await handlers.afterProfileSignIn(typed, prepared.value);
    const after = await handlers.getSettings();
    assert.equal(after.ok && after.value.settings.servers.profiles[0]?.rememberPassword, false);
    assert.equal(filesText().includes('pass-1'), false);
  });

  test('deleting a profile forgets its passwords', async () => {
    const { handlers, filesText } = setUp();
    await handlers.saveServerProfile(paris);
    const typed = { profileId: 'p1', password: 'gws-pass-1', sipPassword: 'sip-pass-1', rememberPassword: true };
    const prepared = await handlers.prepareProfileSignIn(typed);
    assert.ok(prepared.ok);
    await handlers.afterProfileSignIn(typed, prepared.value);
    assert.ok(filesText().includes('profile.p1.gws'));
    await handlers.deleteServerProfile({ profileId: 'p1' });
    assert.equal(filesText().includes('profile.p1'), false);
    assert.equal(handlers.lastServer(), null);
  });
});

describe('audit and diagnostics handlers', () => {
  test('audit pages and CSV come from the trail', async () => {
    const { handlers, audit } = setUp();
    audit.append({
      time: '2025-02-03T10:00:00.000Z',
      supervisor: 'sam',
      kind: 'monitor',
      channel: 'voice',
      agentId: 'a1',
      agentName: 'Ana',
      interactionId: null,
      mode: 'ListenIn',
      text: null,
      detail: 'Call scope, all calls',
      otherParty: null,
      ending: null,
      transferredTo: null,
    });
    const page = await handlers.listAudit(auditQuerySchema.parse({}));
    assert.equal(page.ok && page.value.total, 1);
    const exported = await handlers.exportAuditCsv({});
    assert.ok(exported.ok);
    assert.equal(exported.value.fileName, 'earshot-audit-2025-02-03.csv');
    assert.match(exported.value.csv, /"Call scope, all calls"/);
  });

  test('diagnostics carry the facts and the recent log, never a password', async () => {
    const { handlers } = setUp();
    await handlers.saveServerProfile(paris);
    const typed = { profileId: 'p1', password: 'gws-pass-1', sipPassword: 'sip-pass-1', rememberPassword: true };
    const prepared = await handlers.prepareProfileSignIn(typed);
    assert.ok(prepared.ok);
    await handlers.afterProfileSignIn(typed, prepared.value);
    const diagnostics = await handlers.getDiagnostics();
    assert.ok(diagnostics.ok);
    assert.match(diagnostics.value.text, /^Earshot 0\.1\.0 diagnostics/);
    assert.match(diagnostics.value.text, /Remember password: available/);
    assert.match(diagnostics.value.text, /Hotkeys: ok/);
    assert.match(diagnostics.value.text, /Server profiles: 1/);
    assert.match(diagnostics.value.text, /INFO {2}\[earshot\] started/);
    assert.equal(diagnostics.value.text.includes('pass-1'), false);
    assert.deepEqual(await handlers.dismissSettingsNotice(), ok(null));
  });

  test('where the edition has no global hotkeys, tray or notifications, the settings and diagnostics say so', async () => {
    const missing = 'A browser tab cannot have them.';
    const { handlers } = setUp({ desktopFeaturesMissing: missing });
    const view = await handlers.getSettings();
    assert.deepEqual(view.ok && view.value.desktopFeatures, { available: false, unavailableReason: missing });
    const diagnostics = await handlers.getDiagnostics();
    assert.ok(diagnostics.ok);
    assert.match(
      diagnostics.value.text,
      /Global hotkeys, tray, notifications: unavailable \(A browser tab cannot have them\.\)/,
    );
    assert.doesNotMatch(diagnostics.value.text, /Hotkeys: ok/);

    const desktop = await setUp().handlers.getSettings();
    assert.deepEqual(desktop.ok && desktop.value.desktopFeatures, { available: true, unavailableReason: null });
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';
import { createUiCommands, startSettingsSync } from '../../../../../renderer/ui/store/ui-commands';
import type { SettingsView } from '../../../../../electron/common/models/settings';
import type { Result } from '../../../../../electron/common/result';
import { snapshotOf, makeAppState, makeSettingsView, signedOutState } from '../fixtures';
import { createFakeBridge } from './fake-bridge';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function withMonitoring(
  voice: Partial<SettingsView['settings']['monitoring']['voice']>,
  nickname: string | null = null,
) {
  const base = makeSettingsView();
  return makeSettingsView({
    settings: {
      monitoring: {
        voice: { ...base.settings.monitoring.voice, ...voice },
        messaging: { ...base.settings.monitoring.messaging, frequency: 'NextChat', nickname },
      },
    },
  });
}

describe('settings in the store', () => {
  test('the settings decide the theme the window shows', () => {
    const store = createAppStore({ theme: 'light' });
    store.getState().settingsActions.received(makeSettingsView({ settings: { theme: 'dark' } }));
    assert.equal(store.getState().ui.theme, 'dark');
  });

  test('monitoring defaults become the session’s options, and only new defaults replace what the session chose', () => {
    const store = createAppStore({ theme: 'system' });
    const { settingsActions, uiActions } = store.getState();
    settingsActions.received(withMonitoring({ scope: 'Agent', frequency: 'NextCall' }, 'Coach Sam'));
    assert.deepEqual(store.getState().ui.monitorOptions, { scope: 'Agent', frequency: 'NextCall' });
    assert.deepEqual(store.getState().ui.messagingOptions, { frequency: 'NextChat', nickname: 'Coach Sam' });

    uiActions.setMonitorOptions({ scope: 'Call' });
    settingsActions.received(withMonitoring({ scope: 'Agent', frequency: 'NextCall' }, 'Coach Sam'));
    assert.equal(store.getState().ui.monitorOptions.scope, 'Call');

    settingsActions.received(withMonitoring({ scope: 'Agent', frequency: 'AllCalls' }, 'Coach Sam'));
    assert.deepEqual(store.getState().ui.monitorOptions, { scope: 'Agent', frequency: 'AllCalls' });
  });

  test('signing out starts the next session from the defaults, not the built-in choices', () => {
    const store = createAppStore({ theme: 'system' });
    const { settingsActions, uiActions, mirrorActions } = store.getState();
    settingsActions.received(withMonitoring({ scope: 'Agent' }));
    mirrorActions.receiveSnapshot(snapshotOf(makeAppState()));
    uiActions.setMonitorOptions({ scope: 'Call', frequency: 'NextCall' });
    mirrorActions.receiveSnapshot(snapshotOf(signedOutState()));
    assert.deepEqual(store.getState().ui.monitorOptions, { scope: 'Agent', frequency: 'AllCalls' });
  });

  test('an unchanged view keeps the objects shown, so nothing re-renders', () => {
    const store = createAppStore({ theme: 'system' });
    store.getState().settingsActions.received(makeSettingsView());
    const before = store.getState();
    store.getState().settingsActions.received(makeSettingsView());
    assert.equal(store.getState(), before);
  });
});

describe('settings commands', () => {
  test('a change shows at once, then main’s answer replaces it', async () => {
    const answer = deferred<Result<SettingsView>>();
    const fake = createFakeBridge({ 'settings:update': () => answer.promise });
    const store = createAppStore({ theme: 'system' });
    store.getState().settingsActions.received(makeSettingsView());
    const commands = createUiCommands(fake.bridge, store);
    const saving = commands.updateSettings('theme', { theme: 'dark' });
    assert.equal(store.getState().settings.view?.settings.theme, 'dark');
    assert.equal(store.getState().ui.commandStatuses['settings:theme']?.phase, 'sending');
    const fromMain = makeSettingsView({ settings: { theme: 'dark' }, hotkeyProblems: { listen: 'Taken' } });
    answer.resolve({ ok: true, value: fromMain });
    await saving;
    assert.deepEqual(store.getState().settings.view?.hotkeyProblems, { listen: 'Taken' });
    assert.equal(store.getState().ui.commandStatuses['settings:theme'], undefined);
  });

  test('an answer overtaken by a later change is not shown; the later one is', async () => {
    const answers = [deferred<Result<SettingsView>>(), deferred<Result<SettingsView>>()];
    let call = 0;
    const fake = createFakeBridge({ 'settings:update': () => answers[call++]!.promise });
    const store = createAppStore({ theme: 'system' });
    store.getState().settingsActions.received(makeSettingsView());
    const commands = createUiCommands(fake.bridge, store);
    const first = commands.updateSettings('theme', { theme: 'dark' });
    const second = commands.updateSettings('notifications', {
      notifications: { voice: false, chat: true, sms: true, voiceWhileAudioPlays: false },
    });
    answers[0]!.resolve({ ok: true, value: makeSettingsView({ settings: { theme: 'dark' } }) });
    await first;
    assert.equal(store.getState().settings.view?.settings.notifications.voice, false, 'the later change still shows');
    const both = makeSettingsView({
      settings: { theme: 'dark', notifications: { voice: false, chat: true, sms: true, voiceWhileAudioPlays: false } },
    });
    answers[1]!.resolve({ ok: true, value: both });
    await second;
    assert.deepEqual(store.getState().settings.view, both);
  });

  test('a refused change is read back from main and its reason kept for the control', async () => {
    const fake = createFakeBridge({
      'settings:update': () => ({
        ok: false,
        error: { code: 'invalid-input', message: 'Barge in: Ctrl+C is an editing shortcut.' },
      }),
      'settings:get': () => ({ ok: true, value: makeSettingsView() }),
    });
    const store = createAppStore({ theme: 'system' });
    store.getState().settingsActions.received(makeSettingsView());
    const commands = createUiCommands(fake.bridge, store);
    const result = await commands.updateSettings('hotkey-bargeIn', {
      hotkeys: { ...makeSettingsView().settings.hotkeys, bargeIn: 'CommandOrControl+C' },
    });
    assert.equal(result.ok, false);
    await settle();
    assert.deepEqual(
      fake.invocations.map((invocation) => invocation.channel),
      ['settings:update', 'settings:get'],
    );
    assert.equal(store.getState().settings.view?.settings.hotkeys.bargeIn, 'CommandOrControl+Alt+Shift+B');
    assert.match(store.getState().ui.commandStatuses['settings:hotkey-bargeIn']?.phase ?? '', /failed/);
  });

  test('a read that fails keeps what is shown, and is reported only when there is nothing to show', async () => {
    const fake = createFakeBridge({
      'settings:get': () => ({ ok: false, error: { code: 'internal', message: 'No.' } }),
    });
    const store = createAppStore({ theme: 'system' });
    const commands = createUiCommands(fake.bridge, store);
    await commands.loadSettings();
    assert.equal(store.getState().settings.loadError?.message, 'No.');
    store.getState().settingsActions.received(makeSettingsView());
    await commands.loadSettings();
    assert.equal(store.getState().settings.loadError, null);
    assert.notEqual(store.getState().settings.view, null);
  });

  test('the theme can be chosen before the settings are read', async () => {
    const fake = createFakeBridge({
      'settings:update': () => ({ ok: false, error: { code: 'internal', message: 'Disk full.' } }),
      'settings:get': () => ({ ok: false, error: { code: 'internal', message: 'Disk full.' } }),
    });
    const store = createAppStore({ theme: 'system' });
    await createUiCommands(fake.bridge, store).setTheme('dark');
    assert.equal(store.getState().ui.theme, 'dark');
    assert.match(store.getState().feedback.toast?.message ?? '', /theme was not saved\. Disk full\./);
  });

  test('dismissing the notice clears it once main agreed', async () => {
    const fake = createFakeBridge({ 'settings:dismissNotice': () => ({ ok: true, value: null }) });
    const store = createAppStore({ theme: 'system' });
    store.getState().settingsActions.received(makeSettingsView({ notice: { message: 'Reset.', keptAs: null } }));
    await createUiCommands(fake.bridge, store).dismissSettingsNotice();
    assert.equal(store.getState().settings.view?.notice, null);
  });

  test('saving and deleting profiles show the view main answers', async () => {
    const saved = makeSettingsView({
      settings: {
        servers: {
          profiles: [
            {
              id: 'p1',
              name: 'EU',
              gwsUrl: 'https://gws.eu',
              userName: 'a',
              sip: null,
              rememberPassword: false,
              acceptedUnencryptedUrls: [],
              caCertificate: null,
            },
          ],
          lastProfileId: null,
        },
      },
    });
    const fake = createFakeBridge({
      'settings:saveServerProfile': () => ({ ok: true, value: saved }),
      'settings:deleteServerProfile': () => ({ ok: true, value: makeSettingsView() }),
    });
    const store = createAppStore({ theme: 'system' });
    const commands = createUiCommands(fake.bridge, store);
    await commands.saveServerProfile({
      name: 'EU',
      gwsUrl: 'https://gws.eu',
      userName: 'a',
      sip: null,
      caCertificate: null,
    });
    assert.equal(store.getState().settings.view?.settings.servers.profiles.length, 1);
    await commands.deleteServerProfile('p1');
    assert.equal(store.getState().settings.view?.settings.servers.profiles.length, 0);
    assert.deepEqual(fake.invocations[1], { channel: 'settings:deleteServerProfile', request: { profileId: 'p1' } });
  });
});

describe('startSettingsSync', () => {
  test('reads the settings at start and whenever a session begins or ends', async () => {
    const fake = createFakeBridge({ 'settings:get': () => ({ ok: true, value: makeSettingsView() }) });
    const store = createAppStore({ theme: 'system' });
    const commands = createUiCommands(fake.bridge, store);
    const stop = startSettingsSync(commands, store);
    const reads = () => fake.invocations.filter((invocation) => invocation.channel === 'settings:get').length;
    try {
      assert.equal(reads(), 1);
      store.getState().mirrorActions.receiveSnapshot(snapshotOf(signedOutState()));
      assert.equal(reads(), 1);
      store.getState().mirrorActions.receiveSnapshot(snapshotOf(makeAppState()));
      assert.equal(reads(), 2);
      store.getState().mirrorActions.receiveSnapshot(snapshotOf(makeAppState({ signInError: null })));
      assert.equal(reads(), 2);
      store.getState().mirrorActions.receiveSnapshot(snapshotOf(signedOutState()));
      assert.equal(reads(), 3);
    } finally {
      stop();
    }
    await settle();
  });
});

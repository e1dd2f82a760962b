import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';
import { createUiCommands } from '../../../../../renderer/ui/store/ui-commands';
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

/** Main's state with these settings, as a window receives it. */
function pushSettings(store: ReturnType<typeof createAppStore>, view: SettingsView | null, state = makeAppState()) {
  store.getState().mirrorActions.receiveSnapshot(snapshotOf({ ...state, settings: view }));
}

describe('settings in the store', () => {
  test('the settings main pushes decide the theme the window shows', () => {
    const store = createAppStore({ theme: 'light' });
    pushSettings(store, makeSettingsView({ settings: { theme: 'dark' } }));
    assert.equal(store.getState().ui.theme, 'dark');
  });

  test('monitoring defaults become the session’s options, and only new defaults replace what the session chose', () => {
    const store = createAppStore({ theme: 'system' });
    pushSettings(store, withMonitoring({ scope: 'Agent', frequency: 'NextCall' }, 'Coach Sam'));
    assert.deepEqual(store.getState().ui.monitorOptions, { scope: 'Agent', frequency: 'NextCall' });
    assert.deepEqual(store.getState().ui.messagingOptions, { frequency: 'NextChat', nickname: 'Coach Sam' });

    store.getState().uiActions.setMonitorOptions({ scope: 'Call' });
    pushSettings(store, withMonitoring({ scope: 'Agent', frequency: 'NextCall' }, 'Coach Sam'));
    assert.equal(store.getState().ui.monitorOptions.scope, 'Call');

    pushSettings(store, withMonitoring({ scope: 'Agent', frequency: 'AllCalls' }, 'Coach Sam'));
    assert.deepEqual(store.getState().ui.monitorOptions, { scope: 'Agent', frequency: 'AllCalls' });
  });

  test('signing out starts the next session from the defaults, not the built-in choices', () => {
    const store = createAppStore({ theme: 'system' });
    const defaults = withMonitoring({ scope: 'Agent' });
    pushSettings(store, defaults);
    store.getState().uiActions.setMonitorOptions({ scope: 'Call', frequency: 'NextCall' });
    pushSettings(store, defaults, signedOutState());
    assert.deepEqual(store.getState().ui.monitorOptions, { scope: 'Agent', frequency: 'AllCalls' });
  });

  test('settings that did not change keep the objects shown, so nothing re-renders', () => {
    const store = createAppStore({ theme: 'system' });
    pushSettings(store, makeSettingsView());
    const view = store.getState().settings.view;
    pushSettings(store, makeSettingsView());
    assert.equal(store.getState().settings.view, view);
    pushSettings(store, makeSettingsView({ settings: { theme: 'dark' } }));
    assert.equal(store.getState().settings.view?.settings.hotkeys, view?.settings.hotkeys, 'an untouched section');
  });
});

describe('settings commands', () => {
  test('a change shows at once, over main’s settings, until main answers with its state', async () => {
    const answer = deferred<Result<null>>();
    const fake = createFakeBridge({ 'settings:update': () => answer.promise });
    const store = createAppStore({ theme: 'system' });
    pushSettings(store, makeSettingsView());
    const commands = createUiCommands(fake.bridge, store);
    const saving = commands.updateSettings('theme', { theme: 'dark' });
    assert.equal(store.getState().settings.view?.settings.theme, 'dark');
    assert.equal(store.getState().ui.commandStatuses['settings:theme']?.phase, 'sending');
    // Main's state comes before its answer, on the same ordered channel.
    pushSettings(store, makeSettingsView({ settings: { theme: 'dark' }, hotkeyProblems: { listen: 'Taken' } }));
    answer.resolve({ ok: true, value: null });
    await saving;
    assert.deepEqual(store.getState().settings.view?.hotkeyProblems, { listen: 'Taken' });
    assert.deepEqual(store.getState().settings.pending, []);
    assert.equal(store.getState().ui.commandStatuses['settings:theme'], undefined);
  });

  test('main’s state with the first of two quick changes never hides the second', async () => {
    const answers = [deferred<Result<null>>(), deferred<Result<null>>()];
    let call = 0;
    const fake = createFakeBridge({ 'settings:update': () => answers[call++]!.promise });
    const store = createAppStore({ theme: 'system' });
    pushSettings(store, makeSettingsView());
    const commands = createUiCommands(fake.bridge, store);
    const quiet = { voice: false, chat: true, sms: true, voiceWhileAudioPlays: false };
    const first = commands.updateSettings('theme', { theme: 'dark' });
    const second = commands.updateSettings('notifications', { notifications: quiet });
    pushSettings(store, makeSettingsView({ settings: { theme: 'dark' } }));
    answers[0]!.resolve({ ok: true, value: null });
    await first;
    assert.equal(store.getState().settings.view?.settings.notifications.voice, false, 'the later change still shows');
    const both = makeSettingsView({ settings: { theme: 'dark', notifications: quiet } });
    pushSettings(store, both);
    answers[1]!.resolve({ ok: true, value: null });
    await second;
    assert.deepEqual(store.getState().settings.view, both);
  });

  test('a refused change goes back to main’s settings, and its reason stays with the control', async () => {
    const fake = createFakeBridge({
      'settings:update': () => ({
        ok: false,
        error: { code: 'invalid-input', message: 'Barge in: Ctrl+C is an editing shortcut.' },
      }),
    });
    const store = createAppStore({ theme: 'system' });
    pushSettings(store, makeSettingsView());
    const commands = createUiCommands(fake.bridge, store);
    const result = await commands.updateSettings('hotkey-bargeIn', {
      hotkeys: { ...makeSettingsView().settings.hotkeys, bargeIn: 'CommandOrControl+C' },
    });
    assert.equal(result.ok, false);
    assert.equal(store.getState().settings.view?.settings.hotkeys.bargeIn, 'CommandOrControl+Alt+Shift+B');
    assert.match(store.getState().ui.commandStatuses['settings:hotkey-bargeIn']?.phase ?? '', /failed/);
  });

  test('the theme can be chosen before main’s settings arrive', async () => {
    const fake = createFakeBridge({
      'settings:update': () => ({ ok: false, error: { code: 'internal', message: 'Disk full.' } }),
    });
    const store = createAppStore({ theme: 'system' });
    await createUiCommands(fake.bridge, store).setTheme('dark');
    assert.equal(store.getState().ui.theme, 'dark');
    assert.match(store.getState().feedback.toast?.message ?? '', /theme was not saved\. Disk full\./);
  });

  test('profiles are saved and deleted in main; the settings that follow come in the state', async () => {
    const fake = createFakeBridge({
      'settings:saveServerProfile': () => ({ ok: true, value: null }),
      'settings:deleteServerProfile': () => ({ ok: true, value: null }),
      'settings:dismissNotice': () => ({ ok: true, value: null }),
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
    await commands.deleteServerProfile('p1');
    await commands.dismissSettingsNotice();
    assert.deepEqual(
      fake.invocations.map((invocation) => invocation.channel),
      ['settings:saveServerProfile', 'settings:deleteServerProfile', 'settings:dismissNotice'],
    );
    assert.deepEqual(fake.invocations[1], { channel: 'settings:deleteServerProfile', request: { profileId: 'p1' } });
  });
});

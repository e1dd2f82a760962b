import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';
import { createUiCommands } from '../../../../../renderer/ui/store/ui-commands';
import type { AppState } from '../../../../../electron/common/models/app-state';
import type { Result } from '../../../../../electron/common/result';
import { snapshotOf, makeAgent, makeAppState, makeSubscription, makeTeam, makeVoiceState } from '../fixtures';
import { createFakeBridge } from './fake-bridge';

const okNull = { ok: true as const, value: null };
const agents = [makeAgent({ id: 'a1', displayName: 'Alice' }), makeAgent({ id: 'a2', displayName: 'Bruno' })];

function storeWith(state: AppState) {
  const store = createAppStore({ theme: 'system' });
  store.getState().mirrorActions.receiveSnapshot(snapshotOf(state));
  return store;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const teamState = (voice = makeVoiceState()) => makeAppState({ team: makeTeam(agents), voice });

describe('startMonitoring', () => {
  test('sends voice:monitor with the session’s scope and frequency', async () => {
    const fake = createFakeBridge({ 'voice:monitor': () => okNull });
    const store = storeWith(teamState());
    store.getState().uiActions.setMonitorOptions({ frequency: 'NextCall' });
    const commands = createUiCommands(fake.bridge, store);
    assert.deepEqual(await commands.startMonitoring({ agentId: 'a2', agentName: 'Bruno', mode: 'Coach' }), okNull);
    assert.deepEqual(fake.invocations, [
      { channel: 'voice:monitor', request: { agentId: 'a2', mode: 'Coach', scope: 'Call', frequency: 'NextCall' } },
    ]);
    assert.deepEqual(store.getState().ui.commandStatuses, {});
  });

  test('is marked as sending until main answers, and a refusal stays to be shown', async () => {
    const answer = deferred<Result<null>>();
    const fake = createFakeBridge({ 'voice:monitor': () => answer.promise });
    const store = storeWith(teamState());
    const commands = createUiCommands(fake.bridge, store);
    const sent = commands.startMonitoring({ agentId: 'a1', agentName: 'Alice', mode: 'ListenIn' });
    assert.equal(store.getState().ui.commandStatuses.subscription?.phase, 'sending');
    const refusal = { code: 'gws-refused' as const, message: 'Another supervisor monitors Alice.' };
    answer.resolve({ ok: false, error: refusal });
    await sent;
    const status = store.getState().ui.commandStatuses.subscription;
    assert.equal(status?.phase, 'failed');
    assert.deepEqual(status?.phase === 'failed' ? status.error : null, refusal);
  });

  test('while another agent is monitored it only asks to replace', async () => {
    const fake = createFakeBridge({});
    const store = storeWith(teamState(makeVoiceState({ subscription: makeSubscription({ agentId: 'a1' }) })));
    const commands = createUiCommands(fake.bridge, store);
    const target = { agentId: 'a2', agentName: 'Bruno', mode: 'BargeIn' as const };
    assert.deepEqual(await commands.startMonitoring(target), okNull);
    assert.deepEqual(fake.invocations, []);
    assert.deepEqual(store.getState().ui.pendingReplace, target);
  });
});

describe('confirmReplace', () => {
  test('cancels the current subscription, then starts the asked-for one', async () => {
    const fake = createFakeBridge({ 'voice:cancelMonitoring': () => okNull, 'voice:monitor': () => okNull });
    const store = storeWith(teamState(makeVoiceState({ subscription: makeSubscription({ agentId: 'a1' }) })));
    const commands = createUiCommands(fake.bridge, store);
    await commands.startMonitoring({ agentId: 'a2', agentName: 'Bruno', mode: 'ListenIn' });
    await commands.confirmReplace();
    assert.deepEqual(
      fake.invocations.map((invocation) => invocation.channel),
      ['voice:cancelMonitoring', 'voice:monitor'],
    );
    assert.equal(store.getState().ui.pendingReplace, null);
  });

  test('does not start the new one when cancelling fails', async () => {
    const refusal = { ok: false as const, error: { code: 'timeout' as const, message: 'No answer.' } };
    const fake = createFakeBridge({ 'voice:cancelMonitoring': () => refusal });
    const store = storeWith(teamState(makeVoiceState({ subscription: makeSubscription({ agentId: 'a1' }) })));
    const commands = createUiCommands(fake.bridge, store);
    await commands.startMonitoring({ agentId: 'a2', agentName: 'Bruno', mode: 'ListenIn' });
    assert.deepEqual(await commands.confirmReplace(), refusal);
    assert.deepEqual(
      fake.invocations.map((invocation) => invocation.channel),
      ['voice:cancelMonitoring'],
    );
    assert.equal(store.getState().ui.commandStatuses.subscription?.phase, 'failed');
  });

  test('without a question asked it sends nothing', async () => {
    const fake = createFakeBridge({});
    const commands = createUiCommands(fake.bridge, storeWith(teamState()));
    assert.deepEqual(await commands.confirmReplace(), okNull);
    assert.deepEqual(fake.invocations, []);
  });
});

describe('call commands', () => {
  test('send the contract’s payloads', async () => {
    const fake = createFakeBridge({
      'voice:switchMode': () => okNull,
      'voice:muteAgent': () => okNull,
      'voice:hangUp': () => okNull,
      'voice:setVolume': () => okNull,
      'voice:answerIncoming': () => okNull,
      'voice:declineIncoming': () => okNull,
      'voice:cancelMonitoring': () => okNull,
      'audio:selectOutput': () => okNull,
      'audio:selectInput': () => okNull,
    });
    const commands = createUiCommands(fake.bridge, storeWith(teamState()));
    await commands.switchMode('c1', 'BargeIn');
    await commands.muteAgent('c1', true);
    await commands.setVolume('c1', 1.4);
    await commands.hangUp('c1');
    await commands.answerIncoming('i1');
    await commands.declineIncoming('i2');
    await commands.cancelMonitoring();
    await commands.selectOutput('hs');
    await commands.selectInput(null);
    assert.deepEqual(fake.invocations, [
      { channel: 'voice:switchMode', request: { callId: 'c1', mode: 'BargeIn' } },
      { channel: 'voice:muteAgent', request: { callId: 'c1', muted: true } },
      { channel: 'voice:setVolume', request: { callId: 'c1', volume: 1 } },
      { channel: 'voice:hangUp', request: { callId: 'c1' } },
      { channel: 'voice:answerIncoming', request: { callId: 'i1' } },
      { channel: 'voice:declineIncoming', request: { callId: 'i2' } },
      { channel: 'voice:cancelMonitoring', request: {} },
      { channel: 'audio:selectOutput', request: { deviceId: 'hs' } },
      { channel: 'audio:selectInput', request: { deviceId: null } },
    ]);
  });

  test('a hang-up is not held up by a switch still on its way', async () => {
    const switchAnswer = deferred<Result<null>>();
    const fake = createFakeBridge({ 'voice:switchMode': () => switchAnswer.promise, 'voice:hangUp': () => okNull });
    const store = storeWith(teamState());
    const commands = createUiCommands(fake.bridge, store);
    const switching = commands.switchMode('c1', 'BargeIn');
    await commands.hangUp('c1');
    assert.equal(store.getState().ui.commandStatuses['call:c1']?.phase, 'sending');
    assert.equal(store.getState().ui.commandStatuses['hangup:c1'], undefined);
    switchAnswer.resolve(okNull);
    await switching;
  });
});

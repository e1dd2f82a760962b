import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';
import { commandKeys } from '../../../../../renderer/ui/store/command-status';
import { createUiCommands } from '../../../../../renderer/ui/store/ui-commands';
import type { AppState } from '../../../../../electron/common/models/app-state';
import type { Result } from '../../../../../electron/common/result';
import { snapshotOf, makeAgent, makeAppState, makeConversation, makeMessagingState, makeTeam } from '../fixtures';
import { createFakeBridge } from './fake-bridge';

const okNull = { ok: true as const, value: null };
const agents = [makeAgent({ id: 'a1', displayName: 'Alice' }), makeAgent({ id: 'a2', displayName: 'Bruno' })];
const refusal = { code: 'gws-refused' as const, message: 'The contact center refused to monitor Alice’s chats.' };

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

const teamState = (messaging = makeMessagingState()) => makeAppState({ team: makeTeam(agents), messaging });

describe('monitorMessaging', () => {
  test('sends the channel and mode with the session’s frequency, leaving out an empty nickname', async () => {
    const fake = createFakeBridge({ 'messaging:monitor': () => okNull });
    const store = storeWith(teamState());
    const commands = createUiCommands(fake.bridge, store);
    await commands.monitorMessaging({ agentId: 'a1', channel: 'chat', mode: 'Monitor' });
    store.getState().uiActions.setMessagingOptions({ frequency: 'NextChat', nickname: '  Team lead ' });
    await commands.monitorMessaging({ agentId: 'a2', channel: 'sms', mode: 'BargeIn' });
    assert.deepEqual(fake.invocations, [
      {
        channel: 'messaging:monitor',
        request: { agentId: 'a1', channel: 'chat', mode: 'Monitor', frequency: 'AllChats' },
      },
      {
        channel: 'messaging:monitor',
        request: { agentId: 'a2', channel: 'sms', mode: 'BargeIn', frequency: 'NextChat', nickname: 'Team lead' },
      },
    ]);
  });

  test('several agents and channels are tracked apart, and a refusal stays to be shown', async () => {
    const first = deferred<Result<null>>();
    const fake = createFakeBridge({
      'messaging:monitor': (request) =>
        (request as { agentId: string }).agentId === 'a1' ? first.promise : { ok: false, error: refusal },
    });
    const store = storeWith(teamState());
    const commands = createUiCommands(fake.bridge, store);
    const pending = commands.monitorMessaging({ agentId: 'a1', channel: 'chat', mode: 'Coach' });
    await commands.monitorMessaging({ agentId: 'a2', channel: 'chat', mode: 'Coach' });
    const statuses = store.getState().ui.commandStatuses;
    assert.equal(statuses[commandKeys.messagingSubscription('a1', 'chat')]?.phase, 'sending');
    assert.equal(statuses[commandKeys.messagingSubscription('a2', 'chat')]?.phase, 'failed');
    first.resolve(okNull);
    await pending;
    assert.equal(store.getState().ui.commandStatuses[commandKeys.messagingSubscription('a1', 'chat')], undefined);
  });
});

describe('conversation commands', () => {
  test('cancel, switch, send and leave reach main with one payload each; a blank farewell is left out', async () => {
    const fake = createFakeBridge({
      'messaging:cancelMonitoring': () => okNull,
      'messaging:switchMode': () => okNull,
      'messaging:send': () => okNull,
      'messaging:leave': () => okNull,
    });
    const store = storeWith(teamState(makeMessagingState({ conversations: [makeConversation({ id: 'c1' })] })));
    const commands = createUiCommands(fake.bridge, store);
    await commands.cancelMessagingMonitoring('a1', 'sms');
    await commands.switchConversationMode('c1', 'Coach');
    await commands.sendMessage('c1', 'Offer the credit.');
    await commands.leaveConversation('c1', '   ');
    await commands.leaveConversation('c1', ' Bye! ');
    assert.deepEqual(fake.invocations, [
      { channel: 'messaging:cancelMonitoring', request: { agentId: 'a1', channel: 'sms' } },
      { channel: 'messaging:switchMode', request: { conversationId: 'c1', mode: 'Coach' } },
      { channel: 'messaging:send', request: { conversationId: 'c1', text: 'Offer the credit.' } },
      { channel: 'messaging:leave', request: { conversationId: 'c1' } },
      { channel: 'messaging:leave', request: { conversationId: 'c1', farewell: 'Bye!' } },
    ]);
  });

  test('a failed send is kept under its own key, apart from switching', async () => {
    const fake = createFakeBridge({
      'messaging:send': () => ({ ok: false, error: refusal }),
      'messaging:switchMode': () => okNull,
    });
    const store = storeWith(teamState(makeMessagingState({ conversations: [makeConversation({ id: 'c1' })] })));
    const commands = createUiCommands(fake.bridge, store);
    await commands.sendMessage('c1', 'hello');
    await commands.switchConversationMode('c1', 'BargeIn');
    const statuses = store.getState().ui.commandStatuses;
    assert.equal(statuses[commandKeys.send('c1')]?.phase, 'failed');
    assert.equal(statuses[commandKeys.conversation('c1')], undefined);
  });

  test('outcomes about a conversation are forgotten once it leaves the board and the history', async () => {
    const fake = createFakeBridge({ 'messaging:send': () => ({ ok: false, error: refusal }) });
    const live = makeConversation({ id: 'c1' });
    const store = storeWith(teamState(makeMessagingState({ conversations: [live] })));
    await createUiCommands(fake.bridge, store).sendMessage('c1', 'hello');
    const ended = { ...live, ended: true, endedAt: 5 };
    store.getState().mirrorActions.receiveSnapshot(snapshotOf(teamState(makeMessagingState({ history: [ended] }))));
    assert.equal(store.getState().ui.commandStatuses[commandKeys.send('c1')]?.phase, 'failed');
    store.getState().mirrorActions.receiveSnapshot(snapshotOf(teamState()));
    assert.equal(store.getState().ui.commandStatuses[commandKeys.send('c1')], undefined);
  });
});

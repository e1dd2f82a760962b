import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Conversation, MessagingSubscription } from '../../../../../electron/common/models/messaging';
import { initialAppState } from '../../../../../electron/main/state/app-state-reducers';
import {
  MESSAGING_HISTORY_LIMIT,
  clearMessaging,
  endConversation,
  initialMessagingState,
  putConversation,
  putSubscription,
  removeSubscription,
  updateConversation,
  withMessaging,
  withSubscriptionError,
} from '../../../../../electron/main/state/messaging-reducers';
import { makeLine } from '../../../renderer/ui/fixtures';

function linesOf(count: number) {
  return Array.from({ length: count }, (_, index) => makeLine(index + 1));
}

/** Main's transcript is one array until its lines change, so equal cards share it. */
const threeLines = linesOf(3);

function subscription(agentId: string, change: Partial<MessagingSubscription> = {}): MessagingSubscription {
  return {
    agentId,
    agentName: `Agent ${agentId}`,
    channel: 'chat',
    mode: 'Monitor',
    frequency: 'AllChats',
    nickname: null,
    pending: false,
    ...change,
  };
}

function conversation(id: string, change: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: 'chat',
    agentId: 'a1',
    agentName: 'Ava',
    customerName: 'Dana',
    state: 'live',
    ended: false,
    ending: null,
    mode: 'Coach',
    myVisibility: 'Agents',
    participants: [],
    typing: ['Dana'],
    switchTargets: ['Monitor', 'BargeIn'],
    composerDisabledReason: null,
    sendVisibility: 'Agents',
    lines: threeLines,
    lastMessageAt: 10,
    startedAt: 1,
    endedAt: null,
    pendingCommand: null,
    error: null,
    ...change,
  };
}

describe('messaging reducers', () => {
  test('the app state starts with no subscriptions or conversations', () => {
    assert.deepEqual(initialAppState(0).messaging, initialMessagingState());
  });

  test('one subscription per agent and channel; a new one replaces the old in place', () => {
    let messaging = putSubscription(initialMessagingState(), subscription('a1', { pending: true }));
    messaging = putSubscription(messaging, subscription('a2'));
    messaging = putSubscription(messaging, subscription('a1', { channel: 'sms' }));
    assert.equal(messaging.subscriptions.length, 3);
    messaging = putSubscription(messaging, subscription('a1', { mode: 'Coach' }));
    assert.deepEqual(
      messaging.subscriptions.map((entry) => `${entry.agentId}/${entry.channel}/${entry.mode}/${entry.pending}`),
      ['a1/chat/Coach/false', 'a2/chat/Monitor/false', 'a1/sms/Monitor/false'],
    );
    assert.equal(putSubscription(messaging, subscription('a2')), messaging);
    const removed = removeSubscription(messaging, 'a1', 'chat');
    assert.deepEqual(
      removed.subscriptions.map((entry) => `${entry.agentId}/${entry.channel}`),
      ['a2/chat', 'a1/sms'],
    );
    assert.equal(removeSubscription(removed, 'a1', 'chat'), removed);
  });

  test('the subscription error is set and cleared; the same error changes nothing', () => {
    const error = { code: 'gws-refused' as const, message: 'No.' };
    const failed = withSubscriptionError(initialMessagingState(), error);
    assert.deepEqual(failed.subscriptionError, error);
    assert.equal(withSubscriptionError(failed, { ...error }), failed);
    assert.equal(withSubscriptionError(failed, null).subscriptionError, null);
  });

  test('conversations are added, replaced by id, and unchanged cards keep their identity', () => {
    let messaging = putConversation(initialMessagingState(), conversation('c1'));
    messaging = putConversation(messaging, conversation('c2'));
    const replaced = putConversation(messaging, conversation('c1', { mode: 'BargeIn' }));
    assert.deepEqual(
      replaced.conversations.map((entry) => `${entry.id}:${entry.mode}`),
      ['c1:BargeIn', 'c2:Coach'],
    );
    assert.equal(putConversation(replaced, conversation('c1', { mode: 'BargeIn' })), replaced);
    assert.equal(
      updateConversation(replaced, 'c2', (entry) => entry),
      replaced,
    );
    assert.equal(
      updateConversation(replaced, 'nope', (entry) => ({ ...entry, state: 'invited' })),
      replaced,
    );
    assert.equal(
      updateConversation(replaced, 'c2', (entry) => ({ ...entry, lines: linesOf(4) })).conversations[1]?.lines.length,
      4,
    );
  });

  test('an ended conversation goes to the head of the history, with nothing left to do', () => {
    let messaging = putConversation(putConversation(initialMessagingState(), conversation('c1')), conversation('c2'));
    messaging = endConversation(
      messaging,
      conversation('c1', { ending: 'requeued', lines: linesOf(5), pendingCommand: 'send' }),
      99,
    );
    assert.deepEqual(
      messaging.conversations.map((entry) => entry.id),
      ['c2'],
    );
    const [ended] = messaging.history;
    assert.equal(ended?.id, 'c1');
    assert.equal(ended?.ending, 'requeued');
    assert.equal(ended?.lines.length, 5);
    assert.equal(ended?.ended, true);
    assert.equal(ended?.endedAt, 99);
    assert.deepEqual(ended?.typing, []);
    assert.deepEqual(ended?.switchTargets, []);
    assert.equal(ended?.sendVisibility, null);
    assert.equal(ended?.pendingCommand, null);
    assert.match(ended?.composerDisabledReason ?? '', /ended/);
    assert.equal(endConversation(messaging, conversation('c1'), 100), messaging);
  });

  test('lines that arrive after the end update the history card, which stays ended', () => {
    let messaging = endConversation(
      putConversation(initialMessagingState(), conversation('c1')),
      conversation('c1'),
      50,
    );
    messaging = updateConversation(messaging, 'c1', (entry) => ({
      ...entry,
      lines: linesOf(9),
      ended: false,
      switchTargets: ['Monitor'],
    }));
    assert.equal(messaging.history[0]?.lines.length, 9);
    assert.equal(messaging.history[0]?.ended, true);
    assert.equal(messaging.history[0]?.endedAt, 50);
    assert.deepEqual(messaging.history[0]?.switchTargets, []);
  });

  test('a conversation delivered again leaves the history', () => {
    const ended = endConversation(putConversation(initialMessagingState(), conversation('c1')), conversation('c1'), 50);
    const back = putConversation(ended, conversation('c1'));
    assert.deepEqual(back.history, []);
    assert.equal(back.conversations[0]?.ended, false);
  });

  test(`the history keeps the newest ${MESSAGING_HISTORY_LIMIT}`, () => {
    let messaging = initialMessagingState();
    for (let index = 0; index < MESSAGING_HISTORY_LIMIT + 5; index += 1) {
      messaging = endConversation(
        putConversation(messaging, conversation(`c${index}`)),
        conversation(`c${index}`),
        index,
      );
    }
    assert.equal(messaging.history.length, MESSAGING_HISTORY_LIMIT);
    assert.equal(messaging.history[0]?.id, `c${MESSAGING_HISTORY_LIMIT + 4}`);
    assert.equal(messaging.history.at(-1)?.id, 'c5');
  });

  test('clearing empties everything; an empty state stays the same object', () => {
    const empty = initialMessagingState();
    assert.equal(clearMessaging(empty), empty);
    assert.deepEqual(clearMessaging(putSubscription(empty, subscription('a1'))), initialMessagingState());
  });

  test('withMessaging keeps the app state when nothing changed', () => {
    const state = initialAppState(0);
    assert.equal(
      withMessaging(state, (messaging) => messaging),
      state,
    );
    assert.equal(
      withMessaging(state, (messaging) => putSubscription(messaging, subscription('a1'))).messaging.subscriptions
        .length,
      1,
    );
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  boardCountText,
  combinedHistory,
  groupByAgent,
  recentlyEnded,
} from '../../../../../../renderer/ui/features/board/board-model';
import { makeCall, makeConversation } from '../../fixtures';

describe('groupByAgent', () => {
  test('puts an agent’s call, chats and SMS together, call first, then by start time', () => {
    const groups = groupByAgent(
      [makeCall({ id: 'call-1', agentId: 'a1', agentName: 'Alice', startedAt: 50 })],
      [
        makeConversation({ id: 'sms-1', channel: 'sms', agentId: 'a1', agentName: 'Alice', startedAt: 30 }),
        makeConversation({ id: 'chat-1', agentId: 'a1', agentName: 'Alice', startedAt: 10 }),
        makeConversation({ id: 'chat-2', agentId: 'a2', agentName: 'Bruno', startedAt: 5 }),
      ],
    );
    assert.deepEqual(groups, [
      { key: 'id:a1', agentId: 'a1', agentName: 'Alice', callIds: ['call-1'], conversationIds: ['chat-1', 'sms-1'] },
      { key: 'id:a2', agentId: 'a2', agentName: 'Bruno', callIds: [], conversationIds: ['chat-2'] },
    ]);
  });

  test('orders groups by name so they do not jump as lines arrive; what has no agent comes last', () => {
    const groups = groupByAgent(
      [makeCall({ id: 'call-x', agentId: null, agentName: null, customerNumber: '+1555' })],
      [
        makeConversation({ id: 'c-zoe', agentId: 'a9', agentName: 'Zoë' }),
        makeConversation({ id: 'c-eva', agentId: 'a5', agentName: 'eva' }),
        makeConversation({ id: 'c-named', agentId: null, agentName: 'Visitor agent' }),
      ],
    );
    assert.deepEqual(
      groups.map((group) => group.agentName),
      ['eva', 'Visitor agent', 'Zoë', 'Unknown agent'],
    );
    assert.equal(groups[1]?.key, 'name:Visitor agent');
  });

  test('an empty board has no groups', () => {
    assert.deepEqual(groupByAgent([], []), []);
  });
});

describe('recentlyEnded', () => {
  const history = [
    makeConversation({ id: 'old', ended: true, endedAt: 1_000 }),
    makeConversation({ id: 'new', ended: true, endedAt: 20_000 }),
    makeConversation({ id: 'newer', ended: true, endedAt: 25_000 }),
    makeConversation({ id: 'never', ended: true, endedAt: null }),
  ];

  test('keeps an ended conversation on the board for its moment, oldest ending first', () => {
    assert.deepEqual(recentlyEnded(history, 26_000, [], 10_000), ['new', 'newer']);
    assert.deepEqual(recentlyEnded(history, 31_000, [], 10_000), ['newer']);
  });

  test('one the supervisor moved to the history goes at once', () => {
    assert.deepEqual(recentlyEnded(history, 26_000, ['new'], 10_000), ['newer']);
  });
});

describe('combinedHistory', () => {
  test('voice, chat and SMS in one list, latest ending first, with channel, customer, agent and end', () => {
    const entries = combinedHistory(
      [
        makeCall({
          id: 'h-call',
          agentName: 'Keiko',
          customerNumber: '+44 20',
          startedAt: 0,
          endedAt: 60_000,
          mode: 'BargeIn',
        }),
      ],
      [
        makeConversation({
          id: 'h-chat',
          agentName: 'Alice',
          customerName: 'Maria',
          state: 'Revoked',
          startedAt: 10_000,
          endedAt: 90_000,
        }),
        makeConversation({
          id: 'h-sms',
          channel: 'sms',
          agentName: null,
          customerName: null,
          state: 'Completed',
          mode: 'Coach',
          startedAt: 0,
          endedAt: 30_000,
        }),
      ],
    );
    assert.deepEqual(
      entries.map((entry) => [
        entry.id,
        entry.channel,
        entry.agentName,
        entry.customer,
        entry.ending,
        entry.hasTranscript,
      ]),
      [
        ['h-chat', 'chat', 'Alice', 'Maria', 'Revoked · Monitor', true],
        ['h-call', 'call', 'Keiko', '+44 20', 'Barge in', false],
        ['h-sms', 'sms', 'Unknown agent', 'Customer', 'Completed · Coach', true],
      ],
    );
    assert.equal(entries[0]?.endingDetail, 'The agent completed it or put it back in a queue.');
  });
});

describe('boardCountText', () => {
  test('counts what is live, leaving out what there is none of', () => {
    assert.equal(boardCountText({ calls: 0, chats: 0, sms: 0 }), null);
    assert.equal(boardCountText({ calls: 1, chats: 3, sms: 2 }), '1 call · 3 chats · 2 SMS');
    assert.equal(boardCountText({ calls: 0, chats: 1, sms: 0 }), '1 chat');
  });
});

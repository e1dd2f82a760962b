import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  armedMonitors,
  boardCountText,
  orderBoard,
  recentlyEnded,
} from '../../../../../../renderer/ui/features/board/board-model';
import { makeCall, makeConversation } from '../../fixtures';

describe('orderBoard', () => {
  const keys = (cards: ReadonlyArray<{ key: string }>) => cards.map((card) => card.key);

  test('pins a call someone hears and a chat someone besides supervisors sees, from what main sent', () => {
    const layout = orderBoard(
      [
        makeCall({ id: 'heard', audience: 'agent', mode: 'Coach', startedAt: 10 }),
        makeCall({ id: 'silent', audience: 'nobody', startedAt: 20 }),
      ],
      [
        makeConversation({ id: 'coached', mode: 'Coach', myVisibility: 'Agents', startedAt: 5 }),
        makeConversation({ id: 'watched', mode: 'Monitor', myVisibility: 'Supervisors', startedAt: 30 }),
      ],
    );
    assert.deepEqual(keys(layout.pinned), ['conversation:coached', 'call:heard']);
    assert.deepEqual(keys(layout.others), ['conversation:watched', 'call:silent']);
  });

  test('a live card keeps its place at the top while newer chats arrive; the others go newest first', () => {
    const coach = makeCall({ id: 'coach', audience: 'agent', mode: 'Coach', startedAt: 100 });
    const before = orderBoard([coach], [makeConversation({ id: 'a', startedAt: 50 })]);
    const after = orderBoard(
      [coach],
      [1, 2, 3, 4].map((n) => makeConversation({ id: `new-${n}`, startedAt: 100 + n })),
    );
    assert.deepEqual(keys(before.pinned), ['call:coach']);
    assert.deepEqual(keys(after.pinned), ['call:coach']);
    assert.deepEqual(keys(after.others), [
      'conversation:new-4',
      'conversation:new-3',
      'conversation:new-2',
      'conversation:new-1',
    ]);
  });

  test('never understates: a mode switch on its way or a visibility confirmed wider than the mode pins the card', () => {
    const layout = orderBoard(
      [makeCall({ id: 'opening', audience: 'everyone', mode: 'ListenIn', microphone: 'opening' })],
      [
        makeConversation({ id: 'switching', mode: 'BargeIn', myVisibility: 'Supervisors' }),
        makeConversation({ id: 'confirmed', mode: 'Monitor', myVisibility: 'All' }),
        makeConversation({ id: 'unconfirmed', mode: 'Coach', myVisibility: null }),
      ],
    );
    assert.equal(layout.others.length, 0);
    assert.equal(layout.pinned.length, 4);
  });

  test('ended cards unpin and go last, in the order they ended', () => {
    const layout = orderBoard(
      [],
      [
        makeConversation({ id: 'late', mode: 'Coach', ended: true, endedAt: 900, startedAt: 2 }),
        makeConversation({ id: 'early', mode: 'Coach', ended: true, endedAt: 800, startedAt: 3 }),
        makeConversation({ id: 'live', startedAt: 4 }),
      ],
    );
    assert.deepEqual(layout.pinned, []);
    assert.deepEqual(keys(layout.others), ['conversation:live', 'conversation:early', 'conversation:late']);
  });

  test('an empty board has no cards', () => {
    assert.deepEqual(orderBoard([], []), { pinned: [], others: [] });
  });
});

describe('armedMonitors', () => {
  test('says whose next call or chat each monitor waits for, voice first', () => {
    const monitors = armedMonitors(
      {
        agentId: 'a1',
        agentName: 'Ava',
        mode: 'ListenIn',
        scope: 'Agent',
        frequency: 'NextCall',
        status: 'waiting',
      },
      [
        {
          agentId: 'a2',
          agentName: 'Marcus',
          channel: 'chat',
          mode: 'Monitor',
          frequency: 'NextChat',
          nickname: null,
          pending: false,
        },
        {
          agentId: 'a3',
          agentName: 'Lena',
          channel: 'sms',
          mode: 'Coach',
          frequency: 'AllChats',
          nickname: null,
          pending: true,
        },
      ],
    );
    assert.deepEqual(
      monitors.map((monitor) => [monitor.text, monitor.goesLive, monitor.settingUp]),
      [
        ['Listening for Ava’s next call', false, false],
        ['Monitoring next chat of Marcus', false, false],
        ['Coaching in SMS sessions of Lena', true, true],
      ],
    );
  });

  test('a voice monitor being cancelled is not shown; nothing armed shows nothing', () => {
    const cancelling = {
      agentId: 'a1',
      agentName: 'Ava',
      mode: 'BargeIn' as const,
      scope: 'Agent' as const,
      frequency: 'AllCalls' as const,
      status: 'cancelling' as const,
    };
    assert.deepEqual(armedMonitors(cancelling, []), []);
    assert.equal(armedMonitors({ ...cancelling, status: 'on-call' }, [])[0]?.text, 'Barging in on Ava’s calls');
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

describe('boardCountText', () => {
  test('counts what is live, leaving out what there is none of', () => {
    assert.equal(boardCountText({ calls: 0, chats: 0, sms: 0 }), null);
    assert.equal(boardCountText({ calls: 1, chats: 3, sms: 2 }), '1 call · 3 chats · 2 SMS');
    assert.equal(boardCountText({ calls: 0, chats: 1, sms: 0 }), '1 chat');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agentNames,
  conversationStateLabel,
  conversationSwitchOptions,
  describeConversationPending,
  describeEnding,
  describeMessagingSubscription,
  describeSendAudience,
  describeVisibility,
  farewellAudience,
  isModeSwitch,
  isNearBottom,
  isSystemLine,
  lastIndex,
  lineSide,
  lineVisibilityTag,
  monitorMessagingPhrase,
  newMessagesLabel,
  systemLineText,
  typingText,
  unseenCount,
  widestVisibility,
} from '../../../../../../renderer/ui/features/messaging/messaging-model';
import { makeConversation, makeLine, makeMessagingSubscription } from '../../fixtures';

const me = { nickname: 'sreyes', role: 'Supervisor' as const, isMe: true };
const agent = { nickname: 'Alice', role: 'Agent' as const, isMe: false };

describe('describeVisibility', () => {
  test('says who sees the supervisor, in the voice audience’s tones', () => {
    const view = (myVisibility: 'Supervisors' | 'Agents' | 'All') =>
      describeVisibility(makeConversation({ id: 'c1', myVisibility }));
    assert.deepEqual(view('Supervisors'), { tone: 'silent', label: 'Only supervisors see you', detail: null });
    assert.deepEqual(view('Agents'), { tone: 'coach', label: 'The agent sees you', detail: null });
    assert.deepEqual(view('All'), { tone: 'live', label: 'Everyone sees you', detail: null });
  });

  test('reads myVisibility, not the mode: a switch asked for is not yet a switch made', () => {
    const view = describeVisibility(
      makeConversation({
        id: 'c1',
        mode: 'BargeIn',
        myVisibility: 'Supervisors',
        pendingCommand: 'switch-to-barge-in',
      }),
    );
    assert.equal(view.label, 'Only supervisors see you');
    assert.equal(view.detail, 'Barging in…');
  });

  test('until the supervisor is listed, assumes what the mode allows and says it is not confirmed', () => {
    const view = describeVisibility(makeConversation({ id: 'c1', mode: 'Coach', myVisibility: null }));
    assert.equal(view.tone, 'coach');
    assert.equal(view.detail, 'Not confirmed by the contact center yet');
  });

  test('an ended conversation sees nobody’s supervisor', () => {
    const view = describeVisibility(makeConversation({ id: 'c1', ended: true, myVisibility: 'All' }));
    assert.deepEqual(view, { tone: 'silent', label: 'You are no longer in this conversation', detail: null });
  });

  test('sending or leaving is not shown as a change of who sees the supervisor', () => {
    assert.equal(describeVisibility(makeConversation({ id: 'c1', pendingCommand: 'send' })).detail, null);
  });
});

describe('describeSendAudience', () => {
  test('names the audience of what the supervisor writes', () => {
    assert.equal(describeSendAudience(null), null);
    assert.deepEqual(describeSendAudience('Agents'), {
      label: 'To the agent only',
      placeholder: 'Write to the agent — the customer does not see this',
      tone: 'coach',
    });
    assert.deepEqual(describeSendAudience('All'), {
      label: 'To everyone',
      placeholder: 'Write to everyone — the customer sees this too',
      tone: 'live',
    });
  });
});

describe('farewellAudience', () => {
  test('follows the supervisor’s visibility, or the mode until it is known', () => {
    assert.equal(
      farewellAudience({ myVisibility: 'All', mode: 'BargeIn' }),
      'Everyone, the customer included, will see it.',
    );
    assert.equal(
      farewellAudience({ myVisibility: null, mode: 'Coach' }),
      'The agent will see it; the customer will not.',
    );
  });

  test('no farewell where only supervisors would read it', () => {
    assert.equal(farewellAudience({ myVisibility: null, mode: 'Monitor' }), null);
    assert.equal(farewellAudience({ myVisibility: 'Supervisors', mode: 'Coach' }), null);
  });
});

describe('transcript lines', () => {
  test('tag lines the customer could not see', () => {
    assert.equal(lineVisibilityTag('All'), null);
    assert.equal(lineVisibilityTag('Agents'), 'agents only');
    assert.equal(lineVisibilityTag('Supervisors'), 'supervisors only');
  });

  test('joins, leaves and rejoins are system lines, said with who', () => {
    assert.equal(isSystemLine(makeLine(1)), false);
    assert.equal(isSystemLine(makeLine(1, { type: 'PushUrl' })), false);
    assert.equal(isSystemLine(makeLine(1, { type: 'ParticipantJoined' })), true);
    assert.equal(isSystemLine(makeLine(1, { type: 'Notice' })), true);
    assert.equal(systemLineText(makeLine(1, { type: 'ParticipantJoined', text: null, from: me })), 'You joined');
    assert.equal(systemLineText(makeLine(1, { type: 'ParticipantLeft', text: null, from: agent })), 'Alice left');
    assert.equal(
      systemLineText(makeLine(1, { type: 'ParticipantRejoined', text: null, from: null })),
      'Someone rejoined',
    );
    assert.equal(
      systemLineText(makeLine(1, { type: 'Notice', text: 'Chat transferred', from: null })),
      'Chat transferred',
    );
    assert.equal(systemLineText(makeLine(1, { type: 'Notice', text: null, from: null })), 'Notice');
  });

  test('sit on the customer’s side or the contact center’s', () => {
    assert.equal(lineSide(makeLine(1)), 'customer');
    assert.equal(lineSide(makeLine(1, { from: agent })), 'agent');
    assert.equal(lineSide(makeLine(1, { from: me })), 'me');
    assert.equal(
      lineSide(makeLine(1, { from: { nickname: 'Other sup', role: 'Supervisor', isMe: false } })),
      'supervisor',
    );
    assert.equal(lineSide(makeLine(1, { from: null })), 'customer');
  });
});

describe('typingText', () => {
  test('names who is typing', () => {
    assert.equal(typingText([]), null);
    assert.equal(typingText(['Maria']), 'Maria is typing…');
    assert.equal(typingText(['Maria', 'Alice']), 'Maria and Alice are typing…');
    assert.equal(typingText(['Maria', 'Alice', 'Bo', 'Cy']), 'Maria, Alice and 2 more are typing…');
  });
});

describe('conversationSwitchOptions', () => {
  test('offers only switchTargets besides the current mode, in a fixed order', () => {
    const options = conversationSwitchOptions(
      makeConversation({ id: 'c1', mode: 'Coach', switchTargets: ['BargeIn'] }),
    );
    assert.deepEqual(options, [
      { mode: 'Coach', label: 'Coach', current: true },
      { mode: 'BargeIn', label: 'Barge in', current: false },
    ]);
  });

  test('an ended conversation shows only its last mode', () => {
    const options = conversationSwitchOptions(
      makeConversation({ id: 'c1', mode: 'Monitor', ended: true, switchTargets: ['Coach'] }),
    );
    assert.deepEqual(
      options.map((option) => option.mode),
      ['Monitor'],
    );
  });
});

describe('pending commands', () => {
  test('read as words; only mode switches count as switches', () => {
    assert.equal(describeConversationPending(null), null);
    assert.equal(describeConversationPending('send'), 'Sending…');
    assert.equal(describeConversationPending('leave'), 'Leaving…');
    assert.equal(describeConversationPending('switch-to-barge-in'), 'Barging in…');
    assert.equal(describeConversationPending('switch-to-coach'), 'Switching to Coach…');
    assert.equal(describeConversationPending('switch-to-monitor'), 'Switching to Monitor…');
    assert.equal(isModeSwitch('switch-to-barge-in'), true);
    assert.equal(isModeSwitch('send'), false);
    assert.equal(isModeSwitch(null), false);
  });
});

describe('endings', () => {
  test('leaving says “You left” and that it goes on for the others; no GWS jargon', () => {
    assert.deepEqual(describeEnding({ ending: 'you-left' }), {
      label: 'You left',
      detail: 'It goes on for the agent and the customer.',
    });
    assert.equal(describeEnding({ ending: 'ended' }).label, 'Ended');
    assert.match(describeEnding({ ending: 'ended' }).detail, /closed; you are no longer in it/);
    assert.equal(describeEnding({ ending: 'requeued' }).label, 'Back in queue');
    assert.match(describeEnding({ ending: 'requeued' }).detail, /waiting for the next agent/);
    assert.equal(conversationStateLabel({ state: 'live', ended: false, ending: null }), 'Live');
    assert.equal(conversationStateLabel({ state: 'invited', ended: false, ending: null }), 'Invited');
    assert.equal(conversationStateLabel({ state: 'accepted', ended: false, ending: null }), 'Accepted');
    assert.equal(conversationStateLabel({ state: 'live', ended: true, ending: 'you-left' }), 'You left');
    assert.equal(conversationStateLabel({ state: 'live', ended: true, ending: 'requeued' }), 'Back in queue');
    assert.equal(conversationStateLabel({ state: 'live', ended: true, ending: 'ended' }), 'Ended');
  });
});

describe('names', () => {
  test('agents in the conversation, else the agent main named', () => {
    const participants = [
      { participantId: '1', nickname: 'Alice', role: 'Agent' as const, visibility: 'All' as const, isMe: false },
      { participantId: '2', nickname: 'Bo', role: 'Agent' as const, visibility: 'All' as const, isMe: false },
      {
        participantId: '3',
        nickname: 'sreyes',
        role: 'Supervisor' as const,
        visibility: 'Supervisors' as const,
        isMe: true,
      },
    ];
    assert.equal(agentNames({ participants, agentName: 'Alice Archer' }), 'Alice, Bo');
    assert.equal(agentNames({ participants: [], agentName: 'Alice Archer' }), 'Alice Archer');
    assert.equal(agentNames({ participants: [], agentName: null }), 'Unknown agent');
  });

  test('monitor phrases name the agent and the channel', () => {
    assert.equal(monitorMessagingPhrase('Monitor', 'chat', 'Alice'), 'Monitor Alice’s chats');
    assert.equal(monitorMessagingPhrase('BargeIn', 'sms', 'Alice'), 'Barge in on Alice’s SMS sessions');
  });
});

describe('describeMessagingSubscription', () => {
  test('says the mode, which ones, the nickname, and when it is being updated', () => {
    const settled = describeMessagingSubscription(makeMessagingSubscription({ nickname: 'Lead' }));
    assert.deepEqual(settled, {
      modeLabel: 'Monitoring',
      status: 'all chats',
      description: 'Monitoring Alice Archer’s chats: all chats, as “Lead”.',
    });
    const pending = describeMessagingSubscription(
      makeMessagingSubscription({ channel: 'sms', mode: 'Coach', frequency: 'NextChat', pending: true }),
    );
    assert.equal(pending.status, 'Updating…');
    assert.equal(pending.description, 'Coaching Alice Archer’s SMS sessions: next one only. Updating…');
  });
});

describe('new messages counter', () => {
  const lines = [
    makeLine(1),
    makeLine(2),
    makeLine(3, { from: me }),
    makeLine(4),
    makeLine(5, { type: 'ParticipantLeft' }),
  ];

  test('counts lines past the last one seen, not the supervisor’s own', () => {
    assert.equal(unseenCount(lines, 5), 0);
    assert.equal(unseenCount(lines, 2), 2);
    assert.equal(unseenCount(lines, 0), 4);
    assert.equal(unseenCount([], 0), 0);
  });

  test('lines read into a gap below the last seen index are not new', () => {
    const withGapFilled = [makeLine(1), makeLine(2), makeLine(3), makeLine(6), makeLine(7)];
    assert.equal(unseenCount(withGapFilled, 6), 1);
    assert.equal(lastIndex(withGapFilled), 7);
    assert.equal(lastIndex([]), 0);
  });

  test('labels one and many', () => {
    assert.equal(newMessagesLabel(1), '1 new message');
    assert.equal(newMessagesLabel(3), '3 new messages');
  });

  test('at the end is within a little slack of the bottom', () => {
    assert.equal(isNearBottom({ scrollTop: 780, scrollHeight: 1000, clientHeight: 220 }), true);
    assert.equal(isNearBottom({ scrollTop: 760, scrollHeight: 1000, clientHeight: 220 }), true);
    assert.equal(isNearBottom({ scrollTop: 700, scrollHeight: 1000, clientHeight: 220 }), false);
    assert.equal(isNearBottom({ scrollTop: 0, scrollHeight: 100, clientHeight: 220 }), true);
  });
});

describe('widestVisibility', () => {
  test('the widest audience over live conversations; unconfirmed ones count by their mode', () => {
    assert.equal(widestVisibility([]), null);
    assert.equal(
      widestVisibility([
        makeConversation({ id: 'a', myVisibility: 'Supervisors' }),
        makeConversation({ id: 'b', myVisibility: 'Agents' }),
      ]),
      'Agents',
    );
    assert.equal(
      widestVisibility([
        makeConversation({ id: 'a', myVisibility: 'Supervisors' }),
        makeConversation({ id: 'b', myVisibility: null, mode: 'BargeIn' }),
      ]),
      'All',
    );
    assert.equal(widestVisibility([makeConversation({ id: 'a', myVisibility: 'All', ended: true })]), null);
  });
});

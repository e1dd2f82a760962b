import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Agent } from '../../../../../electron/common/models/agent';
import {
  deriveAgent,
  seenWithinMs,
  teamGroups,
  type AgentFacts,
} from '../../../../../electron/main/contact-center/agent-derivation';
import type { ContactReading, ConversationsReading } from '../../../../../electron/main/contact-center/agent-mapping';

const ready = { kind: 'Ready', label: 'Ready', reason: null } as const;
const idle = { call: false, chat: false, sms: false } as const;

function contact(overrides: Partial<ContactReading> = {}): ContactReading {
  return {
    id: 'a1',
    userName: 'ava',
    displayName: 'Ava Vasquez',
    extension: '5001',
    groups: ['Billing'],
    state: ready,
    busy: idle,
    ...overrides,
  };
}

function facts(
  reading: ContactReading,
  readAt: number,
  conversations: ConversationsReading | null = null,
  conversationsReadAt: number | null = null,
): AgentFacts {
  return { contact: reading, contactReadAt: readAt, conversations, conversationsReadAt };
}

/** Reads the same agent again and again, as the roster does, each read `stepMs` after the last. */
function reads(steps: ReadonlyArray<{ at: number; facts: AgentFacts }>): Agent[] {
  const seen: Agent[] = [];
  let previousReadAt: number | null = null;
  for (const step of steps) {
    seen.push(deriveAgent(seen.at(-1), step.facts, { readAt: step.at, previousReadAt, selfId: 'sup' }));
    previousReadAt = step.at;
  }
  return seen;
}

describe('the team view’s facts, derived once in main', () => {
  test('first sight: the state has lasted at least since now; GWS gives no time for it', () => {
    const [agent] = reads([{ at: 10_000, facts: facts(contact(), 10_000) }]);
    assert.deepEqual(agent?.status, { kind: 'Ready', since: { at: 10_000, basis: 'at-least' } });
    assert.deepEqual(agent?.activity, { onCall: false, chats: 0, smsSessions: 0 });
    assert.deepEqual(agent?.interactions, []);
    assert.deepEqual(agent?.groups, ['Billing']);
    assert.equal(agent?.isSelf, false);
  });

  test('an agent on a call is Busy, not Ready, and the call counts from when Earshot saw it begin', () => {
    const [, onCall, stillOnCall, free] = reads([
      { at: 0, facts: facts(contact(), 0) },
      { at: 2_000, facts: facts(contact({ busy: { ...idle, call: true } }), 2_000) },
      { at: 9_000, facts: facts(contact({ busy: { ...idle, call: true } }), 9_000) },
      { at: 11_000, facts: facts(contact(), 11_000) },
    ]);
    assert.equal(onCall?.state.kind, 'Ready', 'the state the agent set is kept as GWS says it');
    assert.deepEqual(onCall?.status, { kind: 'Busy', since: { at: 2_000, basis: 'seen' } });
    assert.deepEqual(onCall?.activity, { onCall: true, chats: 0, smsSessions: 0 });
    assert.deepEqual(onCall?.interactions, [{ kind: 'call', id: null, since: { at: 2_000, basis: 'seen' } }]);
    assert.deepEqual(stillOnCall?.interactions, onCall?.interactions, 'the call keeps its start');
    assert.deepEqual(stillOnCall?.status, onCall?.status);
    assert.deepEqual(free?.status, { kind: 'Ready', since: { at: 11_000, basis: 'seen' } }, 'free again: Ready anew');
  });

  test('a call already going at first sight lasts "at least"; so does a change between reads far apart', () => {
    const [first, later] = reads([
      { at: 0, facts: facts(contact({ busy: { ...idle, call: true } }), 0) },
      {
        at: seenWithinMs + 1,
        facts: facts(contact({ state: { kind: 'NotReady', label: 'Not Ready', reason: 'Lunch' } }), seenWithinMs + 1),
      },
    ]);
    assert.deepEqual(first?.interactions[0]?.since, { at: 0, basis: 'at-least' });
    assert.deepEqual(later?.status, { kind: 'NotReady', since: { at: seenWithinMs + 1, basis: 'at-least' } });
  });

  test('Not Ready, After Call Work and even Unknown with chats or SMS are Busy; logged out never is', () => {
    for (const state of [
      { kind: 'NotReady', label: 'Not Ready', reason: 'Break' },
      { kind: 'AfterCallWork', label: 'After Call Work', reason: null },
      { kind: 'Unknown', label: 'Wrap', reason: null },
    ] as const) {
      const [agent] = reads([{ at: 0, facts: facts(contact({ state, busy: { ...idle, sms: true } }), 0) }]);
      assert.equal(agent?.status.kind, 'Busy', state.kind);
      assert.equal(agent?.state.kind, state.kind);
    }
    const [gone] = reads([
      { at: 0, facts: facts(contact({ state: { kind: 'LoggedOut', label: 'Logged Out', reason: null } }), 0) },
    ]);
    assert.equal(gone?.status.kind, 'LoggedOut');
  });

  test('voice monitoring: a call in progress for Barge in, the next call otherwise, nothing for a logged-out agent', () => {
    const loggedOut = { kind: 'LoggedOut', label: 'Logged Out', reason: null } as const;
    const notReady = { kind: 'NotReady', label: 'Not Ready', reason: 'Break' } as const;
    const derive = (reading: ContactReading) => reads([{ at: 0, facts: facts(reading, 0) }])[0]?.voiceMonitoring;
    assert.equal(derive(contact()), 'next-call');
    assert.equal(derive(contact({ state: notReady })), 'next-call', 'Not Ready still takes calls later');
    assert.equal(derive(contact({ busy: { ...idle, chat: true } })), 'next-call', 'a chat is not a call');
    assert.equal(derive(contact({ busy: { ...idle, call: true } })), 'call-in-progress');
    assert.equal(derive(contact({ state: loggedOut })), 'logged-out');
    assert.equal(
      derive(contact({ state: loggedOut, busy: { ...idle, call: true } })),
      'logged-out',
      'a call GWS still lists for a logged-out agent offers nothing either: the status says logged out',
    );
  });

  test('a new Not Ready reason is a new status; the same one keeps its time', () => {
    const breakState = { kind: 'NotReady', label: 'Not Ready', reason: 'Break' } as const;
    const [, onBreak, still, lunch] = reads([
      { at: 0, facts: facts(contact(), 0) },
      { at: 1_000, facts: facts(contact({ state: breakState }), 1_000) },
      { at: 2_000, facts: facts(contact({ state: breakState }), 2_000) },
      { at: 3_000, facts: facts(contact({ state: { ...breakState, reason: 'Lunch' } }), 3_000) },
    ]);
    assert.equal(onBreak?.status.since.at, 1_000);
    assert.equal(still?.status.since.at, 1_000);
    assert.deepEqual(lunch?.status, { kind: 'NotReady', since: { at: 3_000, basis: 'seen' } });
  });

  test('chats and SMS from the user resource: counted, each with the start GWS reports, oldest first', () => {
    const listed: ConversationsReading = {
      chats: [
        { id: 'c2', receivedAt: 5_000 },
        { id: 'c1', receivedAt: 1_000 },
      ],
      sms: [{ id: 's1', receivedAt: 3_000 }],
    };
    const [agent] = reads([
      { at: 8_000, facts: facts(contact({ busy: { call: true, chat: true, sms: true } }), 8_000, listed, 8_000) },
    ]);
    assert.deepEqual(agent?.activity, { onCall: true, chats: 2, smsSessions: 1 });
    assert.deepEqual(
      agent?.interactions.map((item) => [item.kind, item.id, item.since.at, item.since.basis]),
      [
        ['chat', 'c1', 1_000, 'reported'],
        ['sms', 's1', 3_000, 'reported'],
        ['chat', 'c2', 5_000, 'reported'],
        ['call', null, 8_000, 'at-least'],
      ],
    );
  });

  test('busy on chat before its list is read: one chat of unknown id; the list then keeps its start', () => {
    const busyChat = contact({ busy: { ...idle, chat: true } });
    const [, waiting, listed] = reads([
      { at: 0, facts: facts(contact(), 0) },
      { at: 1_000, facts: facts(busyChat, 1_000) },
      { at: 2_000, facts: facts(busyChat, 1_000, { chats: [{ id: 'c1', receivedAt: null }], sms: [] }, 2_000) },
    ]);
    assert.deepEqual(waiting?.interactions, [{ kind: 'chat', id: null, since: { at: 1_000, basis: 'seen' } }]);
    assert.deepEqual(listed?.interactions, [{ kind: 'chat', id: 'c1', since: { at: 1_000, basis: 'seen' } }]);
  });

  test('a newer contact that says idle outranks an older list; a newer list outranks an older contact', () => {
    const list: ConversationsReading = { chats: [{ id: 'c1', receivedAt: 100 }], sms: [] };
    const [afterContact] = reads([{ at: 5_000, facts: facts(contact(), 5_000, list, 4_000) }]);
    assert.deepEqual(afterContact?.interactions, []);
    assert.equal(afterContact?.status.kind, 'Ready');
    const [afterList] = reads([{ at: 5_000, facts: facts(contact(), 4_000, list, 5_000) }]);
    assert.equal(afterList?.activity.chats, 1);
    assert.equal(afterList?.status.kind, 'Busy');
    const stillBusy = contact({ busy: { ...idle, chat: true } });
    const [olderListBusy] = reads([{ at: 5_000, facts: facts(stillBusy, 5_000, list, 4_000) }]);
    assert.deepEqual(olderListBusy?.interactions, [{ kind: 'chat', id: 'c1', since: { at: 100, basis: 'reported' } }]);
  });

  test('the signed-in supervisor’s own entry is marked; team groups are listed once, sorted', () => {
    const [self] = reads([{ at: 0, facts: facts(contact({ id: 'sup' }), 0) }]);
    assert.equal(self?.isSelf, true);
    const [other] = reads([{ at: 0, facts: facts(contact({ id: 'b', groups: ['Sales', 'Billing'] }), 0) }]);
    assert.deepEqual(teamGroups([self!, other!]), ['Billing', 'Sales']);
  });
});

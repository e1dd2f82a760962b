import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AppState } from '../../../../../electron/common/models/app-state';
import type { HistoryItem } from '../../../../../electron/common/models/history';
import { stateChangesFrameSchema } from '../../../../../electron/common/models/state-changes';
import {
  initialAppState,
  withConnection,
  withTeamAgents,
  withTeamLoad,
} from '../../../../../electron/main/state/app-state-reducers';
import { diffState } from '../../../../../electron/main/state/state-changes';
import { applyChanges } from '../../../../../renderer/ui/store/state-changes';
import { makeAgent } from '../../../../fixtures/agents';
import { makeCall, makeConversation, makeVoiceState } from '../../../renderer/ui/fixtures';

/** What the window holds after main's changes, as they arrive: through JSON and the contract. */
function roundTrip(previous: AppState, next: AppState): AppState {
  const changes = diffState(previous, next);
  if (changes === null) return previous;
  const frame = stateChangesFrameSchema.parse(JSON.parse(JSON.stringify({ seq: 1, changes })));
  const applied = applyChanges(structuredClone(previous), frame.changes);
  assert.ok(applied, 'the changes apply');
  return applied;
}

const team = Array.from({ length: 2000 }, (_, index) => makeAgent({ id: `a${index}`, since: index }));
const loaded = withTeamAgents(initialAppState(0), { agents: team, groups: ['Sales'] }, 1);

describe('state changes between main and a window', () => {
  test('nothing changed, no changes', () => {
    assert.equal(diffState(loaded, loaded), null);
    assert.equal(
      diffState(loaded, withTeamAgents(loaded, { agents: [structuredClone(team[5]!)], groups: ['Sales'] }, 2)),
      null,
    );
  });

  test('one agent of 2,000 changes: the change carries that agent’s changed fields only', () => {
    const busy = makeAgent({ ...team[1234]!, status: 'Busy', activity: { onCall: true, chats: 0, smsSessions: 0 } });
    const next = withTeamAgents(loaded, { agents: [busy], groups: ['Sales'] }, 2);
    const changes = diffState(loaded, next);
    assert.deepEqual(changes?.team?.agents?.upsert, [{ id: busy.id, activity: busy.activity, status: busy.status }]);
    assert.deepEqual(changes?.team?.agents?.remove, []);
    assert.equal(changes?.team?.agents?.order, null);
    assert.equal(changes?.team?.refreshedAt, 2);
    assert.equal(changes?.voice, undefined, 'slices that did not change are not sent');
    assert.ok(JSON.stringify(changes).length < 400, 'a few hundred bytes, not the whole team');
    assert.deepEqual(roundTrip(loaded, next), next);
  });

  test('agents who join go last and leavers go; any other order is sent whole', () => {
    const joiner = makeAgent({ id: 'new-1' });
    const next = withTeamAgents(loaded, { agents: [joiner], removed: ['a0', 'a7'], groups: ['Sales'] }, 3);
    const changes = diffState(loaded, next);
    assert.deepEqual(changes?.team?.agents?.remove, ['a0', 'a7']);
    assert.equal(changes?.team?.agents?.order, null);
    assert.deepEqual(roundTrip(loaded, next), next);

    const reversed: AppState = { ...loaded, team: { ...loaded.team, agents: [...loaded.team.agents].reverse() } };
    const reordered = diffState(loaded, reversed);
    assert.equal(reordered?.team?.agents?.order?.[0], 'a1999');
    assert.deepEqual(reordered?.team?.agents?.upsert, []);
    assert.deepEqual(roundTrip(loaded, reversed), reversed);
  });

  test('a call’s statistics touch its audio only; a typing notice its conversation’s typing only', () => {
    const call = makeCall({ id: 'call-1' });
    const withCall: AppState = { ...loaded, voice: makeVoiceState({ calls: [call] }) };
    const stats: AppState = {
      ...withCall,
      voice: { ...withCall.voice, calls: [{ ...call, audio: { ...call.audio, level: 0.4 } }] },
    };
    assert.deepEqual(diffState(withCall, stats), {
      voice: { calls: { upsert: [{ id: 'call-1', audio: { ...call.audio, level: 0.4 } }], remove: [], order: null } },
    });
    assert.deepEqual(roundTrip(withCall, stats), stats);

    const conversation = makeConversation({ id: 'chat-1' });
    const chatting: AppState = { ...loaded, messaging: { ...loaded.messaging, conversations: [conversation] } };
    const typing: AppState = {
      ...chatting,
      messaging: { ...chatting.messaging, conversations: [{ ...conversation, typing: ['Dana'] }] },
    };
    assert.deepEqual(diffState(chatting, typing), {
      messaging: { conversations: { upsert: [{ id: 'chat-1', typing: ['Dana'] }], remove: [], order: null } },
    });
    assert.deepEqual(roundTrip(chatting, typing), typing);
  });

  test('a new history item is prepended by id, the order sent since it goes first; an item that did not change stays home', () => {
    const item = (id: string, endedAt: number): HistoryItem => ({
      id: `chat:${id}`,
      interactionId: id,
      channel: 'chat',
      agentName: 'Ava',
      otherParty: 'Robin',
      startedAt: 0,
      endedAt,
      lengthMs: endedAt,
      ending: 'you-left',
      endingDetail: null,
      transferredTo: null,
      youDid: [{ activity: 'monitored', ms: endedAt }],
      transcript: 'readable',
    });
    const older = item('c1', 1_000);
    const before: AppState = { ...loaded, history: { loading: false, items: [older] } };
    const after: AppState = { ...before, history: { loading: false, items: [item('c2', 2_000), older] } };
    const changes = diffState(before, after);
    assert.deepEqual(changes?.history?.items?.upsert, [item('c2', 2_000)]);
    assert.deepEqual(changes?.history?.items?.order, ['chat:c2', 'chat:c1']);
    assert.equal(changes?.history?.loading, undefined);
    assert.deepEqual(roundTrip(before, after), after);

    const notKept: AppState = {
      ...after,
      history: { loading: false, items: after.history.items.map((entry) => ({ ...entry, transcript: 'not-kept' })) },
    };
    assert.deepEqual(diffState(after, notKept)?.history?.items?.upsert, [
      { id: 'chat:c2', transcript: 'not-kept' },
      { id: 'chat:c1', transcript: 'not-kept' },
    ]);
    assert.deepEqual(roundTrip(after, notKept), notKept);
  });

  test('plain parts of the state are replaced whole', () => {
    const next = withTeamLoad(withConnection(loaded, 'reconnecting', 'gone', 9), {
      status: 'incomplete',
      received: 1990,
      expected: 2000,
    });
    const changes = diffState(loaded, next);
    assert.deepEqual(Object.keys(changes ?? {}).sort(), ['connection', 'team']);
    assert.deepEqual(changes?.team?.load, { status: 'incomplete', received: 1990, expected: 2000 });
    assert.deepEqual(roundTrip(loaded, next), next);
  });

  test('changes that name an agent the window does not have, or an incomplete newcomer, do not apply', () => {
    assert.equal(
      applyChanges(loaded, { team: { agents: { upsert: [], remove: [], order: ['a1', 'missing'] } } }),
      null,
    );
    assert.equal(
      applyChanges(loaded, {
        team: { agents: { upsert: [{ id: 'half', displayName: 'Half' }], remove: [], order: null } },
      }),
      null,
    );
  });
});

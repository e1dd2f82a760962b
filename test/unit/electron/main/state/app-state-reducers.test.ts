import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  initialAppState,
  signedIn,
  signedOut,
  withConnection,
  withTeamError,
  withTeamRefresh,
  type AgentSnapshot,
} from '../../../../../electron/main/state/app-state-reducers';

const ada: AgentSnapshot = {
  id: 'a1',
  userName: 'ada',
  displayName: 'Ada Lovelace',
  extension: '5001',
  state: { kind: 'Ready', label: 'Ready', reason: null },
  activity: { onCall: false, chats: 0, smsSessions: 0 },
};
const session = {
  supervisor: { id: 's', userName: 'sup', displayName: 'Sam' },
  server: { baseUrl: 'http://x', isDemo: true },
};

describe('app state transitions', () => {
  test('time in state survives refreshes until the state or reason changes', () => {
    let state = withTeamRefresh(initialAppState(0), [ada], 1_000);
    assert.equal(state.team.agents[0]?.stateSince, 1_000);
    state = withTeamRefresh(state, [{ ...ada, activity: { onCall: true, chats: 0, smsSessions: 0 } }], 2_000);
    assert.equal(state.team.agents[0]?.stateSince, 1_000);
    state = withTeamRefresh(
      state,
      [{ ...ada, state: { kind: 'NotReady', label: 'Not Ready', reason: 'Break' } }],
      3_000,
    );
    assert.equal(state.team.agents[0]?.stateSince, 3_000);
    state = withTeamRefresh(
      state,
      [{ ...ada, state: { kind: 'NotReady', label: 'Not Ready', reason: 'Lunch' } }],
      4_000,
    );
    assert.equal(state.team.agents[0]?.stateSince, 4_000);
  });

  test('an identical refresh returns the same state object, so nothing is broadcast', () => {
    const state = withTeamRefresh(initialAppState(0), [ada], 1_000);
    assert.equal(withTeamRefresh(state, [{ ...ada }], 2_000), state);
  });

  test('a team error keeps the last known agents, and the next refresh clears it', () => {
    let state = withTeamRefresh(initialAppState(0), [ada], 1_000);
    state = withTeamError(state, { code: 'unreachable', message: 'gone' });
    assert.equal(state.team.agents.length, 1);
    assert.equal(state.team.error?.message, 'gone');
    state = withTeamRefresh(state, [ada], 2_000);
    assert.equal(state.team.error, null);
  });

  test('connection since changes only when the status does', () => {
    let state = withConnection(initialAppState(0), 'reconnecting', 'a', 5);
    state = withConnection(state, 'reconnecting', 'b', 9);
    assert.equal(state.connection.since, 5);
    assert.equal(state.connection.message, 'b');
  });

  test('signing out clears the session and team and keeps the reason', () => {
    let state = signedIn(withTeamRefresh(initialAppState(0), [ada], 1), session, 2);
    assert.equal(state.connection.status, 'connected');
    state = signedOut(state, { code: 'session-expired', message: 'again' }, 3);
    assert.equal(state.session, null);
    assert.equal(state.team.agents.length, 0);
    assert.equal(state.connection.status, 'signed-out');
    assert.equal(state.signInError?.code, 'session-expired');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  initialAppState,
  signedIn,
  signedOut,
  withConnection,
  withTeamAgents,
  withTeamError,
  withTeamLoad,
} from '../../../../../electron/main/state/app-state-reducers';
import { makeAgent } from '../../../../fixtures/agents';

const ada = makeAgent({ id: 'a1', userName: 'ada', displayName: 'Ada Lovelace', extension: '5001' });
const bob = makeAgent({ id: 'b1', userName: 'bob', displayName: 'Bob Babbage', groups: ['Sales'] });
const session = {
  supervisor: { id: 's', userName: 'sup', displayName: 'Sam' },
  server: { baseUrl: 'http://x', isDemo: true },
};

describe('app state transitions', () => {
  test('agents replace those with their id, new ones join at the end, removed ones go', () => {
    let state = withTeamAgents(initialAppState(0), { agents: [ada, bob], groups: ['Sales'] }, 1_000);
    assert.deepEqual(
      state.team.agents.map((agent) => agent.id),
      ['a1', 'b1'],
    );
    assert.deepEqual(state.team.groups, ['Sales']);
    assert.equal(state.team.refreshedAt, 1_000);
    const busyAda = makeAgent({ ...ada, status: 'Busy' });
    const cyd = makeAgent({ id: 'c1' });
    state = withTeamAgents(state, { agents: [cyd, busyAda], groups: ['Sales'] }, 2_000);
    assert.deepEqual(
      state.team.agents.map((agent) => [agent.id, agent.status.kind]),
      [
        ['a1', 'Busy'],
        ['b1', 'Ready'],
        ['c1', 'Ready'],
      ],
    );
    const before = state.team.agents[1];
    state = withTeamAgents(state, { agents: [], removed: ['a1'], groups: [] }, 3_000);
    assert.deepEqual(
      state.team.agents.map((agent) => agent.id),
      ['b1', 'c1'],
    );
    assert.equal(state.team.agents[0], before, 'an untouched agent keeps its object');
    assert.deepEqual(state.team.groups, []);
  });

  test('a refresh that changes nothing returns the same state object, so nothing is broadcast', () => {
    const state = withTeamAgents(initialAppState(0), { agents: [ada], groups: [] }, 1_000);
    assert.equal(withTeamAgents(state, { agents: [structuredClone(ada)], groups: [] }, 2_000), state);
    assert.equal(withTeamAgents(state, { agents: [], removed: ['nobody'], groups: [] }, 2_000), state);
  });

  test('load progress is kept until it changes', () => {
    let state = withTeamLoad(initialAppState(0), { status: 'loading', received: 100, expected: 500 });
    assert.deepEqual(state.team.load, { status: 'loading', received: 100, expected: 500 });
    assert.equal(withTeamLoad(state, { status: 'loading', received: 100, expected: 500 }), state);
    state = withTeamLoad(state, { status: 'incomplete', received: 485, expected: 500 });
    assert.equal(state.team.load.status, 'incomplete');
  });

  test('a team error keeps the last known agents, and the next refresh clears it', () => {
    let state = withTeamAgents(initialAppState(0), { agents: [ada], groups: [] }, 1_000);
    state = withTeamError(state, { code: 'unreachable', message: 'gone' });
    assert.equal(state.team.agents.length, 1);
    assert.equal(state.team.error?.message, 'gone');
    state = withTeamAgents(state, { agents: [ada], groups: [] }, 2_000);
    assert.equal(state.team.error, null);
  });

  test('connection since changes only when the status does', () => {
    let state = withConnection(initialAppState(0), 'reconnecting', 'a', 5);
    state = withConnection(state, 'reconnecting', 'b', 9);
    assert.equal(state.connection.since, 5);
    assert.equal(state.connection.message, 'b');
  });

  test('signing out clears the session and team and keeps the reason', () => {
    let state = signedIn(withTeamAgents(initialAppState(0), { agents: [ada], groups: [] }, 1), session, 2);
    assert.equal(state.connection.status, 'connected');
    state = signedOut(state, { code: 'session-expired', message: 'again' }, 3);
    assert.equal(state.session, null);
    assert.equal(state.team.agents.length, 0);
    assert.equal(state.team.load.status, 'loading');
    assert.equal(state.connection.status, 'signed-out');
    assert.equal(state.signInError?.code, 'session-expired');
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AppState } from '../../../../../electron/common/models/app-state';
import {
  initialAppState,
  withConnection,
  withTeamAgents,
  withTeamLoad,
} from '../../../../../electron/main/state/app-state-reducers';
import { diffState } from '../../../../../electron/main/state/state-patch';
import { applyStatePatch } from '../../../../../renderer/ui/store/state-patch';
import { makeAgent } from '../../../../fixtures/agents';

/** What the window holds after main's patch, as it arrives: through JSON. */
function roundTrip(previous: AppState, next: AppState): AppState {
  const patch = diffState(previous, next);
  if (patch === null) return previous;
  const applied = applyStatePatch(structuredClone(previous), JSON.parse(JSON.stringify(patch)));
  assert.ok(applied, 'the patch applies');
  return applied;
}

const team = Array.from({ length: 2000 }, (_, index) => makeAgent({ id: `a${index}`, since: index }));
const loaded = withTeamAgents(initialAppState(0), { agents: team, groups: ['Sales'] }, 1);

describe('state patches between main and a window', () => {
  test('nothing changed, no patch', () => {
    assert.equal(diffState(loaded, loaded), null);
    assert.equal(
      diffState(loaded, withTeamAgents(loaded, { agents: [structuredClone(team[5]!)], groups: ['Sales'] }, 2)),
      null,
    );
  });

  test('one agent of 2,000 changes: the patch carries that agent only, and the window ends up equal', () => {
    const busy = makeAgent({ ...team[1234]!, status: 'Busy', activity: { onCall: true, chats: 0, smsSessions: 0 } });
    const next = withTeamAgents(loaded, { agents: [busy], groups: ['Sales'] }, 2);
    const patch = diffState(loaded, next);
    assert.deepEqual(patch?.team?.upsert, [busy]);
    assert.deepEqual(patch?.team?.remove, []);
    assert.equal(patch?.team?.order, null);
    assert.equal(patch?.team?.refreshedAt, 2);
    assert.equal(patch?.voice, undefined, 'parts that did not change are not sent');
    assert.ok(JSON.stringify(patch).length < 2_000, 'a few hundred bytes, not the whole team');
    assert.deepEqual(roundTrip(loaded, next), next);
  });

  test('agents who join go last and leavers go; the window keeps main’s order', () => {
    const joiner = makeAgent({ id: 'new-1' });
    const next = withTeamAgents(loaded, { agents: [joiner], removed: ['a0', 'a7'], groups: ['Sales'] }, 3);
    const patch = diffState(loaded, next);
    assert.deepEqual(patch?.team?.remove, ['a0', 'a7']);
    assert.equal(patch?.team?.order, null);
    assert.deepEqual(roundTrip(loaded, next), next);
  });

  test('any other order is sent whole', () => {
    const reversed: AppState = { ...loaded, team: { ...loaded.team, agents: [...loaded.team.agents].reverse() } };
    const patch = diffState(loaded, reversed);
    assert.equal(patch?.team?.order?.[0], 'a1999');
    assert.deepEqual(patch?.team?.upsert, []);
    assert.deepEqual(roundTrip(loaded, reversed), reversed);
  });

  test('other parts of the state are replaced whole, the team’s load too', () => {
    const next = withTeamLoad(withConnection(loaded, 'reconnecting', 'gone', 9), {
      status: 'incomplete',
      received: 1990,
      expected: 2000,
    });
    const patch = diffState(loaded, next);
    assert.deepEqual(Object.keys(patch ?? {}).sort(), ['connection', 'team']);
    assert.deepEqual(patch?.team?.load, { status: 'incomplete', received: 1990, expected: 2000 });
    assert.deepEqual(roundTrip(loaded, next), next);
  });

  test('a patch that names an agent the window does not have does not apply', () => {
    const patch = { team: { upsert: [], remove: [], order: ['a1', 'missing'] } };
    assert.equal(applyStatePatch(loaded, patch), null);
  });
});

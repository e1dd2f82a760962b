import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countByStateFilter,
  inStateFilter,
  matchingAgents,
  moveSelection,
  sortAgents,
} from '../../../../../../renderer/ui/features/team/team-model';
import type { Agent } from '../../../../../../electron/common/models/agent';
import type { SortOrder, StateFilter } from '../../../../../../renderer/ui/store/team-view-options';
import { makeAgent } from '../../fixtures';

const alice = makeAgent({
  id: 'a1',
  displayName: 'Alice Archer',
  userName: 'aarcher',
  extension: '5010',
  kind: 'Ready',
  since: 1_000,
  groups: ['Billing'],
});
const bob = makeAgent({
  id: 'b2',
  displayName: 'bob Baker',
  userName: 'bbaker',
  extension: '5002',
  kind: 'NotReady',
  reason: 'Lunch',
  since: 3_000,
});
const carol = makeAgent({
  id: 'c3',
  displayName: 'Carol Cruz',
  userName: 'ccruz',
  extension: null,
  kind: 'AfterCallWork',
  status: 'Busy',
  since: 2_000,
  activity: { onCall: true, chats: 0, smsSessions: 0 },
  groups: ['Sales'],
});
const dave = makeAgent({
  id: 'd4',
  displayName: 'Dave Diaz',
  userName: 'ddiaz',
  extension: '5100',
  kind: 'LoggedOut',
  since: 500,
  activity: { onCall: false, chats: 2, smsSessions: 1 },
  groups: ['Billing', 'Sales'],
});
const eve = makeAgent({
  id: 'e5',
  displayName: 'Eve Evans',
  userName: 'eevans',
  extension: '5003',
  kind: 'Unknown',
  since: 4_000,
});
const team = [dave, carol, alice, eve, bob];

const ids = (agents: ReadonlyArray<{ id: string }>) => agents.map((agent) => agent.id);

/** The rows the team view shows, staged as it stages them. */
function visibleAgents(
  agents: ReadonlyArray<Agent>,
  options: { filterText: string; stateFilter: StateFilter; groupFilter?: string | null; sort: SortOrder },
): ReadonlyArray<Agent> {
  return inStateFilter(
    matchingAgents(sortAgents(agents, options.sort), options.filterText, options.groupFilter),
    options.stateFilter,
  );
}

describe('matchingAgents', () => {
  test('matches display name, user name and extension, ignoring case and surrounding spaces', () => {
    assert.deepEqual(ids(matchingAgents([alice], 'ARCH', null)), ['a1']);
    assert.deepEqual(ids(matchingAgents([alice], 'aarcher', null)), ['a1']);
    assert.deepEqual(ids(matchingAgents([alice], ' 501 ', null)), ['a1']);
    assert.deepEqual(ids(matchingAgents([alice], 'baker', null)), []);
  });

  test('an empty or blank filter matches everyone, including agents without an extension', () => {
    assert.deepEqual(ids(matchingAgents([carol], '', null)), ['c3']);
    assert.deepEqual(ids(matchingAgents([carol], '   ', null)), ['c3']);
  });

  test('keeps the order it is given', () => {
    assert.deepEqual(ids(matchingAgents([dave, carol, alice, eve, bob], '50', null)), ['a1', 'e5', 'b2']);
  });
});

describe('countByStateFilter', () => {
  test('counts each status once and everyone under All; a busy agent is not Ready; Unknown only under All', () => {
    assert.deepEqual(countByStateFilter(team), {
      all: 5,
      Ready: 1,
      Busy: 1,
      NotReady: 1,
      AfterCallWork: 0,
      LoggedOut: 1,
    });
    const onCall = makeAgent({ id: 'x', kind: 'Ready', status: 'Busy' });
    assert.equal(countByStateFilter([onCall]).Ready, 0, 'Ready in GWS but on a call: not counted Ready');
    assert.deepEqual(countByStateFilter([]), {
      all: 0,
      Ready: 0,
      Busy: 0,
      NotReady: 0,
      AfterCallWork: 0,
      LoggedOut: 0,
    });
  });
});

describe('sortAgents', () => {
  test('sorts names case-insensitively, both ways', () => {
    assert.deepEqual(ids(sortAgents(team, { column: 'name', direction: 'ascending' })), ['a1', 'b2', 'c3', 'd4', 'e5']);
    assert.deepEqual(ids(sortAgents(team, { column: 'name', direction: 'descending' })), [
      'e5',
      'd4',
      'c3',
      'b2',
      'a1',
    ]);
  });

  test('sorts extensions numerically and keeps agents without one last in either direction', () => {
    assert.deepEqual(ids(sortAgents(team, { column: 'extension', direction: 'ascending' })), [
      'b2',
      'e5',
      'a1',
      'd4',
      'c3',
    ]);
    assert.deepEqual(ids(sortAgents(team, { column: 'extension', direction: 'descending' })), [
      'd4',
      'a1',
      'e5',
      'b2',
      'c3',
    ]);
  });

  test('sorts statuses: free first, then busy, then those who cannot take work; Unknown last', () => {
    assert.deepEqual(ids(sortAgents(team, { column: 'state', direction: 'ascending' })), [
      'a1',
      'c3',
      'b2',
      'd4',
      'e5',
    ]);
  });

  test('ascending time in state puts the most recent change first', () => {
    assert.deepEqual(ids(sortAgents(team, { column: 'timeInState', direction: 'ascending' })), [
      'e5',
      'b2',
      'c3',
      'a1',
      'd4',
    ]);
    assert.deepEqual(ids(sortAgents(team, { column: 'timeInState', direction: 'descending' })), [
      'd4',
      'a1',
      'c3',
      'b2',
      'e5',
    ]);
  });

  test('descending activity puts a voice call above any number of text sessions, ties by name', () => {
    assert.deepEqual(ids(sortAgents(team, { column: 'activity', direction: 'descending' })), [
      'c3',
      'd4',
      'a1',
      'b2',
      'e5',
    ]);
  });

  test('sorts by agent group', () => {
    assert.deepEqual(ids(sortAgents([carol, alice, bob], { column: 'group', direction: 'ascending' })), [
      'b2',
      'a1',
      'c3',
    ]);
  });

  test('does not change its input', () => {
    const input = [bob, alice];
    sortAgents(input, { column: 'name', direction: 'ascending' });
    assert.deepEqual(ids(input), ['b2', 'a1']);
  });

  test('equal keys fall back to name then id, so the order is stable', () => {
    const twinA = makeAgent({ id: 'x2', displayName: 'Twin' });
    const twinB = makeAgent({ id: 'x1', displayName: 'Twin' });
    assert.deepEqual(ids(sortAgents([twinA, twinB], { column: 'state', direction: 'descending' })), ['x1', 'x2']);
  });
});

describe('visibleAgents', () => {
  test('applies text and state filters together, then sorts', () => {
    const rows = visibleAgents(team, {
      filterText: '50',
      stateFilter: 'all',
      sort: { column: 'extension', direction: 'ascending' },
    });
    assert.deepEqual(ids(rows), ['b2', 'e5', 'a1']);
    const ready = visibleAgents(team, {
      filterText: '50',
      stateFilter: 'Ready',
      sort: { column: 'name', direction: 'ascending' },
    });
    assert.deepEqual(ids(ready), ['a1']);
    const none = visibleAgents(team, {
      filterText: 'zzz',
      stateFilter: 'all',
      sort: { column: 'name', direction: 'ascending' },
    });
    assert.deepEqual(none, []);
  });

  test('the group filter keeps agents of that group, and Busy keeps busy agents only', () => {
    const sort = { column: 'name', direction: 'ascending' } as const;
    assert.deepEqual(ids(visibleAgents(team, { filterText: '', stateFilter: 'all', groupFilter: 'Sales', sort })), [
      'c3',
      'd4',
    ]);
    assert.deepEqual(
      ids(visibleAgents(team, { filterText: '', stateFilter: 'all', groupFilter: null, sort })).length,
      5,
    );
    assert.deepEqual(ids(visibleAgents(team, { filterText: '', stateFilter: 'Busy', sort })), ['c3']);
  });

  test('2,000 agents filter and sort to the same rows however often the filter runs', () => {
    const floor = Array.from({ length: 2000 }, (_, index) =>
      makeAgent({ id: `agent-${index}`, displayName: `Agent ${index}`, userName: `agent${index}`, since: index }),
    );
    const options = {
      filterText: 'agent 1',
      stateFilter: 'all',
      sort: { column: 'timeInState', direction: 'descending' },
    } as const;
    const first = visibleAgents(floor, options);
    assert.equal(first.length, 1 + 10 + 100 + 1000);
    assert.deepEqual(ids(visibleAgents(floor, options)), ids(first));
    assert.equal(first[0]?.id, 'agent-1', 'the longest in their state first');
  });
});

describe('moveSelection', () => {
  const rows = ['a', 'b', 'c'];

  test('moves one row and stops at the ends', () => {
    assert.equal(moveSelection(rows, 'a', 'next'), 'b');
    assert.equal(moveSelection(rows, 'c', 'next'), 'c');
    assert.equal(moveSelection(rows, 'b', 'previous'), 'a');
    assert.equal(moveSelection(rows, 'a', 'previous'), 'a');
  });

  test('jumps to the first and last rows', () => {
    assert.equal(moveSelection(rows, 'b', 'first'), 'a');
    assert.equal(moveSelection(rows, 'b', 'last'), 'c');
  });

  test('with no visible selection, Down starts at the top and Up at the bottom', () => {
    assert.equal(moveSelection(rows, null, 'next'), 'a');
    assert.equal(moveSelection(rows, 'filtered-out', 'next'), 'a');
    assert.equal(moveSelection(rows, null, 'previous'), 'c');
  });

  test('a page down or up moves by the rows on screen and stops at the ends', () => {
    const many = Array.from({ length: 50 }, (_, index) => `r${index}`);
    assert.equal(moveSelection(many, 'r0', 'pageDown', 12), 'r12');
    assert.equal(moveSelection(many, 'r45', 'pageDown', 12), 'r49');
    assert.equal(moveSelection(many, 'r20', 'pageUp', 12), 'r8');
    assert.equal(moveSelection(many, 'r3', 'pageUp', 12), 'r0');
    assert.equal(moveSelection(many, null, 'pageDown', 12), 'r0');
  });

  test('no rows, no selection', () => {
    assert.equal(moveSelection([], 'a', 'next'), null);
  });
});

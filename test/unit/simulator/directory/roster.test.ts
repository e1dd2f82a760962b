import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRoster, maxAgentCount } from '../../../../electron/simulator/directory/roster';
import { openingStateOf } from '../../../../electron/simulator/floor/opening-states';
import { ContactsPaging } from '../../../../electron/simulator/gws/contacts-paging';

describe('the demo roster at any size', () => {
  test('the default floor is the 12 named agents and two supervisors, in two agent groups', () => {
    const roster = buildRoster();
    const agents = roster.filter((user) => user.roles.includes('ROLE_AGENT'));
    assert.equal(agents.length, 12);
    assert.equal(roster.length, 14);
    assert.equal(agents[0]?.userName, 'avasquez');
    assert.deepEqual([...new Set(agents.map((agent) => agent.agentGroups[0]?.name))].sort(), [
      'Billing',
      'Technical Support',
    ]);
    assert.ok(
      roster.filter((user) => user.roles.includes('ROLE_SUPERVISOR')).every((user) => user.agentGroups.length === 0),
    );
  });

  test('2,000 agents: unique user names, ids, DNs and emails; the named agents first; the same on every build', () => {
    const roster = buildRoster(maxAgentCount);
    const agents = roster.filter((user) => user.roles.includes('ROLE_AGENT'));
    assert.equal(agents.length, maxAgentCount);
    for (const field of ['userName', 'id', 'emailAddress', 'employeeId'] as const) {
      assert.equal(new Set(roster.map((user) => user[field])).size, roster.length, `${field} is unique`);
    }
    const dns = roster.map((user) => user.device.phoneNumber);
    assert.equal(new Set(dns).size, roster.length, 'DNs are unique');
    assert.equal(roster.find((user) => user.userName === 'supervisor')?.device.phoneNumber, '5005');
    assert.deepEqual(
      agents.slice(0, 12).map((agent) => agent.userName),
      buildRoster(12)
        .filter((user) => user.roles.includes('ROLE_AGENT'))
        .map((agent) => agent.userName),
    );
    assert.ok(
      agents.every((agent) => /^[a-z]+\d*$/.test(agent.userName)),
      'logins are plain ASCII',
    );
    assert.ok(agents.every((agent) => agent.agentGroups.length === 1));
    assert.equal(new Set(agents.map((agent) => agent.agentGroups[0]?.name)).size, 12);
    assert.deepEqual(
      buildRoster(maxAgentCount).map((user) => [user.id, user.firstName, user.lastName, user.device.phoneNumber]),
      roster.map((user) => [user.id, user.firstName, user.lastName, user.device.phoneNumber]),
    );
  });

  test('a floor size outside 1 to 2,000 is refused', () => {
    assert.throws(() => buildRoster(0), /1 to 2000/);
    assert.throws(() => buildRoster(maxAgentCount + 1), /1 to 2000/);
    assert.throws(() => buildRoster(2.5), /1 to 2000/);
  });

  test('a large floor opens like a staffed shift, the same way every time', () => {
    const agents = buildRoster(1000).filter((user) => user.roles.includes('ROLE_AGENT'));
    const counts = new Map<string, number>();
    for (const agent of agents) {
      const kind = openingStateOf(agent.userName).kind;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    assert.ok((counts.get('Ready') ?? 0) > 500 && (counts.get('Ready') ?? 0) < 700, JSON.stringify([...counts]));
    assert.ok((counts.get('LoggedOut') ?? 0) > 120, JSON.stringify([...counts]));
    assert.ok(
      (counts.get('NotReady') ?? 0) > 80 && (counts.get('AfterCallWork') ?? 0) > 20,
      JSON.stringify([...counts]),
    );
    assert.deepEqual(openingStateOf('pnatarajan'), { kind: 'NotReady', reason: 'Break' });
    assert.deepEqual(openingStateOf(agents[500]!.userName), openingStateOf(agents[500]!.userName));
  });
});

describe('contacts paging', () => {
  const items = Array.from({ length: 11 }, (_, index) => index);

  test('limit is capped at the page size; no limit means one full page', () => {
    const paging = new ContactsPaging({ maxPageSize: 4 });
    assert.deepEqual(paging.page(items, 0, 500), { items: [0, 1, 2, 3], totalCount: 11 });
    assert.deepEqual(paging.page(items, 8, 500), { items: [8, 9, 10], totalCount: 11 });
    assert.deepEqual(paging.page(items, 2, 3), { items: [2, 3, 4], totalCount: 11 });
    assert.deepEqual(paging.page(items, 0, undefined), { items: [0, 1, 2, 3], totalCount: 11 });
    assert.deepEqual(paging.page(items, 20, 4), { items: [], totalCount: 11 });
  });

  test('withheld contacts are counted but never sent', () => {
    const paging = new ContactsPaging({ maxPageSize: 4, withheld: 3 });
    assert.deepEqual(paging.page(items, 4, 4), { items: [4, 5, 6, 7], totalCount: 11 });
    assert.deepEqual(paging.page(items, 8, 4), { items: [], totalCount: 11 });
    assert.deepEqual(paging.change({ withheld: 0 }), { maxPageSize: 4, withheld: 0 });
    assert.throws(() => paging.change({ maxPageSize: 0 }), /positive integer/);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shareStructure } from '../../../../../renderer/ui/store/share-structure';

describe('shareStructure', () => {
  test('an equal value comes back as the previous object, however deep', () => {
    const previous = { a: 1, list: [{ id: 'x', tags: ['t'] }], nested: { on: true, none: null } };
    const next = structuredClone(previous);
    assert.equal(shareStructure(previous, next), previous);
  });

  test('only the path to a change is new; everything beside it is reused', () => {
    const previous = {
      team: {
        agents: [
          { id: 'a1', name: 'Alice' },
          { id: 'a2', name: 'Bruno' },
        ],
      },
      voice: { calls: [] },
    };
    const next = {
      team: {
        agents: [
          { id: 'a1', name: 'Alice' },
          { id: 'a2', name: 'Bruna' },
        ],
      },
      voice: { calls: [] },
    };
    const shared = shareStructure(previous, next);
    assert.deepEqual(shared, next);
    assert.notEqual(shared, previous);
    assert.notEqual(shared.team.agents, previous.team.agents);
    assert.equal(shared.team.agents[0], previous.team.agents[0]);
    assert.notEqual(shared.team.agents[1], previous.team.agents[1]);
    assert.equal(shared.voice, previous.voice);
  });

  test('lists of objects with ids are matched by id, so an item added at the head leaves the others as they were', () => {
    const previous = [
      { id: 'b', n: 1 },
      { id: 'c', n: 2 },
    ];
    const next = [
      { id: 'a', n: 0 },
      { id: 'b', n: 1 },
      { id: 'c', n: 2 },
    ];
    const shared = shareStructure(previous, next);
    assert.equal(shared[1], previous[0]);
    assert.equal(shared[2], previous[1]);
    assert.deepEqual(shared, next);
  });

  test('lists without ids are matched by position', () => {
    const previous = [{ index: 1 }, { index: 2 }];
    const shared = shareStructure(previous, [{ index: 1 }, { index: 2 }, { index: 3 }]);
    assert.equal(shared[0], previous[0]);
    assert.equal(shared.length, 3);
  });

  test('a removed key, a changed type or a shorter list makes a new object', () => {
    assert.deepEqual(shareStructure({ a: 1, b: 2 }, { a: 1 }), { a: 1 });
    assert.deepEqual(shareStructure({ a: [1] }, { a: { 0: 1 } }), { a: { 0: 1 } });
    const previous = [1, 2, 3];
    assert.deepEqual(shareStructure(previous, [1, 2]), [1, 2]);
    assert.equal(shareStructure(null, 5), 5);
    assert.equal(shareStructure({ a: 1 }, null), null);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assignRowSlots } from '../../../../../../renderer/ui/features/team/row-slots';

const slotsOf = (slots: ReadonlyMap<string, number>) => Object.fromEntries(slots);

describe('assignRowSlots', () => {
  test('the first rows take slots in order', () => {
    assert.deepEqual(slotsOf(assignRowSlots(new Map(), ['a', 'b', 'c'])), { a: 0, b: 1, c: 2 });
  });

  test('an agent still rendered keeps their slot wherever they moved', () => {
    const before = assignRowSlots(new Map(), ['a', 'b', 'c']);
    assert.deepEqual(slotsOf(assignRowSlots(before, ['c', 'a', 'b'])), { a: 0, b: 1, c: 2 });
  });

  test('newcomers take the slots of those who left, so rows are reused rather than added', () => {
    const before = assignRowSlots(new Map(), ['a', 'b', 'c']);
    const after = assignRowSlots(before, ['x', 'b', 'y']);
    assert.deepEqual(slotsOf(after), { b: 1, x: 0, y: 2 });
  });

  test('more rows than before get new slots after the reused ones; fewer leave no agent without one', () => {
    const before = assignRowSlots(new Map(), ['a', 'b']);
    assert.deepEqual(slotsOf(assignRowSlots(before, ['b', 'x', 'y', 'z'])), { b: 1, x: 0, y: 2, z: 3 });
    assert.deepEqual(slotsOf(assignRowSlots(before, ['x'])), { x: 0 });
  });

  test('every rendered agent has a slot of their own', () => {
    let slots: ReadonlyMap<string, number> = new Map();
    for (let round = 0; round < 50; round += 1) {
      const ids = Array.from({ length: 5 + (round % 7) }, (_, index) => `agent-${(round * 3 + index * 5) % 23}`);
      slots = assignRowSlots(slots, ids);
      assert.equal(new Set(ids.map((id) => slots.get(id))).size, new Set(ids).size);
      assert.ok(ids.every((id) => slots.has(id)));
    }
  });
});

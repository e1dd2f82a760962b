import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Prng } from '../../../../electron/simulator/floor/prng';

describe('Prng', () => {
  test('a seed replays the same sequence; another seed does not', () => {
    const draw = (seed: number): number[] => {
      const prng = new Prng(seed);
      return Array.from({ length: 20 }, () => prng.next());
    };
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });

  test('int stays within its inclusive bounds and reaches both ends', () => {
    const prng = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = prng.int(3, 6);
      assert.ok(value >= 3 && value <= 6);
      seen.add(value);
    }
    assert.deepEqual([...seen].sort(), [3, 4, 5, 6]);
  });
});

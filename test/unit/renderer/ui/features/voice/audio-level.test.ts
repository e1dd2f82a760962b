import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ATTACK_MS,
  RELEASE_MS,
  hasSettled,
  meterFraction,
  smoothLevel,
} from '../../../../../../renderer/ui/features/voice/audio-level';

function close(actual: number, expected: number, tolerance = 1e-9) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
}

describe('smoothLevel', () => {
  test('rises quickly and falls slowly', () => {
    const rise = smoothLevel(0, 1, 50);
    const fall = 1 - smoothLevel(1, 0, 50);
    assert.ok(rise > 0.7, `rise ${rise}`);
    assert.ok(fall < 0.2, `fall ${fall}`);
    close(smoothLevel(0, 1, ATTACK_MS), 1 - Math.exp(-1));
    close(smoothLevel(1, 0, RELEASE_MS), Math.exp(-1));
  });

  test('depends on elapsed time, not on how many steps it took', () => {
    let stepped = 0.9;
    for (let frame = 0; frame < 10; frame += 1) stepped = smoothLevel(stepped, 0.1, 16);
    close(stepped, smoothLevel(0.9, 0.1, 160), 1e-12);
  });

  test('never overshoots and ends at the target', () => {
    assert.ok(smoothLevel(0.2, 0.6, 10_000) <= 0.6);
    close(smoothLevel(0.2, 0.6, 10_000), 0.6);
  });

  test('no time or broken input leaves the level where it was, clamped to 0..1', () => {
    assert.equal(smoothLevel(0.3, 1, 0), 0.3);
    assert.equal(smoothLevel(0.3, 1, -5), 0.3);
    assert.equal(smoothLevel(0.3, 1, Number.NaN), 0.3);
    assert.equal(smoothLevel(2, 2, 100), 1);
    assert.equal(smoothLevel(Number.NaN, 0, 100), 0);
  });
});

describe('meterFraction', () => {
  test('maps amplitude onto a decibel bar from -50 dB to full scale', () => {
    assert.equal(meterFraction(0), 0);
    assert.equal(meterFraction(1), 1);
    close(meterFraction(10 ** (-25 / 20)), 0.5, 1e-12);
    assert.equal(meterFraction(10 ** (-60 / 20)), 0);
  });

  test('is monotonic and clamped', () => {
    let previous = -1;
    for (let step = 0; step <= 100; step += 1) {
      const fraction = meterFraction(step / 100);
      assert.ok(fraction >= previous);
      previous = fraction;
    }
    assert.equal(meterFraction(3), 1);
    assert.equal(meterFraction(-1), 0);
  });
});

describe('hasSettled', () => {
  test('is true once the gap is too small to see', () => {
    assert.equal(hasSettled(0.5, 0.5), true);
    assert.equal(hasSettled(0.5, 0.501), true);
    assert.equal(hasSettled(0.5, 0.52), false);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { meterLevel } from '../../../../renderer/media-host/audio-levels';

function sine(amplitude: number, length = 1024): Float32Array {
  return Float32Array.from({ length }, (_, index) => amplitude * Math.sin((2 * Math.PI * index) / 32));
}

describe('meterLevel', () => {
  test('silence and an empty block read zero', () => {
    assert.equal(meterLevel(new Float32Array(1024)), 0);
    assert.equal(meterLevel([]), 0);
  });

  test('a full-scale square wave fills the meter; louder than that is still full', () => {
    assert.equal(meterLevel(Float32Array.from({ length: 64 }, (_, index) => (index % 2 ? 1 : -1))), 1);
    assert.equal(meterLevel([2, -2, 2, -2]), 1);
  });

  test('a decibel scale: -60 dBFS and below reads zero, each 6 dB is a tenth', () => {
    assert.equal(meterLevel(sine(0.0001)), 0);
    const loud = meterLevel(sine(0.5));
    const quieter = meterLevel(sine(0.25));
    assert.ok(loud > quieter && quieter > 0);
    assert.ok(Math.abs(loud - quieter - (20 * Math.log10(2)) / 60) < 1e-6);
  });
});

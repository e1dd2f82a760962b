import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeElapsed, formatTimeInState, sinceSource } from '../../../../../../renderer/ui/features/team/duration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('formatTimeInState', () => {
  test('under an hour reads as mm:ss', () => {
    assert.equal(formatTimeInState(0).text, '00:00');
    assert.equal(formatTimeInState(7 * SECOND + 999).text, '00:07');
    assert.equal(formatTimeInState(4 * MINUTE + 5 * SECOND).text, '04:05');
    assert.equal(formatTimeInState(HOUR - 1).text, '59:59');
  });

  test('from an hour on reads as h:mm with an hour mark', () => {
    assert.equal(formatTimeInState(HOUR).text, '1:00 h');
    assert.equal(formatTimeInState(2 * HOUR + 5 * MINUTE + 59 * SECOND).text, '2:05 h');
    assert.equal(formatTimeInState(27 * HOUR + 30 * MINUTE).text, '27:30 h');
  });

  test('a start in the future or a broken value reads as zero', () => {
    assert.equal(formatTimeInState(-5 * SECOND).text, '00:00');
    assert.equal(formatTimeInState(Number.NaN).text, '00:00');
    assert.equal(formatTimeInState(-5 * SECOND).seconds, 0);
    assert.equal(formatTimeInState(Number.NaN).seconds, 0);
  });

  test('says the span in words for assistive technology', () => {
    assert.equal(formatTimeInState(SECOND).label, '1 second');
    assert.equal(formatTimeInState(4 * MINUTE + 5 * SECOND).label, '4 minutes 5 seconds');
    assert.equal(formatTimeInState(HOUR + MINUTE).label, '1 hour 1 minute');
  });
});

describe('describeElapsed', () => {
  test('a time Earshot could only bound from below says "at least", never an exact-looking clock', () => {
    const now = 1_000_000;
    assert.deepEqual(describeElapsed({ at: now - 252 * SECOND, basis: 'at-least' }, now), {
      text: '≥ 04:12',
      label: 'at least 4 minutes 12 seconds',
      seconds: 252,
    });
    assert.deepEqual(describeElapsed({ at: now - 252 * SECOND, basis: 'seen' }, now), {
      text: '04:12',
      label: '4 minutes 12 seconds',
      seconds: 252,
    });
    assert.equal(describeElapsed({ at: now - 252 * SECOND, basis: 'reported' }, now).text, '04:12');
  });

  test('says where each time comes from', () => {
    assert.match(sinceSource({ at: 0, basis: 'reported' }), /contact center/);
    assert.match(sinceSource({ at: 0, basis: 'seen' }), /saw it begin/);
    assert.match(sinceSource({ at: 0, basis: 'at-least' }), /already going/);
  });
});

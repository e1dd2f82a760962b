import { describe, test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createTickingClock } from '../../../../../renderer/ui/store/clock';

describe('createTickingClock', () => {
  test('ticks once a second only while subscribed, and reads the time fresh when idle', () => {
    mock.timers.enable({ apis: ['setTimeout'], now: 0 });
    try {
      let time = 10_000;
      const clock = createTickingClock(() => time);
      let ticks = 0;
      const stop = clock.subscribe(() => {
        ticks += 1;
      });
      time = 11_000;
      assert.equal(clock.now(), 10_000, 'holds the value between ticks');
      mock.timers.tick(1_005);
      assert.equal(ticks, 1);
      assert.equal(clock.now(), 11_000);
      time = 12_000;
      mock.timers.tick(1_005);
      assert.equal(ticks, 2);
      stop();
      time = 15_000;
      mock.timers.tick(5_000);
      assert.equal(ticks, 2, 'no ticks after the last listener leaves');
      assert.equal(clock.now(), 15_000);
    } finally {
      mock.timers.reset();
    }
  });
});

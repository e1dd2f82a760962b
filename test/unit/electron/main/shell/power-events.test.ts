import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';
import type { NetworkChangeCause } from '../../../../../electron/main/main-services';
import { forwardPowerEvents } from '../../../../../electron/main/shell/power-events';

describe('power events', () => {
  test('waking and unlocking tell main the network may have changed; going to sleep does not', () => {
    const powerMonitor = new EventEmitter();
    const told: NetworkChangeCause[] = [];
    const stop = forwardPowerEvents(powerMonitor, (cause) => told.push(cause));
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('unlock-screen');
    assert.deepEqual(told, ['resume', 'unlock']);
    stop();
    powerMonitor.emit('resume');
    assert.deepEqual(told, ['resume', 'unlock'], 'nothing once stopped');
    assert.equal(powerMonitor.listenerCount('resume'), 0);
  });
});

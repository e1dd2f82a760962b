import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toDevicesEvent } from '../../../../renderer/media-host/devices';

describe('device list', () => {
  test('splits audio inputs and outputs, drops cameras, keeps empty labels', () => {
    const event = toDevicesEvent(
      [
        { kind: 'audioinput', deviceId: 'default', label: '' },
        { kind: 'audioinput', deviceId: 'mic-1', label: 'Headset mic' },
        { kind: 'videoinput', deviceId: 'cam', label: 'Camera' },
        { kind: 'audiooutput', deviceId: 'default', label: 'Default' },
        { kind: 'audiooutput', deviceId: 'hp-1', label: 'Headphones' },
      ],
      true,
    );
    assert.deepEqual(event, {
      type: 'devices',
      inputs: [
        { deviceId: 'default', label: '' },
        { deviceId: 'mic-1', label: 'Headset mic' },
      ],
      outputs: [
        { deviceId: 'default', label: 'Default' },
        { deviceId: 'hp-1', label: 'Headphones' },
      ],
      outputSelectionSupported: true,
    });
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  deviceIdFromValue,
  deviceOptions,
  isMissing,
  selectedValue,
} from '../../../../../../renderer/ui/features/audio/device-options';

describe('deviceOptions', () => {
  test('one System default first, then the devices by name', () => {
    const options = deviceOptions(
      [
        { deviceId: 'default', label: 'Default - Jabra' },
        { deviceId: 'hs', label: 'Jabra Evolve2 65' },
        { deviceId: 'spk', label: 'Speakers' },
      ],
      'output',
    );
    assert.deepEqual(options, [
      { value: '', label: 'System default' },
      { value: 'hs', label: 'Jabra Evolve2 65' },
      { value: 'spk', label: 'Speakers' },
    ]);
  });

  test('devices without labels get numbered names', () => {
    const options = deviceOptions(
      [
        { deviceId: 'm1', label: '' },
        { deviceId: 'm2', label: '  ' },
      ],
      'input',
    );
    assert.deepEqual(
      options.map((option) => option.label),
      ['System default', 'Microphone 1', 'Microphone 2'],
    );
  });

  test('the system default travels as null', () => {
    assert.equal(selectedValue(null), '');
    assert.equal(selectedValue('default'), '');
    assert.equal(selectedValue('hs'), 'hs');
    assert.equal(deviceIdFromValue(''), null);
    assert.equal(deviceIdFromValue('hs'), 'hs');
  });

  test('a picked device that went away is noticed', () => {
    const options = deviceOptions([{ deviceId: 'hs', label: 'Headset' }], 'output');
    assert.equal(isMissing(options, 'hs'), false);
    assert.equal(isMissing(options, ''), false);
    assert.equal(isMissing(options, 'unplugged'), true);
  });
});

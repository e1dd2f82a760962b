import type { VoiceState } from '../../../../electron/common/models/voice';

type DeviceList = VoiceState['devices']['outputs'];

export interface DeviceOption {
  /** '' stands for the system default, which the contract sends as null. */
  readonly value: string;
  readonly label: string;
}

export const SYSTEM_DEFAULT_VALUE = '';

/**
 * Browsers hide device labels until a page has used a microphone, and list the default device
 * twice (as "default" and by id); the picker shows one "System default" and names the rest.
 */
export function deviceOptions(devices: DeviceList, kind: 'output' | 'input'): DeviceOption[] {
  const options: DeviceOption[] = [{ value: SYSTEM_DEFAULT_VALUE, label: 'System default' }];
  let unnamed = 0;
  for (const device of devices) {
    if (device.deviceId === '' || device.deviceId === 'default') continue;
    const label = device.label.trim();
    if (label === '') unnamed += 1;
    options.push({
      value: device.deviceId,
      label: label === '' ? `${kind === 'output' ? 'Output' : 'Microphone'} ${unnamed}` : label,
    });
  }
  return options;
}

export function selectedValue(selectedId: string | null): string {
  return selectedId === null || selectedId === 'default' ? SYSTEM_DEFAULT_VALUE : selectedId;
}

/** A picked device that has gone away (unplugged headphones) shows as such instead of vanishing. */
export function isMissing(options: ReadonlyArray<DeviceOption>, value: string): boolean {
  return value !== SYSTEM_DEFAULT_VALUE && !options.some((option) => option.value === value);
}

export function deviceIdFromValue(value: string): string | null {
  return value === SYSTEM_DEFAULT_VALUE ? null : value;
}

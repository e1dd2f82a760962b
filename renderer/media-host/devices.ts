import type { AudioDevice, MediaEvent } from '../../electron/common/contract/media-host-contract';

type DevicesEvent = Extract<MediaEvent, { type: 'devices' }>;

export interface DeviceInfoLike {
  readonly kind: string;
  readonly deviceId: string;
  readonly label: string;
}

/** Labels (and on some systems ids) are empty until the page has had microphone permission; we report what there is. */
export function toDevicesEvent(devices: readonly DeviceInfoLike[], outputSelectionSupported: boolean): DevicesEvent {
  const ofKind = (kind: string): AudioDevice[] =>
    devices
      .filter((device) => device.kind === kind)
      .map((device) => ({ deviceId: device.deviceId, label: device.label }));
  return { type: 'devices', outputs: ofKind('audiooutput'), inputs: ofKind('audioinput'), outputSelectionSupported };
}

export function outputSelectionSupported(): boolean {
  return 'setSinkId' in HTMLMediaElement.prototype;
}

export async function listAudioDevices(): Promise<DevicesEvent> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return toDevicesEvent(devices, outputSelectionSupported());
}

/** Reports the device list again whenever a headset is plugged in or out. */
export function watchAudioDevices(emit: (event: DevicesEvent) => void, onError: (error: unknown) => void): () => void {
  const listener = (): void => {
    listAudioDevices().then(emit, onError);
  };
  navigator.mediaDevices.addEventListener('devicechange', listener);
  return () => navigator.mediaDevices.removeEventListener('devicechange', listener);
}

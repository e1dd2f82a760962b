import { useId } from 'react';
import type { VoiceState } from '../../../../electron/common/models/voice';
import { SpeakerIcon } from '../../components/icons';
import { commandKeys, failureOf, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { deviceIdFromValue, deviceOptions, isMissing, selectedValue } from './device-options';
import './audio.css';

const POPOVER_ID = 'audio-devices-popover';

type Devices = VoiceState['devices'];
const noDevices: Devices = {
  outputs: [],
  inputs: [],
  selectedOutputId: null,
  selectedInputId: null,
  outputSelection: 'waiting',
};

function DevicePicker({
  kind,
  label,
  list,
  selectedId,
  disabled,
  testId,
  onPick,
}: {
  kind: 'output' | 'input';
  label: string;
  list: Devices['outputs'];
  selectedId: string | null;
  disabled: boolean;
  testId: string;
  onPick: (deviceId: string | null) => void;
}) {
  const id = useId();
  const options = deviceOptions(list, kind);
  const value = disabled ? '' : selectedValue(selectedId);
  return (
    <div className="device-picker">
      <label className="device-picker__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="device-picker__select"
        data-testid={testId}
        value={value}
        disabled={disabled}
        onChange={(event) => onPick(deviceIdFromValue(event.target.value))}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {isMissing(options, value) && <option value={value}>Disconnected device</option>}
      </select>
    </div>
  );
}

/**
 * Headphones and microphone; main applies them to the media host and remembers them. Shown in the
 * header's popover and in the settings panel; `testIdPrefix` keeps the two apart for tests.
 */
export function AudioDeviceFields({ testIdPrefix = '' }: { testIdPrefix?: string }) {
  const commands = useCommands();
  const devices = useAppStore((state) => state.mirror.app?.voice.devices ?? noDevices);
  const sending = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.devices));
  const failure = useAppStore((state) => failureOf(state.ui.commandStatuses, commandKeys.devices)?.message ?? null);
  return (
    <>
      <DevicePicker
        kind="output"
        label="Play calls through"
        list={devices.outputs}
        selectedId={devices.selectedOutputId}
        disabled={devices.outputSelection !== 'available' || sending}
        testId={`${testIdPrefix}output-device-select`}
        onPick={(deviceId) => void commands.selectOutput(deviceId)}
      />
      {devices.outputSelection === 'waiting' && (
        <p className="popover__note" data-testid={`${testIdPrefix}devices-waiting-note`}>
          Your headphones and microphones are listed once Earshot’s audio engine is running.
        </p>
      )}
      {devices.outputSelection === 'unavailable' && (
        <p className="popover__note" data-testid={`${testIdPrefix}output-default-note`}>
          This browser cannot send a call to a chosen output, so calls play through the system’s default output. To use
          headphones, make them the default in the system’s sound settings.
        </p>
      )}
      <DevicePicker
        kind="input"
        label="Microphone"
        list={devices.inputs}
        selectedId={devices.selectedInputId}
        disabled={devices.outputSelection === 'waiting' || sending}
        testId={`${testIdPrefix}input-device-select`}
        onPick={(deviceId) => void commands.selectInput(deviceId)}
      />
      <p className="popover__note">The microphone opens only while you coach or barge in.</p>
      {failure !== null && (
        <p className="popover__problem" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

/** The devices in a popover off the header, at hand during a call. */
export function AudioDevices() {
  return (
    <>
      <button
        type="button"
        className="icon-button audio-devices__trigger"
        popoverTarget={POPOVER_ID}
        aria-label="Audio devices"
        title="Audio devices"
        data-testid="audio-devices-button"
      >
        <SpeakerIcon />
      </button>
      <div id={POPOVER_ID} popover="auto" className="popover audio-devices" role="dialog" aria-label="Audio devices">
        <AudioDeviceFields />
      </div>
    </>
  );
}

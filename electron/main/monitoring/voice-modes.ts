import type { VoiceMode } from '../../common/models/voice';

/**
 * GWS's rules for switching a live monitoring call (gws-api.md §4.5): ListenIn ⇄ BargeIn; Coach can
 * switch to either but nothing switches back to Coach, which is entered only when monitoring starts.
 */
export type SwitchTarget = 'ListenIn' | 'BargeIn';

const operationFor: Readonly<Record<SwitchTarget, string>> = {
  ListenIn: 'SwitchToListenIn',
  BargeIn: 'SwitchToBargeIn',
};

export function switchOperation(target: SwitchTarget): string {
  return operationFor[target];
}

export function isSwitchAllowed(from: VoiceMode, to: SwitchTarget): boolean {
  return from !== to;
}

/** What the card may offer: allowed by the rules AND offered by the call's capabilities right now. */
export function switchTargets(mode: VoiceMode, capabilities: readonly string[], established: boolean): SwitchTarget[] {
  if (!established) return [];
  return (['ListenIn', 'BargeIn'] as const).filter(
    (target) => isSwitchAllowed(mode, target) && capabilities.includes(operationFor[target]),
  );
}

/**
 * The mode a call notification implies. `mute: On` is silent listening. `mute: Off` is Coach or
 * BargeIn, which the flag alone cannot tell apart: Coach stays Coach until a switch leaves it.
 */
export function modeFromMute(current: VoiceMode, muted: boolean | undefined): VoiceMode {
  if (muted === undefined) return current;
  if (muted) return 'ListenIn';
  return current === 'ListenIn' ? 'BargeIn' : current;
}

/** Silent modes keep the microphone closed; talking modes need it open. */
export function needsMicrophone(mode: VoiceMode): boolean {
  return mode !== 'ListenIn';
}

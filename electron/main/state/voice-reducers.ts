import type { AppState } from '../../common/models/app-state';
import { audienceFor, type MonitoredCall, type VoiceState } from '../../common/models/voice';

/** Pure transitions of the voice part of the app state. */

export const HISTORY_LIMIT = 50;

export function withVoice(state: AppState, change: (voice: VoiceState) => VoiceState): AppState {
  const voice = change(state.voice);
  return voice === state.voice ? state : { ...state, voice };
}

export function updateCall(
  voice: VoiceState,
  callId: string,
  change: (call: MonitoredCall) => MonitoredCall,
): VoiceState {
  const index = voice.calls.findIndex((call) => call.id === callId);
  if (index < 0) return voice;
  const before = voice.calls[index] as MonitoredCall;
  const changed = change(before);
  // The audience is always derived from the mode and the microphone's real state, never set directly.
  const after = { ...changed, audience: audienceFor(changed.mode, changed.microphone) };
  if (JSON.stringify(after) === JSON.stringify(before)) return voice;
  const calls = voice.calls.slice();
  calls[index] = after;
  return { ...voice, calls };
}

export function addCall(voice: VoiceState, call: MonitoredCall): VoiceState {
  if (voice.calls.some((existing) => existing.id === call.id)) return voice;
  return { ...voice, calls: [...voice.calls, { ...call, audience: audienceFor(call.mode, call.microphone) }] };
}

/** The call ends: it leaves the board for the history, with the microphone shown closed. */
export function endCall(voice: VoiceState, callId: string, now: number): VoiceState {
  const call = voice.calls.find((candidate) => candidate.id === callId);
  if (!call) return voice;
  const ended: MonitoredCall = {
    ...call,
    state: 'ended',
    endedAt: now,
    microphone: 'closed',
    audience: 'nobody',
    switchTargets: [],
    canMuteAgent: false,
    canUnmuteAgent: false,
    pendingCommand: null,
  };
  return {
    ...voice,
    calls: voice.calls.filter((candidate) => candidate.id !== callId),
    history: [ended, ...voice.history].slice(0, HISTORY_LIMIT),
  };
}

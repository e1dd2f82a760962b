import type { Result } from '../../common/result';
import type { UiInvoke } from '../ui-commands';

/**
 * UI commands after which the microphone may open: switching a call to Barge in, monitoring in
 * Coach or Barge in, answering an ordinary call. Silent listening and everything else never do.
 * The payload is not parsed yet here (main does that next), so only its mode is read.
 */
export function opensMicrophone(channel: unknown, payload: unknown): boolean {
  const mode = typeof payload === 'object' && payload !== null && 'mode' in payload ? payload.mode : undefined;
  switch (channel) {
    case 'voice:switchMode':
      return mode === 'BargeIn' || mode === 'Coach';
    case 'voice:monitor':
      return mode === 'Coach' || mode === 'BargeIn';
    case 'voice:answerIncoming':
      return true;
    default:
      return false;
  }
}

/**
 * Puts the OS microphone question before the commands that may open it, so the supervisor is asked
 * at that moment and a refusal stops the command before GWS is asked for anything.
 */
export function askingForMicrophoneFirst(invoke: UiInvoke, askForMicrophone: () => Promise<Result<null>>): UiInvoke {
  return async (channel, payload) => {
    if (opensMicrophone(channel, payload)) {
      const allowed = await askForMicrophone();
      if (!allowed.ok) return allowed;
    }
    return invoke(channel, payload);
  };
}

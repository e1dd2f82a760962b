import { z } from 'zod';
import type { SupervisorCalls } from '../voice/supervisor-calls';
import { ControlError } from './control-api';

const modeBody = z.strictObject({ mode: z.enum(['ListenIn', 'BargeIn']) });
const inviteBody = z.strictObject({ sameCallId: z.boolean() });
const emptyBody = z.strictObject({});

/**
 * The control API's levers on a supervisor's monitoring call, for tests of what a real deployment
 * may do that Earshot did not ask for: another client of the same user switching the mode, a second
 * INVITE for the same call, a re-INVITE offering two-way audio.
 */
export class VoiceControl {
  constructor(private readonly supervisorCalls: SupervisorCalls) {}

  /** Handles /control/voice/calls/:id/{mode,invite,reinvite}; undefined for any other path. */
  async route(method: string, segments: readonly string[], body: () => Promise<unknown>): Promise<unknown> {
    const [resource, collection, callId, action, extra] = segments;
    if (method !== 'POST' || resource !== 'voice' || collection !== 'calls' || !callId || extra !== undefined) {
      return undefined;
    }
    const call = this.supervisorCalls.all().find((candidate) => candidate.id === callId);
    if (!call) throw new ControlError(404, `no supervisor call ${callId}`);
    switch (action) {
      case 'mode': {
        const { mode } = modeBody.parse(await body());
        const refusal = this.supervisorCalls.operate(
          call.supervisorId,
          callId,
          mode === 'BargeIn' ? 'SwitchToBargeIn' : 'SwitchToListenIn',
        );
        if (refusal) throw new ControlError(400, refusal);
        return { ok: true, mode };
      }
      case 'invite':
        return this.supervisorCalls.offerAgain(callId, inviteBody.parse(await body()).sameCallId);
      case 'reinvite':
        emptyBody.parse(await body());
        return this.supervisorCalls.reInvite(callId);
      default:
        return undefined;
    }
  }
}

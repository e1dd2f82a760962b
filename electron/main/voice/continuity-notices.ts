import { assertNever } from '../../common/result';
import type { CallNotResumed } from './voice-core';

// The system's own clock style, as the UI's times.
const clockTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function formatClockTime(at: number): string {
  return clockTime.format(at);
}

/**
 * The notice for a live call that could not be moved to the network the phone line came back on: when
 * the connection was lost, with whom the call was, and why it could not go on, in the supervisor's words.
 */
export function callNotResumedMessage(call: CallNotResumed, now: number, clock = formatClockTime): string {
  const when = `Connection lost at ${clock(call.lostAt ?? now)}`;
  const who = call.agentName ?? call.otherParty;
  const theCall = who === null ? 'the monitored call' : `the call with ${who}`;
  switch (call.outcome) {
    case 'call-gone':
      return `${when}: ${theCall} could not be resumed (the server had ended it meanwhile) and was ended.`;
    case 'no-answer':
      return `${when}: ${theCall} could not be resumed (the server did not answer) and was ended.`;
    case 'refused':
      return `${when}: ${theCall} could not be resumed (the server refused) and was ended.`;
    default:
      return assertNever(call.outcome);
  }
}

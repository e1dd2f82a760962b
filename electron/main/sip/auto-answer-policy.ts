/**
 * Decides what happens to an incoming SIP call. Only a call that matches monitoring this supervisor
 * started is answered by itself; everything else rings for the supervisor to answer or decline.
 */
export interface IncomingCallFacts {
  /** X-Genesys-CallUUID of the INVITE, if any. */
  readonly genesysCallUuid: string | null;
  /** Milliseconds since the INVITE arrived. */
  readonly waitedMs: number;
}

export interface MonitoringFacts {
  /** CallUUIDs of the supervisor's GWS monitoring calls that are ringing or live. */
  readonly monitoringCallUuids: ReadonlySet<string>;
  /** Whether a monitoring subscription is active (a monitoring call may be on its way). */
  readonly subscriptionActive: boolean;
}

export type AutoAnswerDecision = 'answer' | 'ring' | 'wait';

/** How long an INVITE that might be a monitoring call waits for GWS's call notification to match it. */
export const MATCH_WINDOW_MS = 2_000;

export function decideIncomingCall(call: IncomingCallFacts, monitoring: MonitoringFacts): AutoAnswerDecision {
  if (call.genesysCallUuid !== null && monitoring.monitoringCallUuids.has(call.genesysCallUuid)) return 'answer';
  const couldStillMatch =
    call.genesysCallUuid !== null && monitoring.subscriptionActive && call.waitedMs < MATCH_WINDOW_MS;
  return couldStillMatch ? 'wait' : 'ring';
}

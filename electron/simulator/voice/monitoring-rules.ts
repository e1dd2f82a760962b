import type { VoiceMonitoringState } from './voice-supervision';

export type SupervisorCallState = 'Ringing' | 'Established' | 'Released';

export type SupervisorOperation =
  'Answer' | 'Hangup' | 'SwitchToListenIn' | 'SwitchToBargeIn' | 'MuteMonitoredUser' | 'UnmuteMonitoredUser';

export const supervisorOperations: readonly SupervisorOperation[] = [
  'Answer',
  'Hangup',
  'SwitchToListenIn',
  'SwitchToBargeIn',
  'MuteMonitoredUser',
  'UnmuteMonitoredUser',
];

/** What the rules look at: the supervisor's call as it is now, and how the switch is deployed. */
export interface SupervisorCallView {
  readonly state: SupervisorCallState;
  readonly mode: VoiceMonitoringState;
  readonly monitoredUserMuted: boolean;
  readonly sipCluster: boolean;
}

/**
 * gws-api.md §4.5: ListenIn ⇄ BargeIn; Coach may leave for either, and nothing leads back to Coach
 * (GWS has no voice SwitchToCoach).
 */
const switchTargets: Readonly<Record<VoiceMonitoringState, readonly VoiceMonitoringState[]>> = {
  ListenIn: ['BargeIn'],
  BargeIn: ['ListenIn'],
  Coach: ['ListenIn', 'BargeIn'],
};

// The supervisor's monitoring call carries an ordinary agent's call capabilities (gws-api.md §4.5 sample, §10.11).
const ordinaryEstablishedCapabilities = [
  'AttachUserData',
  'InitiateConference',
  'UpdateUserData',
  'Hold',
  'SingleStepTransfer',
  'DeleteUserData',
  'SingleStepConference',
  'Hangup',
  'DeleteUserDataPair',
  'SendDtmf',
  'InitiateTransfer',
  'RemoveParticipantFromConference',
];
const ordinaryRingingCapabilities = ['Answer', 'Hangup', 'AttachUserData', 'UpdateUserData', 'DeleteUserData'];

/** Capabilities an agent's call shows that the demo contact center does not carry out on a monitoring call. */
export const unsupportedOrdinaryOperations: ReadonlySet<string> = new Set(
  [...ordinaryEstablishedCapabilities, ...ordinaryRingingCapabilities].filter(
    (name) => !supervisorOperations.includes(name as SupervisorOperation),
  ),
);

function switchOperation(mode: VoiceMonitoringState): SupervisorOperation | null {
  if (mode === 'ListenIn') return 'SwitchToListenIn';
  if (mode === 'BargeIn') return 'SwitchToBargeIn';
  return null;
}

/** The mode a switch operation leads to, or null for any other operation. */
export function modeAfter(operation: SupervisorOperation): VoiceMonitoringState | null {
  if (operation === 'SwitchToListenIn') return 'ListenIn';
  if (operation === 'SwitchToBargeIn') return 'BargeIn';
  return null;
}

/** How SIP Server is deployed, as far as starting supervision on a call in progress goes. */
export interface IntrusionDeployment {
  /** SIP Server's `intrusion-enabled` (§4.8). */
  readonly intrusionEnabled: boolean;
  readonly sipCluster: boolean;
}

/**
 * Whether a new subscription joins the agent's call in progress at once (§4.2): only BargeIn, only
 * where intrusion is enabled, and never in a SIP Cluster (§4.7). Anything else waits for the next call.
 */
export function joinsCallInProgress(mode: VoiceMonitoringState, deployment: IntrusionDeployment): boolean {
  return mode === 'BargeIn' && deployment.intrusionEnabled && !deployment.sipCluster;
}

/** `mute` of the supervisor's call: "On" while silent (gws-api.md §4.4). */
export function muteFlag(mode: VoiceMonitoringState): 'On' | 'Off' {
  return mode === 'ListenIn' ? 'On' : 'Off';
}

/** The supervisor operations the call accepts right now. */
export function allowedOperations(view: SupervisorCallView): SupervisorOperation[] {
  if (view.state === 'Released') return [];
  const switches = switchTargets[view.mode].map(switchOperation).filter((operation) => operation !== null);
  if (view.state === 'Ringing') return ['Answer', ...(view.sipCluster ? [] : switches), 'Hangup'];
  const mute: SupervisorOperation[] =
    view.mode === 'Coach' ? [] : [view.monitoredUserMuted ? 'UnmuteMonitoredUser' : 'MuteMonitoredUser'];
  return [...switches, ...mute, 'Hangup'];
}

/** The call's `capabilities`: the ordinary list plus what the current mode allows. */
export function supervisorCallCapabilities(view: SupervisorCallView): string[] {
  if (view.state === 'Released') return [];
  const ordinary = view.state === 'Ringing' ? ordinaryRingingCapabilities : ordinaryEstablishedCapabilities;
  return [...new Set([...ordinary, ...allowedOperations(view)])];
}

/** Why the operation is refused now (a statusCode 2 message), or null when it is allowed. */
export function refusalOf(view: SupervisorCallView, operation: SupervisorOperation): string | null {
  if (allowedOperations(view).includes(operation)) return null;
  if (view.state === 'Released') return 'The call has already been released';
  const target = modeAfter(operation);
  if (target) {
    if (target === view.mode) return `The call is already in ${target}`;
    if (view.state === 'Ringing')
      return 'In a SIP Cluster the monitoring mode can be switched only once the call is established';
    return `${operation} is not available in ${view.mode}`;
  }
  if (operation === 'Answer') return 'The call is already established';
  if (view.state === 'Ringing') return `${operation} needs an established call`;
  if (view.mode === 'Coach') return `${operation} is not available while coaching`;
  return operation === 'MuteMonitoredUser' ? 'The monitored user is already muted' : 'The monitored user is not muted';
}

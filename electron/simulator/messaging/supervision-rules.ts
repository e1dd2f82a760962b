/** Chat and SMS supervision as gws-api.md §5–6 and seed 003 describe it; the two channels share every rule. */

export type MessagingChannel = 'chat' | 'sms';
export type SupervisorMode = 'Monitor' | 'Coach' | 'BargeIn';
export type MonitoringFrequency = 'NextChat' | 'AllChats';
export type Visibility = 'All' | 'Agents' | 'Supervisors';
export type ParticipantRole = 'customer' | 'agent' | 'supervisor';

/**
 * Every mode, for tests that walk them all.
 * @internal
 */
export const supervisorModes: readonly SupervisorMode[] = ['Monitor', 'Coach', 'BargeIn'];

/** Who sees the supervisor, and what the supervisor writes (§5.4; Coach = Agents is [INF]). */
export const modeVisibility: Readonly<Record<SupervisorMode, Visibility>> = {
  Monitor: 'Supervisors',
  Coach: 'Agents',
  BargeIn: 'All',
};

/** The seed-003 capability list a supervisor has in a monitored chat or SMS, before the switch entries. */
const supervisorBaseCapabilities = [
  'Leave',
  'SetInFocus',
  'SetDisposition',
  'AttachUserData',
  'DeleteUserData',
  'UpdateUserData',
  'Transfer',
  'Invite',
  'Consult',
  'SendToAgents',
  'SendStartTypingToAgentsNotification',
  'SendStopTypingToAgentsNotification',
  'SendMessage',
  'SendStartTypingNotification',
  'SendStopTypingNotification',
] as const;

/** The switch entries per mode, with the documented typo `SwitchBargeIn` (§10.2). */
const switchCapabilities: Readonly<Record<SupervisorMode, readonly string[]>> = {
  Monitor: ['SwitchToCoach', 'SwitchBargeIn'],
  Coach: ['SwitchToMonitor', 'SwitchBargeIn'],
  BargeIn: ['SwitchToMonitor', 'SwitchToCoach'],
};

export function supervisorCapabilities(mode: SupervisorMode): string[] {
  return [...supervisorBaseCapabilities, ...switchCapabilities[mode]];
}

/** The capabilities the supervisor sees but the demo contact center does not carry out. */
export function isUnimplementedCapability(operationName: string): boolean {
  return (supervisorBaseCapabilities as readonly string[]).includes(operationName);
}

/** The operation names of the switches; the operation is always spelled SwitchToBargeIn. */
export const switchTargets: Readonly<Record<string, SupervisorMode>> = {
  SwitchToMonitor: 'Monitor',
  SwitchToCoach: 'Coach',
  SwitchToBargeIn: 'BargeIn',
};

const modeOfSwitchCapability: Readonly<Record<string, SupervisorMode>> = {
  SwitchToMonitor: 'Monitor',
  SwitchToCoach: 'Coach',
  SwitchBargeIn: 'BargeIn',
};

/** A switch is allowed only from a mode whose capabilities offer it. */
export function canSwitch(from: SupervisorMode, to: SupervisorMode): boolean {
  return switchCapabilities[from].some((capability) => modeOfSwitchCapability[capability] === to);
}

/** The customer sees only All, agents see All and Agents, supervisors see everything. */
export function canSee(role: ParticipantRole, visibility: Visibility): boolean {
  if (role === 'supervisor') return true;
  if (role === 'agent') return visibility !== 'Supervisors';
  return visibility === 'All';
}

export function rolesThatSee(visibility: Visibility): ParticipantRole[] {
  return (['customer', 'agent', 'supervisor'] as const).filter((role) => canSee(role, visibility));
}

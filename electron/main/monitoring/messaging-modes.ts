import type { MessagingCommand, MessagingMode, Visibility } from '../../common/models/messaging';
import { assertNever } from '../../common/result';
import { endedComposerReason } from '../state/messaging-reducers';

/**
 * Chat/SMS supervision modes (gws-api.md §5.3–5.4). The mode is never remembered on its own: it is
 * read from who can see the supervisor, as the supervisor's participant entry says.
 */

const modeByVisibility: Readonly<Record<Visibility, MessagingMode>> = {
  Supervisors: 'Monitor',
  Agents: 'Coach',
  All: 'BargeIn',
};

export function modeFromVisibility(visibility: Visibility): MessagingMode {
  return modeByVisibility[visibility];
}

/** GWS prints visibilities as these three; anything else is read as the widest audience. */
export function asVisibility(value: string | undefined): Visibility {
  return value === 'Supervisors' || value === 'Agents' ? value : 'All';
}

/** The capability that offers each mode; BargeIn is spelled `SwitchBargeIn` in capabilities (§10.2). */
const capabilitiesFor: Readonly<Record<MessagingMode, readonly string[]>> = {
  Monitor: ['SwitchToMonitor'],
  Coach: ['SwitchToCoach'],
  BargeIn: ['SwitchBargeIn', 'SwitchToBargeIn'],
};

const operationFor: Readonly<Record<MessagingMode, string>> = {
  Monitor: 'SwitchToMonitor',
  Coach: 'SwitchToCoach',
  BargeIn: 'SwitchToBargeIn',
};

/** The operation is always spelled `SwitchToBargeIn`, whatever the capability says. */
export function switchOperation(target: MessagingMode): string {
  return operationFor[target];
}

/** Modes the conversation offers right now: named in its capabilities, and not the current one. */
export function switchTargets(mode: MessagingMode, capabilities: readonly string[]): MessagingMode[] {
  return (['Monitor', 'Coach', 'BargeIn'] as const).filter(
    (target) => target !== mode && capabilitiesFor[target].some((capability) => capabilities.includes(capability)),
  );
}

export const monitorComposerReason = 'You are monitoring silently. Switch to Coach or Barge in to write.';

export function composerDisabledReason(mode: MessagingMode, ended: boolean): string | null {
  if (ended) return endedComposerReason;
  return mode === 'Monitor' ? monitorComposerReason : null;
}

/** Who reads what the supervisor writes: agents only while coaching, everyone after barging in. */
export function sendVisibility(mode: MessagingMode): Visibility | null {
  if (mode === 'Coach') return 'Agents';
  if (mode === 'BargeIn') return 'All';
  return null;
}

export function modeLabel(mode: MessagingMode): string {
  return mode === 'BargeIn' ? 'Barge in' : mode;
}

export function switchCommand(mode: MessagingMode): MessagingCommand {
  switch (mode) {
    case 'Monitor':
      return 'switch-to-monitor';
    case 'Coach':
      return 'switch-to-coach';
    case 'BargeIn':
      return 'switch-to-barge-in';
    default:
      return assertNever(mode);
  }
}

const commandWords: Readonly<Record<MessagingCommand, string>> = {
  'switch-to-monitor': 'switching to Monitor',
  'switch-to-coach': 'switching to Coach',
  'switch-to-barge-in': 'barging in',
  send: 'sending a message',
  leave: 'leaving',
};

/** Why another command has to wait, in words. */
export function busyWith(command: MessagingCommand): string {
  return `Still busy ${commandWords[command]}.`;
}

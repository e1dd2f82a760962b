import type { MessagingChannel } from '../../../electron/common/models/messaging';
import type { AppError } from '../../../electron/common/result';

/**
 * What became of the commands this window sent. Main reports its side (pendingCommand,
 * call.error, conversation.error); this covers the gap before main has answered and the failures that never reach the
 * state, such as a lost connection to main.
 */
export type CommandStatus =
  | { readonly seq: number; readonly phase: 'sending' }
  | { readonly seq: number; readonly phase: 'failed'; readonly error: AppError };

export type CommandStatuses = Readonly<Record<string, CommandStatus>>;

/** One key per thing a command acts on; a newer command on the same key supersedes an older one. */
export const commandKeys = {
  subscription: 'subscription',
  devices: 'devices',
  call: (callId: string) => `call:${callId}`,
  audioEngine: 'audio-engine',
  /** Apart from the call's other commands, so hanging up is never blocked behind them. */
  hangUp: (callId: string) => `hangup:${callId}`,
  volume: (callId: string) => `volume:${callId}`,
  incoming: (callId: string) => `incoming:${callId}`,
  /** Chat and SMS monitoring: one subscription per agent and channel, several at once. */
  messagingSubscription: (agentId: string, channel: MessagingChannel) => `messaging:${agentId}:${channel}`,
  /** Switching mode on a chat or SMS session. */
  conversation: (conversationId: string) => `conversation:${conversationId}`,
  /** Apart from switching, so a failed send keeps its own message (and its text) on the card. */
  send: (conversationId: string) => `send:${conversationId}`,
  leave: (conversationId: string) => `leave:${conversationId}`,
  /** One per part of the settings panel, so each shows its own saving and its own refusal. */
  settings: (part: string) => `settings:${part}`,
} as const;

export function startCommand(statuses: CommandStatuses, key: string, seq: number): CommandStatuses {
  return { ...statuses, [key]: { seq, phase: 'sending' } };
}

/** An answer to a superseded command changes nothing: the newer one decides what the key shows. */
export function finishCommand(
  statuses: CommandStatuses,
  key: string,
  seq: number,
  error: AppError | null,
): CommandStatuses {
  if (statuses[key]?.seq !== seq) return statuses;
  if (error !== null) return { ...statuses, [key]: { seq, phase: 'failed', error } };
  const { [key]: _finished, ...rest } = statuses;
  return rest;
}

export function dismissCommand(statuses: CommandStatuses, key: string): CommandStatuses {
  if (!(key in statuses)) return statuses;
  const { [key]: _dismissed, ...rest } = statuses;
  return rest;
}

/** Keys of calls and conversations that are gone are forgotten; returns the same object when nothing is dropped. */
export function pruneCommands(statuses: CommandStatuses, keep: (key: string) => boolean): CommandStatuses {
  const kept = Object.entries(statuses).filter(([key]) => keep(key));
  if (kept.length === Object.keys(statuses).length) return statuses;
  return Object.fromEntries(kept);
}

export function isSending(statuses: CommandStatuses, key: string): boolean {
  return statuses[key]?.phase === 'sending';
}

export function failureOf(statuses: CommandStatuses, key: string): AppError | null {
  const status = statuses[key];
  return status?.phase === 'failed' ? status.error : null;
}

import type { AppState } from '../../common/models/app-state';
import type { Conversation } from '../../common/models/messaging';
import type { MonitoredCall } from '../../common/models/voice';

/** idle: nothing monitored. monitoring: silent or writing only. live: a microphone is (or may be) open. */
export type TrayStatus = 'idle' | 'monitoring' | 'live';

export interface TrayState {
  readonly status: TrayStatus;
  /** Windows cuts tray tooltips at 127 characters; this never exceeds it. */
  readonly tooltip: string;
}

const tooltipLimit = 127;

/**
 * The tray icon and tooltip, derived from the app state alone. "Live" follows each call's audience,
 * which comes from the microphone's real state, so the tray never says "silent" while anyone can hear.
 */
export function trayState(state: AppState): TrayState {
  if (state.session === null) return { status: 'idle', tooltip: 'Earshot: signed out' };
  const connection = connectionNote(state);
  const liveCall = state.voice.calls.find((call) => call.audience !== 'nobody');
  if (liveCall) return { status: 'live', tooltip: clip(`Earshot: LIVE, ${whoHears(liveCall)}${connection}`) };

  const parts = [
    ...activity(state.voice.calls.length, 'call', 'calls'),
    ...messagingActivity(state.messaging.conversations),
  ];
  const subscription = state.voice.subscription;
  const watching =
    state.voice.calls.length === 0 && subscription !== null
      ? [`waiting for ${possessive(subscription.agentName)} next call`]
      : [];
  const messagingWaits =
    state.messaging.conversations.length === 0
      ? activity(state.messaging.subscriptions.length, 'chat/SMS subscription', 'chat/SMS subscriptions')
      : [];
  const all = [...parts, ...watching, ...messagingWaits];
  if (all.length === 0) return { status: 'idle', tooltip: clip(`Earshot: signed in, not monitoring${connection}`) };
  return { status: 'monitoring', tooltip: clip(`Earshot: monitoring ${all.join(', ')}${connection}`) };
}

function whoHears(call: MonitoredCall): string {
  const agent = call.agentName ?? 'the agent';
  return call.audience === 'agent'
    ? `${agent} can hear you`
    : `everyone on ${possessive(call.agentName)} call can hear you`;
}

function possessive(name: string | null): string {
  return name === null ? "the agent's" : `${name}'s`;
}

function activity(count: number, one: string, many: string): string[] {
  return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
}

function messagingActivity(conversations: readonly Conversation[]): string[] {
  const chats = conversations.filter((conversation) => conversation.channel === 'chat').length;
  const sms = conversations.filter((conversation) => conversation.channel === 'sms').length;
  const writing = conversations.filter((conversation) => conversation.mode !== 'Monitor').length;
  return [
    ...activity(chats, 'chat', 'chats'),
    ...activity(sms, 'SMS', 'SMS'),
    ...(writing > 0 ? [`visible in ${writing}`] : []),
  ];
}

function connectionNote(state: AppState): string {
  switch (state.connection.status) {
    case 'live-updates-down':
      return ' (live updates down)';
    case 'reconnecting':
      return ' (reconnecting)';
    case 'offline':
      return ' (offline)';
    default:
      return '';
  }
}

function clip(text: string): string {
  return text.length <= tooltipLimit ? text : `${text.slice(0, tooltipLimit - 1)}…`;
}

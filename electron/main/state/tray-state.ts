import type { AppState } from '../../common/models/app-state';
import type { Conversation } from '../../common/models/messaging';
import type { Audience, MonitoredCall } from '../../common/models/voice';
import { assertNever } from '../../common/result';

/** idle: nothing monitored. monitoring: silent or writing only. live: a microphone is (or may be) open. */
export type TrayStatus = 'idle' | 'monitoring' | 'live';

export interface TrayState {
  readonly status: TrayStatus;
  /** Windows cuts tray tooltips at 127 characters; this never exceeds it. */
  readonly tooltip: string;
}

const tooltipLimit = 127;

/**
 * The tray icon and tooltip, derived from the app state alone. "Live" follows the voice state's
 * overall audience, the one value every indicator shows, so the tray never says "silent" while
 * anyone can hear (signed out included: a leg still ending is still live).
 */
export function trayState(state: AppState): TrayState {
  const connection = connectionNote(state);
  if (state.voice.audience !== 'nobody') {
    const liveCall = state.voice.calls.find((call) => call.audience === state.voice.audience) ?? null;
    return {
      status: 'live',
      tooltip: clip(`Earshot: LIVE, ${whoHears(state.voice.audience, liveCall)}${connection}`),
    };
  }
  if (state.session === null) return { status: 'idle', tooltip: 'Earshot: signed out' };

  const parts = [
    ...activity(state.voice.calls.length, 'call', 'calls'),
    ...messagingActivity(state.messaging.conversations),
  ];
  const subscription = state.voice.subscription;
  const watching =
    state.voice.calls.length === 0 && subscription !== null
      ? [
          subscription.status === 'paused'
            ? `${possessive(subscription.agentName)} calls paused (audio window closed)`
            : `waiting for ${possessive(subscription.agentName)} next call`,
        ]
      : [];
  const messagingWaits =
    state.messaging.conversations.length === 0
      ? activity(state.messaging.subscriptions.length, 'chat/SMS subscription', 'chat/SMS subscriptions')
      : [];
  const all = [...parts, ...watching, ...messagingWaits];
  if (all.length === 0) return { status: 'idle', tooltip: clip(`Earshot: signed in, not monitoring${connection}`) };
  return { status: 'monitoring', tooltip: clip(`Earshot: monitoring ${all.join(', ')}${connection}`) };
}

function whoHears(audience: Audience, call: MonitoredCall | null): string {
  switch (audience) {
    case 'agent':
      return `${call?.agentName ?? 'the agent'} can hear you`;
    case 'caller':
      return 'the caller can hear you';
    case 'everyone':
      return `everyone on ${possessive(call?.agentName ?? null)} call can hear you`;
    case 'nobody':
      return 'nobody can hear you';
    default:
      return assertNever(audience);
  }
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

import type { AgentState } from '../../common/models/agent';
import type { AgentSnapshot } from '../state/app-state-reducers';
import type { WireUserState } from './wire/common';
import type { WireAvailabilityChannel, WireContact } from './wire/users';

export interface InteractionCounts {
  readonly chats: number;
  readonly smsSessions: number;
}

const smsChannelNames = new Set(['sms', 'smssession', 'smssessions']);

/** Contacts carry availability per channel (gws-api.md §7); the voice channel's state is the agent's state. */
export function contactToAgent(contact: WireContact, counts: InteractionCounts | null): AgentSnapshot {
  const channels = contact.availability?.channels ?? [];
  const voice = channels.find((channel) => channel.channel === 'voice');
  const chat = channels.find((channel) => channel.channel === 'chat');
  const sms = channels.find((channel) => smsChannelNames.has(channel.channel));
  const primary = voice ?? chat ?? sms;
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ').trim();
  return {
    id: contact.id,
    userName: contact.userName ?? contact.name ?? contact.id,
    displayName: fullName || contact.name || contact.userName || contact.id,
    extension: contact.phoneNumbers?.[0]?.phoneNumber ?? voice?.phoneNumber ?? null,
    state: agentStateFrom(primary),
    activity: {
      onCall: isBusy(voice),
      chats: counts?.chats ?? (isBusy(chat) ? 1 : 0),
      smsSessions: counts?.smsSessions ?? (isBusy(sms) ? 1 : 0),
    },
  };
}

/** Whether the agent has chat or SMS work whose size only the user resource can tell. */
export function hasMultimediaWork(contact: WireContact): boolean {
  return (contact.availability?.channels ?? []).some(
    (channel) => (channel.channel === 'chat' || smsChannelNames.has(channel.channel)) && isBusy(channel),
  );
}

function isBusy(channel: WireAvailabilityChannel | undefined): boolean {
  if (channel === undefined || channel.available === false) return false;
  const activity = channel.userActivity?.toLowerCase();
  return activity !== undefined && activity !== 'idle';
}

export function agentStateFrom(channel: WireAvailabilityChannel | undefined): AgentState {
  if (channel === undefined) return { kind: 'LoggedOut', label: 'Logged Out', reason: null };
  const userState = channel.userState;
  if (userState === undefined) {
    return channel.available === false
      ? { kind: 'LoggedOut', label: 'Logged Out', reason: null }
      : { kind: 'Unknown', label: 'Unknown', reason: null };
  }
  return fromUserState(userState);
}

export function fromUserState(userState: WireUserState): AgentState {
  const state = userState.state.replace(/[\s_-]/g, '').toLowerCase();
  const reason = userState.reason?.trim() || null;
  if (state === 'ready') return { kind: 'Ready', label: userState.displayName ?? 'Ready', reason: null };
  if (state === 'aftercallwork' || userState.workMode === 'AfterCallWork') {
    return { kind: 'AfterCallWork', label: userState.displayName ?? 'After Call Work', reason: null };
  }
  if (state === 'notready') {
    return {
      kind: 'NotReady',
      label: userState.displayName ?? 'Not Ready',
      reason: reason ?? nonDefaultWorkMode(userState.workMode),
    };
  }
  if (state === 'loggedout' || state === 'logout' || state === 'offline') {
    return { kind: 'LoggedOut', label: userState.displayName ?? 'Logged Out', reason: null };
  }
  return { kind: 'Unknown', label: userState.displayName ?? userState.state, reason };
}

function nonDefaultWorkMode(workMode: string | undefined): string | null {
  if (workMode === undefined || workMode === 'Unknown' || workMode === 'AuxWork') return null;
  return workMode;
}

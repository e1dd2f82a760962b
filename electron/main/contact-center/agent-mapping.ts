import type { AgentState } from '../../common/models/agent';
import { parseGwsDate, type WireUserState } from './wire/common';
import type { WireAvailabilityChannel, WireContact, WireUser } from './wire/users';

/** What one contact in a `GET /contacts` answer says about an agent (gws-api.md §7, A.13). */
export interface ContactReading {
  readonly id: string;
  readonly userName: string;
  readonly displayName: string;
  readonly extension: string | null;
  readonly groups: readonly string[];
  readonly state: AgentState;
  /** Channels whose `userActivity` is not Idle: the agent has work there, how much GWS does not say. */
  readonly busy: { readonly call: boolean; readonly chat: boolean; readonly sms: boolean };
}

/** An agent's live chat or SMS session as the user resource lists it (A.12). */
export interface ConversationSummary {
  readonly id: string;
  /** Epoch ms of its `receivedDate`; null when GWS gave none or one Earshot cannot read. */
  readonly receivedAt: number | null;
}

/** What `GET /users/{id}?subresources=chats,smssessions` says: exactly which conversations, since when. */
export interface ConversationsReading {
  readonly chats: readonly ConversationSummary[];
  readonly sms: readonly ConversationSummary[];
}

const smsChannelNames = new Set(['sms', 'smssession', 'smssessions']);

/** Contacts carry availability per channel (gws-api.md §7); the voice channel's state is the agent's state. */
export function readContact(contact: WireContact): ContactReading {
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
    groups: [...new Set(contact.businessUnits)],
    state: agentStateFrom(primary),
    busy: { call: isBusy(voice), chat: isBusy(chat), sms: isBusy(sms) },
  };
}

export function readConversations(user: WireUser): ConversationsReading {
  const summaries = (items: WireUser['chats']) =>
    (items ?? []).map((item) => ({
      id: item.id,
      receivedAt: item.receivedDate === undefined ? null : parseGwsDate(item.receivedDate),
    }));
  return { chats: summaries(user.chats), sms: summaries(user.smssessions) };
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

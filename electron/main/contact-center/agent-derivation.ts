import type {
  Agent,
  AgentInteraction,
  AgentStatusKind,
  InteractionKind,
  Since,
  VoiceMonitoring,
} from '../../common/models/agent';
import type { ContactReading, ConversationSummary, ConversationsReading } from './agent-mapping';

/** Everything Earshot last read about one agent, and when. */
export interface AgentFacts {
  readonly contact: ContactReading;
  readonly contactReadAt: number;
  /** The agent's chats and SMS sessions by id (user subresources); null until read. */
  readonly conversations: ConversationsReading | null;
  readonly conversationsReadAt: number | null;
}

export interface DeriveContext {
  /** When the read that brought these facts answered. */
  readonly readAt: number;
  /** When the agent was read before that; null: this is the first time Earshot sees the agent. */
  readonly previousReadAt: number | null;
  /** The signed-in supervisor's user id. */
  readonly selfId: string | null;
}

/**
 * A change seen between two reads at most this far apart is shown as seen ("04:12"); farther apart,
 * Earshot cannot tell when in between it happened, so the time shows as "at least".
 */
export const seenWithinMs = 15_000;

/**
 * The agent as the team view shows them, derived from the facts once, here: busy with any call, chat
 * or SMS outranks the state they set, and every time says how it is known (see `Since`). GWS gives no
 * time for another agent's state or call, so those times count from when Earshot saw them begin.
 */
export function deriveAgent(previous: Agent | undefined, facts: AgentFacts, context: DeriveContext): Agent {
  const { contact } = facts;
  const fresh = newSince(context);
  const interactions = [
    ...(contact.busy.call ? [continued(previous, 'call', null, fresh)] : []),
    ...conversationsOf(previous, facts, 'chat', fresh),
    ...conversationsOf(previous, facts, 'sms', fresh),
  ].sort((a, b) => a.since.at - b.since.at);
  const activity = {
    onCall: contact.busy.call,
    chats: interactions.filter((item) => item.kind === 'chat').length,
    smsSessions: interactions.filter((item) => item.kind === 'sms').length,
  };
  const kind = statusKind(contact, interactions.length > 0);
  const sameStatus =
    previous !== undefined &&
    previous.status.kind === kind &&
    previous.state.reason === contact.state.reason &&
    (kind !== 'Unknown' || previous.state.label === contact.state.label);
  return {
    id: contact.id,
    userName: contact.userName,
    displayName: contact.displayName,
    extension: contact.extension,
    groups: contact.groups,
    isSelf: contact.id === context.selfId,
    state: contact.state,
    status: { kind, since: sameStatus ? previous.status.since : fresh },
    activity,
    voiceMonitoring: voiceMonitoring(kind, activity.onCall),
    interactions,
  };
}

function voiceMonitoring(status: AgentStatusKind, onCall: boolean): VoiceMonitoring {
  if (status === 'LoggedOut') return 'logged-out';
  return onCall ? 'call-in-progress' : 'next-call';
}

function statusKind(contact: ContactReading, busy: boolean): AgentStatusKind {
  if (contact.state.kind === 'LoggedOut') return 'LoggedOut';
  if (busy) return 'Busy';
  return contact.state.kind;
}

/** When something that began since the last read began, as far as Earshot can tell. */
function newSince(context: DeriveContext): Since {
  const { readAt, previousReadAt } = context;
  const seen = previousReadAt !== null && readAt - previousReadAt <= seenWithinMs;
  return { at: readAt, basis: seen ? 'seen' : 'at-least' };
}

/** An interaction Earshot already knew keeps its start; a new one starts now. */
function continued(
  previous: Agent | undefined,
  kind: InteractionKind,
  id: string | null,
  fresh: Since,
): AgentInteraction {
  const known = previous?.interactions.find((item) => item.kind === kind && item.id === id);
  return { kind, id, since: known?.since ?? fresh };
}

/**
 * The agent's chats (or SMS sessions): the user resource's list where it is at least as recent as
 * the contact, with the start GWS reports; otherwise the contact's busy flag, as one conversation
 * whose id is not known (or the older list, while the flag still says busy).
 */
function conversationsOf(
  previous: Agent | undefined,
  facts: AgentFacts,
  kind: 'chat' | 'sms',
  fresh: Since,
): AgentInteraction[] {
  const listed =
    facts.conversations === null ? null : kind === 'chat' ? facts.conversations.chats : facts.conversations.sms;
  const listCurrent = listed !== null && (facts.conversationsReadAt ?? -Infinity) >= facts.contactReadAt;
  const busy = facts.contact.busy[kind];
  if (listed !== null && (listCurrent || (busy && listed.length > 0))) {
    return listed.map((summary) => fromSummary(previous, kind, summary, fresh));
  }
  return busy ? [continued(previous, kind, null, fresh)] : [];
}

function fromSummary(
  previous: Agent | undefined,
  kind: 'chat' | 'sms',
  summary: ConversationSummary,
  fresh: Since,
): AgentInteraction {
  if (summary.receivedAt !== null)
    return { kind, id: summary.id, since: { at: summary.receivedAt, basis: 'reported' } };
  const known = continued(previous, kind, summary.id, fresh);
  // The one whose id was not known yet is most likely this one: it keeps its start.
  if (known.since !== fresh) return known;
  const unnamed = previous?.interactions.find((item) => item.kind === kind && item.id === null);
  return unnamed ? { kind, id: summary.id, since: unnamed.since } : known;
}

/** The agent groups of the whole team, each once, sorted for a filter list. */
export function teamGroups(agents: Iterable<Agent>): string[] {
  const groups = new Set<string>();
  for (const agent of agents) for (const group of agent.groups) groups.add(group);
  return [...groups].sort((a, b) => a.localeCompare(b));
}

import type { ConversationEnding, ConversationState, Participant } from '../../common/models/messaging';

/**
 * Where a conversation's GWS state leaves the supervisor, and how it ended for them: pure decisions
 * over what GWS said, so the card and the history say the same thing for the same facts.
 */

/** GWS states after which the supervisor is no longer in the conversation. */
const endStates: ReadonlySet<string> = new Set(['Revoked', 'Completed', 'LeftChat']);

export function isEndState(state: string | undefined): state is string {
  return state !== undefined && endStates.has(state);
}

/** GWS's list of chat states is open; any state it adds while the supervisor is in it counts as under way. */
export function conversationStateOf(gwsState: string): ConversationState {
  switch (gwsState) {
    case 'Invited':
      return 'invited';
    case 'Accepted':
      return 'accepted';
    default:
      return 'live';
  }
}

export interface EndingFacts {
  readonly leftByMe: boolean;
  /** The GWS state the conversation ended with. */
  readonly finalState: string;
  /** The participants as GWS last listed them. */
  readonly participants: readonly Pick<Participant, 'role'>[];
}

/**
 * GWS says Revoked both when a chat is finished and when it goes back to a queue (gws-api.md §5.1).
 * Which one it was shows in who is still there: a customer with no agent left is waiting in a queue,
 * whereas a finished chat either lost its customer or still had its agent when it was closed.
 */
export function endingOf(facts: EndingFacts): ConversationEnding {
  if (facts.leftByMe) return 'you-left';
  if (facts.finalState !== 'Revoked') return 'ended';
  const customerThere = facts.participants.some((participant) => participant.role === 'Customer');
  const agentThere = facts.participants.some((participant) => participant.role === 'Agent');
  return customerThere && !agentThere ? 'requeued' : 'ended';
}

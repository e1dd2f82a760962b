import type { Conversation } from './messaging';
import type { MonitoredCall } from './voice';

/** What signing out or quitting would end, counted from main's state; null when nothing is live. */
export interface LiveMonitoring {
  /** "1 call and 3 chats", "2 calls, 1 chat and 1 SMS session". */
  readonly text: string;
  /** Someone hears or sees the supervisor in one of them right now. */
  readonly someoneHearsYou: boolean;
}

function counted(count: number, one: string, many: string): string | null {
  if (count === 0) return null;
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

export function describeLiveMonitoring(
  calls: ReadonlyArray<Pick<MonitoredCall, 'audience'>>,
  conversations: ReadonlyArray<Pick<Conversation, 'channel' | 'ended' | 'mode' | 'myVisibility'>>,
): LiveMonitoring | null {
  const liveConversations = conversations.filter((conversation) => !conversation.ended);
  const chats = liveConversations.filter((conversation) => conversation.channel === 'chat').length;
  const parts = [
    counted(calls.length, 'call', 'calls'),
    counted(chats, 'chat', 'chats'),
    counted(liveConversations.length - chats, 'SMS session', 'SMS sessions'),
  ].filter((part) => part !== null);
  const last = parts.pop();
  if (last === undefined) return null;
  const someoneHearsYou =
    calls.some((call) => call.audience !== 'nobody') ||
    liveConversations.some(
      (conversation) =>
        conversation.mode !== 'Monitor' ||
        (conversation.myVisibility !== null && conversation.myVisibility !== 'Supervisors'),
    );
  return { text: parts.length === 0 ? last : `${parts.join(', ')} and ${last}`, someoneHearsYou };
}

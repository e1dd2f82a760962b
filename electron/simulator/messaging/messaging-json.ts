import { formatGwsDate } from '../gws/http-io';
import type { Json } from '../gws/resources';
import type { Conversation, LoggedMessage, Participant, Sender } from './conversation';
import { supervisorCapabilities, type MessagingChannel } from './supervision-rules';

/** What the supervisor's copy of a chat says about its state: live, taken away, or left. */
export type SupervisorViewState = 'Chatting' | 'Revoked' | 'Completed';

export function conversationPath(kind: MessagingChannel, id: string): string {
  return kind === 'chat' ? `/chats/${id}` : `/smssessions/${id}`;
}

/** Global resource uris (gws-api.md §1.1): /api/v2/chats/{id}, /api/v2/smssessions/{id}. */
export function conversationUri(baseUrl: string, kind: MessagingChannel, id: string): string {
  return `${baseUrl}/api/v2${conversationPath(kind, id)}`;
}

function userUri(baseUrl: string, userId: string | null): string | undefined {
  return userId === null ? undefined : `${baseUrl}/api/v2/users/${userId}`;
}

/** A participant or a message's `from`, in the key order of seed 003. */
export function participantJson(baseUrl: string, person: Participant | Sender): Json {
  const json: Json = { nickname: person.nickname, type: person.role === 'customer' ? 'Customer' : 'Agent' };
  const uri = userUri(baseUrl, person.userId);
  if (uri) json.uri = uri;
  json.visibility = person.visibility;
  json.participantId = person.participantId;
  return json;
}

export function messageJson(baseUrl: string, message: LoggedMessage): Json {
  const json: Json = { index: message.index, type: message.type };
  if (message.text !== null) json.text = message.text;
  json.visibility = message.visibility;
  json.from = participantJson(baseUrl, message.from);
  json.timestamp = formatGwsDate(message.at);
  json.timestampSeconds = message.at;
  return json;
}

/**
 * The conversation as a supervisor in it sees it (gws-api.md §5.3, seed 003): everyone present,
 * agents first, then supervisors, then the customer; the viewer's capabilities follow their mode.
 */
export function supervisorConversationJson(
  baseUrl: string,
  conversation: Conversation,
  viewer: Participant,
  state: SupervisorViewState,
): Json {
  const present = conversation.present();
  const ordered = [
    ...present.filter((person) => person.role === 'agent'),
    ...present.filter((person) => person.role === 'supervisor'),
    ...present.filter((person) => person.role === 'customer'),
  ];
  return {
    id: conversation.id,
    state,
    chatType: 'Inbound',
    receivedDate: formatGwsDate(conversation.startedAt),
    uri: conversationUri(baseUrl, conversation.kind, conversation.id),
    path: conversationPath(conversation.kind, conversation.id),
    participants: ordered.map((person) => participantJson(baseUrl, person)),
    capabilities: state === 'Chatting' && viewer.mode ? supervisorCapabilities(viewer.mode) : [],
    userData: {},
  };
}

/** ChatStateChangeMessage with `chat`, or SMSsessionStateChangeMessage with `smssession`. */
export function stateMessageJson(
  kind: MessagingChannel,
  notificationType: 'StatusChange' | 'ParticipantsUpdated',
  resource: Json,
): Json {
  return kind === 'chat'
    ? { messageType: 'ChatStateChangeMessage', notificationType, chat: resource }
    : { messageType: 'SMSsessionStateChangeMessage', notificationType, smssession: resource };
}

/** MessageLogUpdated / NewMessages, naming the chat by chatUri + chatPath or the SMS session by smssessionUri. */
export function logMessageJson(baseUrl: string, conversation: Conversation, messages: readonly LoggedMessage[]): Json {
  const uri = conversationUri(baseUrl, conversation.kind, conversation.id);
  const links: Json =
    conversation.kind === 'chat'
      ? { chatUri: uri, chatPath: conversationPath('chat', conversation.id) }
      : { smssessionUri: uri };
  return {
    messageType: 'MessageLogUpdated',
    notificationType: 'NewMessages',
    ...links,
    messages: messages.map((message) => messageJson(baseUrl, message)),
  };
}

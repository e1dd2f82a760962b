import type { z } from 'zod';
import type { MessagingChannel } from '../../common/models/messaging';
import { err, ok, type AppError, type Result } from '../../common/result';
import { encodeUriComponentSafely } from '../../common/uri-text';
import {
  conversationListResponseSchema,
  conversationResponseSchema,
  messagesResponseSchema,
  parseEach,
  wireConversationSchema,
  wireMessageSchema,
  type WireConversation,
  type WireMessage,
} from '../contact-center/wire/messaging';
import type { IndexRange } from './transcript';

/** The two things chat/SMS supervision asks of GWS: operations, and reads whose body it parses. */
export interface MessagingGws {
  operation(path: string, body: { operationName: string } & Record<string, unknown>): Promise<Result<null>>;
  get(path: string, query?: Readonly<Record<string, string | number | undefined>>): Promise<Result<unknown>>;
}

/** Canonical spellings (gws-api.md §6): `/channels/smssession` to subscribe, `/me/smssessions/{id}` to act. */
export function monitoringPath(agentId: string, channel: MessagingChannel): string {
  return `/api/v2/users/${encodeUriComponentSafely(agentId)}/channels/${channel === 'chat' ? 'chat' : 'smssession'}`;
}

export function conversationPath(channel: MessagingChannel, id: string): string {
  return `${collectionPath(channel)}/${encodeUriComponentSafely(id)}`;
}

function collectionPath(channel: MessagingChannel): string {
  return channel === 'chat' ? '/api/v2/me/chats' : '/api/v2/me/smssessions';
}

export interface FetchedMessages {
  readonly messages: readonly WireMessage[];
  readonly rejected: readonly string[];
}

/** The whole message log, or the given range of it. */
export async function fetchMessages(
  api: MessagingGws,
  channel: MessagingChannel,
  id: string,
  range?: IndexRange,
): Promise<Result<FetchedMessages>> {
  const path = `${conversationPath(channel, id)}/messages`;
  const response = await api.get(path, range ? { startIndex: range.startIndex, count: range.count } : undefined);
  return parseBody(response, messagesResponseSchema, `GET ${path}`, (body) => {
    const { parsed, rejected } = parseEach(body.messages, wireMessageSchema);
    return { messages: parsed, rejected };
  });
}

export async function fetchConversation(
  api: MessagingGws,
  channel: MessagingChannel,
  id: string,
): Promise<Result<WireConversation>> {
  const path = conversationPath(channel, id);
  const response = await api.get(path);
  const body = parseBody(response, conversationResponseSchema, `GET ${path}`, (parsed) =>
    channel === 'chat' ? parsed.chat : parsed.smssession,
  );
  if (!body.ok) return body;
  const conversation = wireConversationSchema.safeParse(body.value);
  return conversation.success ? ok(conversation.data) : notUnderstood(`GET ${path}`, conversation.error.message);
}

/** The supervisor's live chats or SMS sessions with all fields (`?fields=*`, gws-api.md §1.4). */
export async function fetchConversations(
  api: MessagingGws,
  channel: MessagingChannel,
): Promise<Result<FetchedConversations>> {
  const path = collectionPath(channel);
  const response = await api.get(path, { fields: '*' });
  return parseBody(response, conversationListResponseSchema, `GET ${path}`, (body) => {
    const { parsed, rejected } = parseEach(
      (channel === 'chat' ? body.chats : body.smssessions) ?? [],
      wireConversationSchema,
    );
    return { conversations: parsed, rejected };
  });
}

export interface FetchedConversations {
  readonly conversations: readonly WireConversation[];
  readonly rejected: readonly string[];
}

function parseBody<S extends z.ZodType, T>(
  response: Result<unknown>,
  schema: S,
  where: string,
  pick: (body: z.output<S>) => T,
): Result<T> {
  if (!response.ok) return response;
  const parsed = schema.safeParse(response.value);
  return parsed.success ? ok(pick(parsed.data)) : notUnderstood(where, parsed.error.message);
}

function notUnderstood<T>(where: string, reason: string): Result<T> {
  return err('not-gws', 'The contact center answered in a form Earshot does not understand.', `${where}: ${reason}`);
}

/** The GWS statusCode behind a refusal, where the transport recorded it. */
export function refusedStatusCode(error: AppError): number | null {
  if (error.code !== 'gws-refused') return null;
  const match = /statusCode (\d+)/.exec(error.detail ?? '');
  return match ? Number(match[1]) : null;
}

import { z } from 'zod';
import type { MessagingChannel } from '../../../common/models/messaging';
import { decodeUriComponentOrNull, isWellFormedText } from '../../../common/uri-text';
import { epochMillisSchema, statusBodySchema, wireIdSchema } from './common';

/**
 * Chat and SMS as GWS sends them (gws-api.md §5–6, A.5–A.12, seed 003). Chat and SMS share one model;
 * only the payload keys differ (`chat` / `smssession`, `chatUri` / `smssessionUri`). Every field the
 * samples leave out somewhere is optional here, and unknown fields pass through.
 */

/** A participant: full in seed 003, only type/nickname/participantId in A.6, with `id`/`path` in A.9. */
export const wireParticipantSchema = z.looseObject({
  participantId: z.string().optional(),
  id: z.string().optional(),
  nickname: z.string().optional(),
  type: z.string().optional(),
  uri: z.string().optional(),
  path: z.string().optional(),
  visibility: z.string().optional(),
});
export type WireParticipant = z.infer<typeof wireParticipantSchema>;

/** Indices are numbers in every sample; a numeric string is tolerated. Either way a safe integer. */
const messageIndexSchema = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .pipe(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

/**
 * One line of a message log. `type` stays a string: beyond Text, ParticipantJoined/Left/Rejoined,
 * TypingStarted/Stopped, PushUrl, Notice and CustomNotice the list is open (gws-api.md §5.6).
 */
export const wireMessageSchema = z.looseObject({
  index: messageIndexSchema,
  type: z.string().default('Unknown'),
  text: z.string().optional(),
  url: z.string().optional(),
  noticeText: z.string().optional(),
  visibility: z.string().optional(),
  from: wireParticipantSchema.optional(),
  timestamp: z.string().optional(),
  timestampSeconds: epochMillisSchema.optional(),
});
export type WireMessage = z.infer<typeof wireMessageSchema>;

/** A chat or SMS session resource (§5.5, A.11) or its summary under a user (A.12: no state). */
export const wireConversationSchema = z.looseObject({
  id: wireIdSchema,
  state: z.string().optional(),
  chatType: z.string().optional(),
  receivedDate: z.string().optional(),
  uri: z.string().optional(),
  path: z.string().optional(),
  participants: z.array(wireParticipantSchema).optional(),
  capabilities: z.array(z.string()).optional(),
  userData: z.record(z.string(), z.unknown()).optional(),
  comment: z.string().optional(),
});
export type WireConversation = z.infer<typeof wireConversationSchema>;

const stateChangeCommon = {
  notificationType: z.string().optional(),
  referenceId: z.number().optional(),
};

export const chatStateChangeMessageSchema = z.looseObject({
  messageType: z.literal('ChatStateChangeMessage'),
  ...stateChangeCommon,
  chat: wireConversationSchema,
});

/** Seed 003: the SMS twin of ChatStateChangeMessage, its payload under `smssession`. */
export const smsStateChangeMessageSchema = z.looseObject({
  messageType: z.literal('SMSsessionStateChangeMessage'),
  ...stateChangeCommon,
  smssession: wireConversationSchema,
});

export const messageLogUpdatedSchema = z
  .looseObject({
    messageType: z.literal('MessageLogUpdated'),
    notificationType: z.string().optional(),
    chatUri: z.string().optional(),
    chatPath: z.string().optional(),
    smssessionUri: z.string().optional(),
    smssessionPath: z.string().optional(),
    messages: z.array(z.unknown()).default([]),
  })
  .refine(
    (message) =>
      [message.chatUri, message.chatPath, message.smssessionUri, message.smssessionPath].some(
        (link) => idFromLink(link) !== null,
      ),
    'MessageLogUpdated names no chat or SMS session',
  );

/** What a chat/SMS notification means, whatever its channel's spelling. */
export type MessagingNotification =
  | {
      readonly kind: 'state';
      readonly channel: MessagingChannel;
      readonly notificationType: string;
      readonly conversation: WireConversation;
    }
  | {
      readonly kind: 'log';
      readonly channel: MessagingChannel;
      readonly conversationId: string;
      readonly messages: readonly WireMessage[];
      /** Why each malformed line was skipped; the good lines around it still count. */
      readonly rejected: readonly string[];
    };

export const messagingMessageTypes: ReadonlySet<string> = new Set([
  'ChatStateChangeMessage',
  'SMSsessionStateChangeMessage',
  'MessageLogUpdated',
]);

/**
 * Normalises the `data` of a chat/SMS notification (envelopes are unwrapped by
 * notificationEnvelopeSchema). `topic` decides the channel of a log update that carries only a
 * path. Anything else, or a malformed message, is an error with the reason.
 */
export function parseMessagingNotification(
  data: unknown,
  topic = '',
): { ok: true; value: MessagingNotification } | { ok: false; reason: string } {
  const messageType =
    typeof data === 'object' && data !== null && 'messageType' in data ? String(data.messageType) : '';
  if (messageType === 'ChatStateChangeMessage') {
    const parsed = chatStateChangeMessageSchema.safeParse(data);
    if (!parsed.success) return { ok: false, reason: `${messageType}: ${parsed.error.message}` };
    return { ok: true, value: stateChange('chat', parsed.data.notificationType, parsed.data.chat) };
  }
  if (messageType === 'SMSsessionStateChangeMessage') {
    const parsed = smsStateChangeMessageSchema.safeParse(data);
    if (!parsed.success) return { ok: false, reason: `${messageType}: ${parsed.error.message}` };
    return { ok: true, value: stateChange('sms', parsed.data.notificationType, parsed.data.smssession) };
  }
  if (messageType === 'MessageLogUpdated') {
    const parsed = messageLogUpdatedSchema.safeParse(data);
    if (!parsed.success) return { ok: false, reason: `MessageLogUpdated: ${parsed.error.message}` };
    const { chatUri, chatPath, smssessionUri, smssessionPath, messages } = parsed.data;
    const smsId = idFromLink(smssessionUri) ?? idFromLink(smssessionPath);
    const chatId = idFromLink(chatUri) ?? idFromLink(chatPath);
    const channel: MessagingChannel =
      smsId !== null && (chatId === null || topic.endsWith('/smssessions')) ? 'sms' : 'chat';
    const conversationId = (channel === 'sms' ? smsId : chatId) as string;
    const { parsed: lines, rejected } = parseEach(messages, wireMessageSchema);
    return {
      ok: true,
      value: { kind: 'log', channel, conversationId, messages: lines.sort((a, b) => a.index - b.index), rejected },
    };
  }
  return { ok: false, reason: `not a chat or SMS message: ${messageType || 'no messageType'}` };
}

function stateChange(
  channel: MessagingChannel,
  notificationType: string | undefined,
  conversation: WireConversation,
): MessagingNotification {
  return { kind: 'state', channel, notificationType: notificationType ?? 'StatusChange', conversation };
}

/**
 * The last path segment of a uri or path (`…/api/v2/chats/{id}`, `/chats/{id}`, `chats/{id}`); null
 * where there is none or it does not decode to a usable id (a malformed `%` escape, a lone surrogate).
 */
export function idFromLink(link: string | undefined): string | null {
  if (!link) return null;
  const withoutQuery = link.split(/[?#]/, 1)[0] ?? '';
  const segment = withoutQuery.replace(/\/+$/, '').split('/').pop() ?? '';
  if (segment.length === 0 || segment.includes(':')) return null;
  const id = decodeUriComponentOrNull(segment);
  return id !== null && id.length > 0 && isWellFormedText(id) ? id : null;
}

/** The user id at the end of a participant's `uri` or `path` (`…/api/v2/users/{id}`). */
export function participantUserId(participant: WireParticipant): string | null {
  for (const link of [participant.uri, participant.path]) {
    if (link && /\/users\/[^/]+\/?$/.test(link)) return idFromLink(link);
  }
  return null;
}

export const messagesResponseSchema = statusBodySchema.pipe(
  z.looseObject({ statusCode: z.literal(0), messages: z.array(z.unknown()).default([]) }),
);

/** `GET /api/v2/me/chats?fields=*` → `chats`, `…/smssessions?fields=*` → `smssessions`; links only without fields. */
export const conversationListResponseSchema = statusBodySchema.pipe(
  z.looseObject({
    statusCode: z.literal(0),
    chats: z.array(z.unknown()).optional(),
    smssessions: z.array(z.unknown()).optional(),
    uris: z.array(z.string()).optional(),
  }),
);

export const conversationResponseSchema = statusBodySchema.pipe(
  z.looseObject({ statusCode: z.literal(0), chat: z.unknown().optional(), smssession: z.unknown().optional() }),
);

/** Parses each entry on its own, so one malformed line or session does not hide the others. */
export function parseEach<T>(entries: readonly unknown[], schema: z.ZodType<T>): { parsed: T[]; rejected: string[] } {
  const parsed: T[] = [];
  const rejected: string[] = [];
  for (const entry of entries) {
    const result = schema.safeParse(entry);
    if (result.success) parsed.push(result.data);
    else rejected.push(result.error.message);
  }
  return { parsed, rejected };
}

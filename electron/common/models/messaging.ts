import { z } from 'zod';
import { appErrorSchema } from '../result';
import { interactionEndingSchema } from './audit';

/** Chat and SMS supervision (gws-api.md §5–6): the same model, two channels. */
export const messagingChannelSchema = z.enum(['chat', 'sms']);
export type MessagingChannel = z.infer<typeof messagingChannelSchema>;

/** Monitor is silent (other supervisors only see it); Coach writes to agents; BargeIn to everyone. */
export const messagingModeSchema = z.enum(['Monitor', 'Coach', 'BargeIn']);
export type MessagingMode = z.infer<typeof messagingModeSchema>;

/** NextChat / AllChats, for chat and SMS alike (gws-api.md §10.3). */
export const messagingFrequencySchema = z.enum(['AllChats', 'NextChat']);
export type MessagingFrequency = z.infer<typeof messagingFrequencySchema>;

export const visibilitySchema = z.enum(['All', 'Agents', 'Supervisors']);
export type Visibility = z.infer<typeof visibilitySchema>;

export const messagingSubscriptionSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  channel: messagingChannelSchema,
  mode: messagingModeSchema,
  frequency: messagingFrequencySchema,
  nickname: z.string().nullable(),
  pending: z.boolean(),
});
export type MessagingSubscription = z.infer<typeof messagingSubscriptionSchema>;

export const participantSchema = z.object({
  participantId: z.string(),
  nickname: z.string(),
  /** Agent, Customer, or Supervisor (GWS types supervisors as Agent; main tells them apart). */
  role: z.enum(['Agent', 'Customer', 'Supervisor', 'Other']),
  visibility: visibilitySchema,
  isMe: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;

/**
 * What a transcript line is. GWS's list of message types is open (gws-api.md §5.6): main maps each
 * one it knows and shows any other as a `Notice` with its text, so the UI never meets a name it
 * cannot say.
 */
export const transcriptLineKindSchema = z.enum([
  'Text',
  'PushUrl',
  'ParticipantJoined',
  'ParticipantLeft',
  'ParticipantRejoined',
  'TypingStarted',
  'TypingStopped',
  'Notice',
]);
export type TranscriptLineKind = z.infer<typeof transcriptLineKindSchema>;

/** A conversation command on its way to GWS, so the card can say what it waits for. */
export const messagingCommandSchema = z.enum([
  'switch-to-monitor',
  'switch-to-coach',
  'switch-to-barge-in',
  'send',
  'leave',
]);
export type MessagingCommand = z.infer<typeof messagingCommandSchema>;

export const transcriptLineSchema = z.object({
  /** GWS message index: 1-based, increasing; the transcript is ordered by it. */
  index: z.number().int(),
  type: transcriptLineKindSchema,
  text: z.string().nullable(),
  from: z.object({ nickname: z.string(), role: participantSchema.shape.role, isMe: z.boolean() }).nullable(),
  /** Who could see this line. */
  visibility: visibilitySchema,
  at: z.number().nullable(),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

/**
 * How a conversation ended for the supervisor as its card says it, decided in main: they left it (it
 * goes on for the others), it went back to a queue, or the contact center ended their part. The same
 * words as the history's.
 */
export const conversationEndingSchema = interactionEndingSchema.extract(['you-left', 'requeued', 'ended']);
export type ConversationEnding = z.infer<typeof conversationEndingSchema>;

/**
 * Where a live conversation stands, mapped in main from GWS's open list of chat states (gws-api.md
 * §5): delivered but not yet accepted, accepted, or under way (Chatting, and any state GWS adds).
 * How it ended is `ending`, not a state.
 */
export const conversationStateSchema = z.enum(['invited', 'accepted', 'live']);
export type ConversationState = z.infer<typeof conversationStateSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  channel: messagingChannelSchema,
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  customerName: z.string().nullable(),
  /** Once ended, `ending` says how. */
  state: conversationStateSchema,
  /** True once Revoked/Completed/left: the card moves to history. */
  ended: z.boolean(),
  /** Null while live. */
  ending: conversationEndingSchema.nullable(),
  mode: messagingModeSchema,
  /** Who sees the supervisor now, from the supervisor's participant entry. */
  myVisibility: visibilitySchema.nullable(),
  participants: z.array(participantSchema).readonly(),
  /** Nicknames typing right now, where the server sends typing notifications. */
  typing: z.array(z.string()).readonly(),
  switchTargets: z.array(messagingModeSchema).readonly(),
  /** Null when the supervisor may write; otherwise why not, in words. */
  composerDisabledReason: z.string().nullable(),
  /** The audience of what the supervisor writes now. */
  sendVisibility: visibilitySchema.nullable(),
  /** The transcript as the supervisor reads it, in GWS index order (typing notices are not lines). */
  lines: z.array(transcriptLineSchema).readonly(),
  lastMessageAt: z.number().nullable(),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  pendingCommand: messagingCommandSchema.nullable(),
  error: appErrorSchema.nullable(),
});
export type Conversation = z.infer<typeof conversationSchema>;

export const messagingStateSchema = z.object({
  subscriptions: z.array(messagingSubscriptionSchema).readonly(),
  subscriptionError: appErrorSchema.nullable(),
  conversations: z.array(conversationSchema).readonly(),
  history: z.array(conversationSchema).readonly(),
});
export type MessagingState = z.infer<typeof messagingStateSchema>;

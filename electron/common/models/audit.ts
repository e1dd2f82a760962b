import { z } from 'zod';

/**
 * What the audit trail records: each supervisor action, written after GWS accepted it, and the life
 * of each interaction the supervisor was in, written by main where it learns it: `joined` (the
 * supervisor is on the call or in the conversation), `microphone-closed` (no longer heard, without
 * choosing it: Genesys switched the call, the device stopped) and `ended`. The history is folded
 * from these, so it outlives a sign-out or a restart.
 */
export const auditKindSchema = z.enum([
  'monitor',
  'cancel',
  'switch',
  'hang-up',
  'mute-agent',
  'unmute-agent',
  'send',
  'leave',
  'joined',
  'microphone-closed',
  'ended',
]);
export type AuditKind = z.infer<typeof auditKindSchema>;

export const auditChannelSchema = z.enum(['voice', 'chat', 'sms']);
export type AuditChannel = z.infer<typeof auditChannelSchema>;

/** Voice modes (ListenIn, Coach, BargeIn) and chat/SMS modes (Monitor, Coach, BargeIn). */
export const auditModeSchema = z.enum(['ListenIn', 'Monitor', 'Coach', 'BargeIn']);
export type AuditMode = z.infer<typeof auditModeSchema>;

/**
 * How an interaction ended for the supervisor, decided in main where it ends. `ended`: the contact
 * center ended it (the call was released, the conversation was finished). `requeued`: GWS took a
 * conversation from the supervisor (Revoked, which it says for a finished chat and a re-queued one
 * alike) while the customer was still in it and no agent was: it went back to a queue. `transferred`:
 * the call went on with another agent and the supervisor, monitoring only that agent, was released.
 * `you-left` (a conversation) and `you-hung-up` (a call): the supervisor's own choice; a monitored
 * one goes on for the others. `signed-out`: the supervisor signed out. `audio-lost`: the audio window
 * or page went away, which ends its calls.
 */
export const interactionEndingSchema = z.enum([
  'ended',
  'requeued',
  'transferred',
  'you-left',
  'you-hung-up',
  'signed-out',
  'audio-lost',
]);
export type InteractionEnding = z.infer<typeof interactionEndingSchema>;

/** What a monitoring service reports after each successful command and each start and end (`onAction`). */
export const supervisorActionSchema = z.object({
  kind: auditKindSchema,
  channel: auditChannelSchema,
  agentId: z.string().nullable(),
  /** The call or conversation; null for subscriptions, which are per agent. */
  interactionId: z.string().nullable(),
  mode: auditModeSchema.nullable(),
  /** The message sent, or the farewell written on leaving. */
  text: z.string().nullable(),
  /** Anything else worth keeping, in words ("Call scope, all calls"). */
  detail: z.string().nullable(),
  /** The customer (or an ordinary call's caller) where known. Lines written before it existed have none. */
  otherParty: z.string().nullable().default(null),
  /** How the interaction ended: on `ended` lines only. */
  ending: interactionEndingSchema.nullable().default(null),
  /** The agent a `transferred` interaction went on with, where GWS named one. */
  transferredTo: z.string().nullable().default(null),
});
/** As a service reports it: who the interaction is with and how it ended only where it has them. */
export type SupervisorAction = z.input<typeof supervisorActionSchema>;

/** One line of the audit file. */
export const auditEntrySchema = supervisorActionSchema.extend({
  time: z.iso.datetime(),
  /** The supervisor's user name in GWS. */
  supervisor: z.string(),
  agentName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditFilterSchema = z
  .object({
    /** Matches the agent's id or part of the name, ignoring case. */
    agent: z.string().trim().max(100).optional(),
    channel: auditChannelSchema.optional(),
    kind: auditKindSchema.optional(),
    /** Epoch ms, inclusive. */
    from: z.number().optional(),
    /** Epoch ms, exclusive. */
    to: z.number().optional(),
    /** Part of the interaction id, the message text, the detail or whom it was with, ignoring case. */
    text: z.string().trim().max(200).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** `audit:list`: newest first. */
export const auditQuerySchema = auditFilterSchema
  .extend({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema).readonly(),
  /** Entries matching the filter, across every kept file. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** Lines that could not be read (a line cut short by a crash); they are skipped, never shown half. */
  unreadableLines: z.number().int().nonnegative(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** `audit:exportCsv`: the UI saves the text under the suggested name (a download in both editions). */
export const auditExportSchema = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int().nonnegative(),
});
export type AuditExport = z.infer<typeof auditExportSchema>;

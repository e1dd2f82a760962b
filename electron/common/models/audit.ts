import { z } from 'zod';

/** Every supervisor action the audit trail records; each is written after GWS accepted it. */
export const auditKindSchema = z.enum([
  'monitor',
  'cancel',
  'switch',
  'hang-up',
  'mute-agent',
  'unmute-agent',
  'send',
  'leave',
]);
export type AuditKind = z.infer<typeof auditKindSchema>;

export const auditChannelSchema = z.enum(['voice', 'chat', 'sms']);
export type AuditChannel = z.infer<typeof auditChannelSchema>;

/** Voice modes (ListenIn, Coach, BargeIn) and chat/SMS modes (Monitor, Coach, BargeIn). */
export const auditModeSchema = z.enum(['ListenIn', 'Monitor', 'Coach', 'BargeIn']);
export type AuditMode = z.infer<typeof auditModeSchema>;

/** What a monitoring service reports after each successful command (`onAction`). */
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
});
export type SupervisorAction = z.infer<typeof supervisorActionSchema>;

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
    /** Part of the interaction id, the message text or the detail, ignoring case. */
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

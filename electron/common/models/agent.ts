import { z } from 'zod';

export const agentStateKindSchema = z.enum(['Ready', 'NotReady', 'AfterCallWork', 'LoggedOut', 'Unknown']);
export type AgentStateKind = z.infer<typeof agentStateKindSchema>;

/** The state the agent set, as the contact center reports it. */
export const agentStateSchema = z.object({
  kind: agentStateKindSchema,
  /** What the contact center calls the state ("Not Ready", "Ready"…). */
  label: z.string(),
  /** Not Ready reason or work mode, when the server gives one. */
  reason: z.string().nullable(),
});
export type AgentState = z.infer<typeof agentStateSchema>;

/** How Earshot knows when something began, so a time on screen never claims more than is known. */
export const sinceBasisSchema = z.enum([
  /** The contact center said when (a chat's or SMS session's `receivedDate`). */
  'reported',
  /** Earshot saw it begin, between two reads of the agent a short refresh apart. */
  'seen',
  /** It was already going when Earshot first saw it (or the reads were far apart): at least this long. */
  'at-least',
]);

export const sinceSchema = z.object({ at: z.number(), basis: sinceBasisSchema });
export type Since = z.infer<typeof sinceSchema>;

export const interactionKindSchema = z.enum(['call', 'chat', 'sms']);
export type InteractionKind = z.infer<typeof interactionKindSchema>;

export const agentInteractionSchema = z.object({
  kind: interactionKindSchema,
  /** Its GWS id; null where GWS says only that the agent is busy on that channel. */
  id: z.string().nullable(),
  since: sinceSchema,
});
export type AgentInteraction = z.infer<typeof agentInteractionSchema>;

/**
 * What the floor sees at a glance: an agent with a call, chat or SMS is Busy whatever state they
 * set, so Ready means free to take work. Derived once, in main.
 */
export const agentStatusKindSchema = z.enum(['Busy', 'Ready', 'NotReady', 'AfterCallWork', 'LoggedOut', 'Unknown']);
export type AgentStatusKind = z.infer<typeof agentStatusKindSchema>;

export const agentStatusSchema = z.object({ kind: agentStatusKindSchema, since: sinceSchema });

/** How many of each the agent has now; the same facts as `interactions`, counted once in main. */
export const agentActivitySchema = z.object({
  onCall: z.boolean(),
  chats: z.number().int().nonnegative(),
  smsSessions: z.number().int().nonnegative(),
});
export type AgentActivity = z.infer<typeof agentActivitySchema>;

/**
 * What Listen, Coach and Barge in can reach for this agent, decided once in main. GWS voice
 * monitoring waits for the agent's next call, except that Barge in joins a call in progress where
 * the contact center allows it (gws-api.md §4.2). A logged-out agent has no call to hear and none
 * coming until they log in, and a supervisor has one voice subscription at a time, so nothing is
 * offered for them (a subscription already on them stays, with its Cancel).
 */
export const voiceMonitoringSchema = z.enum(['call-in-progress', 'next-call', 'logged-out']);
export type VoiceMonitoring = z.infer<typeof voiceMonitoringSchema>;

export const agentSchema = z.object({
  id: z.string(),
  userName: z.string(),
  displayName: z.string(),
  /** The agent's DN, as dialled inside the contact center. */
  extension: z.string().nullable(),
  /** The agent groups (GWS business units) the agent is in; empty where GWS gives none. */
  groups: z.array(z.string()).readonly(),
  /** The signed-in supervisor's own entry, when their user is on the team too. */
  isSelf: z.boolean(),
  state: agentStateSchema,
  status: agentStatusSchema,
  activity: agentActivitySchema,
  voiceMonitoring: voiceMonitoringSchema,
  /** Live calls, chats and SMS sessions, oldest first. */
  interactions: z.array(agentInteractionSchema).readonly(),
});
export type Agent = z.infer<typeof agentSchema>;

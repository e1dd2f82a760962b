import { z } from 'zod';

export const agentStateKindSchema = z.enum(['Ready', 'NotReady', 'AfterCallWork', 'LoggedOut', 'Unknown']);
export type AgentStateKind = z.infer<typeof agentStateKindSchema>;

export const agentStateSchema = z.object({
  kind: agentStateKindSchema,
  /** What the contact center calls the state ("Not Ready", "Ready"…). */
  label: z.string(),
  /** Not Ready reason or work mode, when the server gives one. */
  reason: z.string().nullable(),
});
export type AgentState = z.infer<typeof agentStateSchema>;

export const agentActivitySchema = z.object({
  onCall: z.boolean(),
  chats: z.number().int().nonnegative(),
  smsSessions: z.number().int().nonnegative(),
});
export type AgentActivity = z.infer<typeof agentActivitySchema>;

export const agentSchema = z.object({
  id: z.string(),
  userName: z.string(),
  displayName: z.string(),
  /** The agent's DN, as dialled inside the contact center. */
  extension: z.string().nullable(),
  state: agentStateSchema,
  /** Epoch ms when the current state was first seen by this app. */
  stateSince: z.number(),
  activity: agentActivitySchema,
});
export type Agent = z.infer<typeof agentSchema>;

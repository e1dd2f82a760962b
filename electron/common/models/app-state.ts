import { z } from 'zod';
import { appErrorSchema } from '../result';
import { agentSchema } from './agent';
import { historyStateSchema } from './history';
import { messagingStateSchema } from './messaging';
import { settingsViewSchema } from './settings';
import { voiceStateSchema } from './voice';

/**
 * `connected`: live updates (CometD) and requests (REST) both work. `live-updates-down`: CometD
 * fails while REST still answers, so the team refreshes but calls and chats may show late.
 * `reconnecting`: REST fails too, or it is not known yet; `offline` once that has lasted a while.
 */
export const connectionStatusSchema = z.enum([
  'signed-out',
  'signing-in',
  'connected',
  'live-updates-down',
  'reconnecting',
  'offline',
  'signing-out',
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const connectionSchema = z.object({
  status: connectionStatusSchema,
  /** Why the app is in this state, in words for the supervisor ("Server not answering; retrying in 4 s"). */
  message: z.string().nullable(),
  since: z.number(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const sessionSchema = z.object({
  supervisor: z.object({ id: z.string(), userName: z.string(), displayName: z.string() }),
  server: z.object({ baseUrl: z.string(), isDemo: z.boolean() }),
  /**
   * What StartContactCenterSession did not start on a partial success (statusCode 7): channel names,
   * or the server's own words where it named none. Absent when every channel started.
   */
  channelsNotStarted: z.array(z.string()).readonly().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

/** Reading the whole team from GWS, page by page, against the `totalCount` it announced. */
export const teamLoadSchema = z.object({
  /** `incomplete`: the server announced more agents than it sent. */
  status: z.enum(['loading', 'complete', 'incomplete']),
  /** Agents received so far. */
  received: z.number().int().nonnegative(),
  /** What GWS says the team has (`totalCount`); null until it says. */
  expected: z.number().int().nonnegative().nullable(),
});
export type TeamLoad = z.infer<typeof teamLoadSchema>;

export const teamSchema = z.object({
  agents: z.array(agentSchema).readonly(),
  /** Epoch ms of the last successful refresh; null until the first. */
  refreshedAt: z.number().nullable(),
  error: appErrorSchema.nullable(),
  load: teamLoadSchema,
  /** Every agent group on the team, sorted, for filtering; empty where GWS gives none. */
  groups: z.array(z.string()).readonly(),
});

export const appStateSchema = z.object({
  connection: connectionSchema,
  session: sessionSchema.nullable(),
  /** The last sign-in failure or the reason the session ended, shown on the sign-in screen. */
  signInError: appErrorSchema.nullable(),
  team: teamSchema,
  voice: voiceStateSchema,
  messaging: messagingStateSchema,
  /** Ended calls and conversations of the signed-in supervisor, from the audit trail. */
  history: historyStateSchema,
  /**
   * The settings as main holds them, with what the settings screen needs beside them (remembered
   * passwords, hotkey problems, what this edition offers); null only until main first reads them.
   */
  settings: settingsViewSchema.nullable(),
});
export type AppState = z.infer<typeof appStateSchema>;

import { z } from 'zod';
import { agentSchema } from './agent';
import { appStateSchema, teamSchema } from './app-state';

/**
 * What changed in the app state since the last state main sent a window, so a large team is not
 * sent whole (and parsed and compared whole) on every change. Parts of the state are replaced whole
 * when they changed; the team's agents travel as the agents that changed or joined and the ids of
 * those who left. Main keeps the order of agents (in place, joiners at the end); `order` is sent
 * only when it is anything else.
 */
export const teamPatchSchema = teamSchema
  .omit({ agents: true })
  .partial()
  .extend({
    upsert: z.array(agentSchema).readonly(),
    remove: z.array(z.string()).readonly(),
    order: z.array(z.string()).readonly().nullable(),
  });
export type TeamPatch = z.infer<typeof teamPatchSchema>;

export const statePatchSchema = appStateSchema
  .omit({ team: true })
  .partial()
  .extend({ team: teamPatchSchema.optional() });
export type StatePatch = z.infer<typeof statePatchSchema>;

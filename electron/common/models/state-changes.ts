import { z } from 'zod';
import { agentSchema } from './agent';
import { appStateSchema, teamSchema, type AppState } from './app-state';
import { historyItemSchema, historyStateSchema } from './history';
import { conversationSchema, messagingStateSchema, transcriptLineSchema } from './messaging';
import { incomingCallSchema, monitoredCallSchema, voiceStateSchema } from './voice';

/*
 * How the app state travels from main to a window: a snapshot numbered with the sequence number of
 * the last change it includes, then numbered batches of changes, each applying to the state the
 * previous one left. A window that sees a number out of turn (a gap) asks for a snapshot.
 *
 * A change is keyed, per slice: a slice's plain fields are replaced when they changed; its lists of
 * things with an `id` (agents, calls, conversations) travel as upserts by id, carrying only the
 * fields that changed (all of them for a newcomer), removals by id, and the order only when it is
 * not the old order with leavers out and newcomers last. So a typing notice is one conversation's
 * `typing`, a call's statistics are its `audio`, a team refresh is the agents that changed. A
 * conversation's new lines come as `append.lines` of the same upsert as its other changed fields
 * (its last message time, who is typing): one change, whatever the order of events in main.
 *
 * Why not immer patches: main's transitions are plain spreads that keep every object they did not
 * change, so comparing references finds what changed without rewriting every reducer for immer; an
 * immer patch names a list item by its position, which shifts when a conversation ends, where an
 * id does not; and a keyed change is checked by the schema of what it changes, where a patch's
 * value is `unknown` to the window until the whole state is checked again.
 */

function listChangesSchema<Shape extends { id: z.ZodString }, Append extends z.ZodRawShape>(
  entity: z.ZodObject<Shape>,
  append: z.ZodObject<Append>,
) {
  const appendSchema = append.partial().strict();
  return z.object({
    /**
     * New entities (every field) and changed ones (the changed fields), by id; `append` adds items
     * at the end of a list field instead of sending it whole.
     */
    upsert: z.array(entity.partial().extend({ id: z.string(), append: appendSchema.optional() })).readonly(),
    remove: z.array(z.string()).readonly(),
    /** Every id in order, when the order is anything but the old one with newcomers last. */
    order: z.array(z.string()).readonly().nullable(),
  });
}
/** The lists the changes key by id, slice by slice, with the schema a newcomer must satisfy. */
export const keyedLists = {
  team: { agents: agentSchema },
  voice: { calls: monitoredCallSchema, incoming: incomingCallSchema },
  messaging: { conversations: conversationSchema, history: conversationSchema },
  history: { items: historyItemSchema },
} as const;

/** List fields of an entity that grow at the end: their new items travel, not the whole list. */
export const appendableFields: ReadonlySet<string> = new Set(['lines']);
const conversationAppend = z.object({ lines: z.array(transcriptLineSchema).readonly() });
const noAppend = z.object({});
export type KeyedSlice = keyof typeof keyedLists;

export const stateChangesSchema = appStateSchema
  .omit({ team: true, voice: true, messaging: true, history: true })
  .partial()
  .extend({
    team: teamSchema
      .omit({ agents: true })
      .partial()
      .extend({ agents: listChangesSchema(agentSchema, noAppend).optional() })
      .optional(),
    voice: voiceStateSchema
      .omit({ calls: true, incoming: true })
      .partial()
      .extend({
        calls: listChangesSchema(monitoredCallSchema, noAppend).optional(),
        incoming: listChangesSchema(incomingCallSchema, noAppend).optional(),
      })
      .optional(),
    messaging: messagingStateSchema
      .omit({ conversations: true, history: true })
      .partial()
      .extend({
        conversations: listChangesSchema(conversationSchema, conversationAppend).optional(),
        history: listChangesSchema(conversationSchema, conversationAppend).optional(),
      })
      .optional(),
    history: historyStateSchema
      .omit({ items: true })
      .partial()
      .extend({ items: listChangesSchema(historyItemSchema, noAppend).optional() })
      .optional(),
  });
export type StateChanges = z.infer<typeof stateChangesSchema>;

/** The state as of change `seq` (0: before any change). */
export const stateSnapshotSchema = z.object({ seq: z.number().int().nonnegative(), state: appStateSchema });
export type StateSnapshot = { readonly seq: number; readonly state: AppState };

/** Change number `seq`: it applies to the state as of `seq - 1`. */
export const stateChangesFrameSchema = z.object({ seq: z.number().int().positive(), changes: stateChangesSchema });
export type StateChangesFrame = z.infer<typeof stateChangesFrameSchema>;

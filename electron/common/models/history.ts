import { z } from 'zod';
import { auditChannelSchema, interactionEndingSchema } from './audit';

/**
 * How an interaction in the history ended: as the audit trail says, or `earshot-closed` where it
 * says nothing (Earshot quit or crashed while the supervisor was in it), never "still live".
 */
export const historyEndingSchema = z.enum([...interactionEndingSchema.options, 'earshot-closed']);
export type HistoryEnding = z.infer<typeof historyEndingSchema>;

/** What the supervisor did for a while: a mode they were in, or an ordinary call they talked on. */
export const historyActivitySchema = z.enum(['listened', 'monitored', 'coached', 'barged-in', 'talked']);
export type HistoryActivity = z.infer<typeof historyActivitySchema>;

/**
 * `readable`: main still holds the transcript (a conversation of this session). `not-kept`: a
 * conversation of an earlier session, or one the in-memory history let go. `none`: a call.
 */
export const historyTranscriptSchema = z.enum(['readable', 'not-kept', 'none']);
export type HistoryTranscript = z.infer<typeof historyTranscriptSchema>;

/** One ended call or conversation, folded in main from the audit trail; every figure is main's. */
export const historyItemSchema = z.object({
  /** `<channel>:<interactionId>`. */
  id: z.string(),
  interactionId: z.string(),
  channel: auditChannelSchema,
  agentName: z.string().nullable(),
  /** The customer, or an ordinary call's caller, where known. */
  otherParty: z.string().nullable(),
  startedAt: z.number(),
  endedAt: z.number(),
  /** From joining to the end; time between leaving and joining again does not count. */
  lengthMs: z.number().nonnegative(),
  ending: historyEndingSchema,
  /** Why, in words, where the trail says more than the ending does ("The audio window was closed."). */
  endingDetail: z.string().nullable(),
  /** The agent a `transferred` interaction went on with, where known. */
  transferredTo: z.string().nullable(),
  /**
   * The supervisor's time in each activity they took up, in that order, however short (a Coach
   * subscription listens while the microphone opens); sums to at most `lengthMs`.
   */
  youDid: z.array(z.object({ activity: historyActivitySchema, ms: z.number().nonnegative() })).readonly(),
  transcript: historyTranscriptSchema,
});
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historyStateSchema = z.object({
  /** Reading the audit trail after sign-in; the items come when it is read. */
  loading: z.boolean(),
  /** The most recent first. */
  items: z.array(historyItemSchema).readonly(),
});

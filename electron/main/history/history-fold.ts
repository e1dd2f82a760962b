import type { AuditChannel, AuditEntry, AuditMode } from '../../common/models/audit';
import type { HistoryActivity, HistoryEnding, HistoryItem, HistoryTranscript } from '../../common/models/history';
import { assertNever } from '../../common/result';

/*
 * The history, folded from the audit trail: one interaction per call or conversation (its channel
 * and id), from the supervisor joining it to its end, with the time spent in each activity. Pure:
 * entries in, the fold out; the history service reads the trail and publishes what this derives.
 *
 * - `joined` starts an interaction (or takes one up again that ended: a chat rejoined, one GWS
 *   delivers anew); `switch` and `microphone-closed` change what the supervisor is doing; `ended`
 *   ends it. Any other line of an open interaction shows it was still going then.
 * - Lines of an interaction with no `joined` before them are not enough to say what happened, and
 *   change nothing.
 * - Time only moves forward within an interaction: a line stamped earlier than the one before it (a
 *   clock set back) counts as the same moment, so the activities never add up to more than its length.
 */

interface Spent {
  readonly activity: HistoryActivity;
  readonly ms: number;
}

interface Interaction {
  readonly channel: AuditChannel;
  readonly interactionId: string;
  readonly agentName: string | null;
  readonly otherParty: string | null;
  readonly startedAt: number;
  /** The latest moment a line of it was written. */
  readonly lastAt: number;
  /** What the supervisor is doing and since when; null once it ended. */
  readonly current: { readonly activity: HistoryActivity; readonly since: number } | null;
  readonly spent: readonly Spent[];
  readonly end: {
    readonly ending: HistoryEnding;
    readonly detail: string | null;
    readonly transferredTo: string | null;
  } | null;
}

export interface HistoryFold {
  /** By `<channel>:<interactionId>`. */
  readonly interactions: ReadonlyMap<string, Interaction>;
}

export const emptyHistoryFold: HistoryFold = { interactions: new Map() };

export function historyKey(channel: AuditChannel, interactionId: string): string {
  return `${channel}:${interactionId}`;
}

/** A mode as what the supervisor did; no mode is an ordinary call, talked on by the supervisor's choice. */
function activityOf(mode: AuditMode | null): HistoryActivity {
  switch (mode) {
    case null:
      return 'talked';
    case 'ListenIn':
      return 'listened';
    case 'Monitor':
      return 'monitored';
    case 'Coach':
      return 'coached';
    case 'BargeIn':
      return 'barged-in';
    default:
      return assertNever(mode);
  }
}

/** The fold with `entries` (oldest first) applied; `fold` itself is left as it was. */
export function foldEntries(fold: HistoryFold, entries: readonly AuditEntry[]): HistoryFold {
  const interactions = new Map(fold.interactions);
  for (const entry of entries) {
    if (entry.interactionId === null) continue;
    const time = Date.parse(entry.time);
    if (!Number.isFinite(time)) continue;
    const key = historyKey(entry.channel, entry.interactionId);
    const next = applyEntry(interactions.get(key), entry, entry.interactionId, time);
    if (next !== undefined) interactions.set(key, next);
  }
  return { interactions };
}

function applyEntry(
  before: Interaction | undefined,
  entry: AuditEntry,
  interactionId: string,
  time: number,
): Interaction | undefined {
  if (before === undefined) {
    if (entry.kind !== 'joined') return undefined;
    return {
      channel: entry.channel,
      interactionId,
      agentName: entry.agentName,
      otherParty: entry.otherParty,
      startedAt: time,
      lastAt: time,
      current: { activity: activityOf(entry.mode), since: time },
      spent: [],
      end: null,
    };
  }
  const at = Math.max(time, before.lastAt);
  const named = {
    agentName: entry.agentName ?? before.agentName,
    otherParty: entry.otherParty ?? before.otherParty,
    lastAt: at,
  };
  if (before.current === null) {
    if (entry.kind !== 'joined') return undefined;
    return { ...before, ...named, current: { activity: activityOf(entry.mode), since: at }, end: null };
  }
  switch (entry.kind) {
    case 'joined':
    case 'switch':
    case 'microphone-closed': {
      // A switch without a mode says nothing about what the supervisor does now.
      if (entry.kind !== 'joined' && entry.mode === null) return { ...before, ...named };
      return {
        ...before,
        ...named,
        spent: spend(before.spent, before.current.activity, at - before.current.since),
        current: { activity: activityOf(entry.mode), since: at },
      };
    }
    case 'ended':
      return close(before, named, at, {
        ending: entry.ending ?? 'ended',
        detail: entry.detail,
        transferredTo: entry.transferredTo,
      });
    case 'monitor':
    case 'cancel':
    case 'hang-up':
    case 'mute-agent':
    case 'unmute-agent':
    case 'send':
    case 'leave':
      return { ...before, ...named };
    default:
      return assertNever(entry.kind);
  }
}

function close(
  before: Interaction,
  change: Partial<Interaction>,
  at: number,
  end: NonNullable<Interaction['end']>,
): Interaction {
  const current = before.current;
  return {
    ...before,
    ...change,
    spent: current === null ? before.spent : spend(before.spent, current.activity, at - current.since),
    current: null,
    end,
  };
}

function spend(spent: readonly Spent[], activity: HistoryActivity, ms: number): readonly Spent[] {
  const index = spent.findIndex((item) => item.activity === activity);
  if (index === -1) return [...spent, { activity, ms }];
  return spent.map((item, at) => (at === index ? { activity, ms: item.ms + ms } : item));
}

/**
 * What is still open when the trail is read at sign-in was left open by an Earshot that quit or
 * crashed: nothing of this session is live yet. It ended then, as far as anyone can tell at its
 * last line.
 */
export function endInterrupted(fold: HistoryFold): HistoryFold {
  let interactions: Map<string, Interaction> | null = null;
  for (const [key, interaction] of fold.interactions) {
    if (interaction.current === null) continue;
    interactions ??= new Map(fold.interactions);
    interactions.set(
      key,
      close(interaction, {}, interaction.lastAt, { ending: 'earshot-closed', detail: null, transferredTo: null }),
    );
  }
  return interactions === null ? fold : { interactions };
}

function endedFirst(a: Interaction, b: Interaction): number {
  const keyA = historyKey(a.channel, a.interactionId);
  const keyB = historyKey(b.channel, b.interactionId);
  return b.lastAt - a.lastAt || b.startedAt - a.startedAt || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
}

/**
 * Keeps every open interaction and the `limit` that ended last: what the history shows, and what a
 * later line can still change. An older one taken up again starts afresh.
 */
export function keepRecent(fold: HistoryFold, limit: number): HistoryFold {
  const ended = [...fold.interactions.values()].filter((interaction) => interaction.current === null);
  if (ended.length <= limit) return fold;
  const dropped = new Set(ended.sort(endedFirst).slice(limit));
  return {
    interactions: new Map([...fold.interactions].filter(([, interaction]) => !dropped.has(interaction))),
  };
}

/**
 * The ended interactions, the last to end first, at most `limit`. `transcriptReadable` says which
 * conversations main still holds the transcript of.
 */
export function historyItems(
  fold: HistoryFold,
  limit: number,
  transcriptReadable: (channel: AuditChannel, interactionId: string) => boolean,
): HistoryItem[] {
  const ended = [...fold.interactions.values()].filter((interaction) => interaction.end !== null);
  return ended
    .sort(endedFirst)
    .slice(0, limit)
    .map((interaction) => {
      const end = interaction.end as NonNullable<Interaction['end']>;
      const transcript: HistoryTranscript =
        interaction.channel === 'voice'
          ? 'none'
          : transcriptReadable(interaction.channel, interaction.interactionId)
            ? 'readable'
            : 'not-kept';
      return {
        id: historyKey(interaction.channel, interaction.interactionId),
        interactionId: interaction.interactionId,
        channel: interaction.channel,
        agentName: interaction.agentName,
        otherParty: interaction.otherParty,
        startedAt: interaction.startedAt,
        endedAt: interaction.lastAt,
        lengthMs: interaction.lastAt - interaction.startedAt,
        ending: end.ending,
        endingDetail: end.detail,
        transferredTo: end.transferredTo,
        youDid: interaction.spent,
        transcript,
      };
    });
}

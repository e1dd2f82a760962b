import type { Conversation, TranscriptAppended, TranscriptLine } from '../../../electron/common/models/messaging';
import type { AppError } from '../../../electron/common/result';
import { shareStructure } from './share-structure';

/**
 * Chat and SMS transcripts as this window holds them. They travel apart from the app state: main
 * says how long each one is (`transcriptLength`) and sends the lines as appended batches, so the UI
 * keeps them here, keyed by conversation id, and asks for a whole one when what it holds disagrees.
 */
export interface HeldTranscript {
  /** Ordered by GWS index, as main orders them. */
  readonly lines: ReadonlyArray<TranscriptLine>;
  /** A `messaging:getTranscript` is on its way. */
  readonly loading: boolean;
  /** Why the last read failed; cleared by the next read that succeeds. */
  readonly error: AppError | null;
  /** The length main reported when a read failed: that length is not asked for again. */
  readonly failedAtLength: number | null;
}

export type HeldTranscripts = Readonly<Record<string, HeldTranscript>>;

export const emptyTranscript: HeldTranscript = { lines: [], loading: false, error: null, failedAtLength: null };

const noLines: ReadonlyArray<TranscriptLine> = [];

/**
 * `lines.slice(0, from)` + the batch, as main's contract says. A batch that starts past the end of
 * what is held means batches were missed; the held lines and the batch are then merged by index, and
 * the length that still disagrees brings a whole read.
 */
export function appendTranscript(held: HeldTranscript | undefined, appended: TranscriptAppended): HeldTranscript {
  const base = held ?? emptyTranscript;
  const lines =
    appended.from <= base.lines.length
      ? base.lines.slice(0, appended.from).concat(appended.lines)
      : mergeByIndex(appended.lines, base.lines);
  return { ...base, lines };
}

/**
 * A whole transcript read from main. Lines that arrived while the read was on its way and are not in
 * the answer are kept: main's transcripts only grow, and a line's index never changes meaning. Lines
 * already held keep their objects, so a read does not redraw the lines on screen.
 */
export function acceptTranscript(
  held: HeldTranscript | undefined,
  lines: ReadonlyArray<TranscriptLine>,
): HeldTranscript {
  const before = held?.lines ?? noLines;
  return {
    lines: mergeByIndex(shareStructure(before, lines), before),
    loading: false,
    error: null,
    failedAtLength: null,
  };
}

export function startLoading(held: HeldTranscript | undefined): HeldTranscript {
  return { ...(held ?? emptyTranscript), loading: true };
}

export function failLoading(
  held: HeldTranscript | undefined,
  error: AppError,
  lengthAtFailure: number | null,
): HeldTranscript {
  return { ...(held ?? emptyTranscript), loading: false, error, failedAtLength: lengthAtFailure };
}

/** `preferred` wins where both have a line with the same index. */
export function mergeByIndex(
  preferred: ReadonlyArray<TranscriptLine>,
  other: ReadonlyArray<TranscriptLine>,
): ReadonlyArray<TranscriptLine> {
  if (other.length === 0) return preferred;
  const taken = new Set(preferred.map((line) => line.index));
  const extra = other.filter((line) => !taken.has(line.index));
  if (extra.length === 0) return preferred;
  return [...preferred, ...extra].sort((a, b) => a.index - b.index);
}

export type TranscriptDecision = 'fetch' | 'check-later' | 'none';

/**
 * What to do about one conversation's transcript after a state snapshot. A length that disagrees is
 * usually the batch still on its way (main sends the state first), so it is checked again a little
 * later rather than read at once; one never held is read at once.
 */
export function decideTranscript(held: HeldTranscript | undefined, transcriptLength: number): TranscriptDecision {
  if (held === undefined) return 'fetch';
  if (held.loading || held.lines.length === transcriptLength) return 'none';
  if (held.failedAtLength === transcriptLength) return 'none';
  return 'check-later';
}

/** The conversations whose transcripts stay held: on the board or in the history. */
export function keptConversationIds(
  conversations: ReadonlyArray<Pick<Conversation, 'id'>>,
  history: ReadonlyArray<Pick<Conversation, 'id'>>,
): ReadonlySet<string> {
  return new Set([...conversations, ...history].map((conversation) => conversation.id));
}

/** Returns the same object when nothing is dropped, so subscribers are not woken. */
export function pruneTranscripts(transcripts: HeldTranscripts, keep: ReadonlySet<string>): HeldTranscripts {
  const ids = Object.keys(transcripts);
  if (ids.every((id) => keep.has(id))) return transcripts;
  return Object.fromEntries(Object.entries(transcripts).filter(([id]) => keep.has(id)));
}

import type { TranscriptLine } from '../../common/models/messaging';

/**
 * A conversation's transcript as main keeps it: lines in GWS index order, whatever order they came in.
 * GWS numbers every line of a message log from 1 without holes, so an index that jumps means lines
 * were missed (a dropped CometD connection) and must be fetched again. Pure: every change returns a
 * new transcript.
 */
export interface Transcript {
  /** What the supervisor reads, ordered by index. */
  readonly lines: readonly TranscriptLine[];
  /** Every index received, shown or not (typing notices take an index but are not shown), ascending. */
  readonly indices: readonly number[];
}

export interface IndexRange {
  readonly startIndex: number;
  readonly count: number;
}

export interface TranscriptChange {
  readonly transcript: Transcript;
  /** Position in `lines` from which the shown transcript changed; null when nothing shown changed. */
  readonly from: number | null;
  /** The lines seen for the first time, shown or not, by index. */
  readonly added: readonly TranscriptLine[];
}

export const emptyTranscript: Transcript = { lines: [], indices: [] };

/** Typing notices are lines of the log, but they only say who is typing right now. */
const hiddenTypes: ReadonlySet<string> = new Set(['TypingStarted', 'TypingStopped']);

export function isShown(line: TranscriptLine): boolean {
  return !hiddenTypes.has(line.type);
}

/** Adds lines in index order; an index already received is ignored, whatever the new line says. */
export function appendLines(transcript: Transcript, incoming: readonly TranscriptLine[]): TranscriptChange {
  const indices = transcript.indices.slice();
  const lines = transcript.lines.slice();
  const added: TranscriptLine[] = [];
  let from: number | null = null;
  for (const line of [...incoming].sort((a, b) => a.index - b.index)) {
    const at = lowerBound(indices, line.index, (index) => index);
    if (indices[at] === line.index) continue;
    indices.splice(at, 0, line.index);
    added.push(line);
    if (!isShown(line)) continue;
    const position = lowerBound(lines, line.index, (shown) => shown.index);
    lines.splice(position, 0, line);
    from = from === null ? position : Math.min(from, position);
  }
  if (added.length === 0) return { transcript, from: null, added };
  // Typing notices alone leave the shown lines as they were, object and all.
  return { transcript: { lines: from === null ? transcript.lines : lines, indices }, from, added };
}

export function highestIndex(transcript: Transcript): number {
  return transcript.indices.at(-1) ?? 0;
}

/**
 * The index ranges below the highest index received that never arrived, minus those already asked
 * for (so a line the server cannot return is not asked for again and again).
 */
export function missingRanges(transcript: Transcript, alreadyRequested: readonly IndexRange[] = []): IndexRange[] {
  const gaps: IndexRange[] = [];
  let previous = 0;
  for (const index of transcript.indices) {
    if (index > previous + 1) gaps.push({ startIndex: previous + 1, count: index - previous - 1 });
    previous = Math.max(previous, index);
  }
  return gaps.flatMap((gap) =>
    alreadyRequested.reduce<IndexRange[]>(
      (pieces, requested) => pieces.flatMap((piece) => subtract(piece, requested)),
      [gap],
    ),
  );
}

function subtract(range: IndexRange, remove: IndexRange): IndexRange[] {
  const end = range.startIndex + range.count;
  const removeEnd = remove.startIndex + remove.count;
  if (removeEnd <= range.startIndex || remove.startIndex >= end) return [range];
  const pieces: IndexRange[] = [];
  if (remove.startIndex > range.startIndex)
    pieces.push({ startIndex: range.startIndex, count: remove.startIndex - range.startIndex });
  if (removeEnd < end) pieces.push({ startIndex: removeEnd, count: end - removeEnd });
  return pieces;
}

function lowerBound<T>(items: readonly T[], index: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(items[middle] as T) < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TranscriptLine } from '../../../../../electron/common/models/messaging';
import {
  appendLines,
  emptyTranscript,
  highestIndex,
  isShown,
  missingRanges,
} from '../../../../../electron/main/monitoring/transcript';

function line(
  index: number,
  type: TranscriptLine['type'] = 'Text',
  text: string | null = `line ${index}`,
): TranscriptLine {
  return { index, type, text, from: null, visibility: 'All', at: 1_000 + index };
}

function indicesOf(lines: readonly TranscriptLine[]): number[] {
  return lines.map((shown) => shown.index);
}

describe('the transcript reducer', () => {
  test('appends in index order and says from where the shown transcript changed', () => {
    const first = appendLines(emptyTranscript, [line(1), line(2)]);
    assert.deepEqual(indicesOf(first.transcript.lines), [1, 2]);
    assert.equal(first.from, 0);
    const second = appendLines(first.transcript, [line(3)]);
    assert.equal(second.from, 2);
    assert.deepEqual(indicesOf(second.added), [3]);
    assert.equal(highestIndex(second.transcript), 3);
  });

  test('a batch in any order is placed by index', () => {
    const change = appendLines(emptyTranscript, [line(3), line(1), line(2)]);
    assert.deepEqual(indicesOf(change.transcript.lines), [1, 2, 3]);
    assert.deepEqual(indicesOf(change.added), [1, 2, 3]);
  });

  test('an out-of-order line is placed between the others, and the change starts there', () => {
    const before = appendLines(emptyTranscript, [line(1), line(2), line(4), line(5)]).transcript;
    const change = appendLines(before, [line(3)]);
    assert.deepEqual(indicesOf(change.transcript.lines), [1, 2, 3, 4, 5]);
    assert.equal(change.from, 2);
    assert.deepEqual(indicesOf(change.transcript.lines.slice(change.from ?? 0)), [3, 4, 5]);
  });

  test('duplicates, in a later batch or within one, are ignored and change nothing', () => {
    const before = appendLines(emptyTranscript, [line(1), line(2)]).transcript;
    const again = appendLines(before, [line(2, 'Text', 'a different text'), line(1)]);
    assert.equal(again.transcript, before);
    assert.equal(again.from, null);
    assert.deepEqual(again.added, []);
    const within = appendLines(emptyTranscript, [line(1), line(1, 'Text', 'twice')]);
    assert.equal(within.transcript.lines.length, 1);
    assert.equal(within.transcript.lines[0]?.text, 'line 1');
  });

  test('typing notices take their index but are not shown', () => {
    const change = appendLines(emptyTranscript, [
      line(1),
      line(2, 'TypingStarted', null),
      line(3, 'TypingStopped', null),
      line(4),
    ]);
    assert.deepEqual(indicesOf(change.transcript.lines), [1, 4]);
    assert.deepEqual(change.transcript.indices, [1, 2, 3, 4]);
    assert.deepEqual(missingRanges(change.transcript), []);
    const onlyTyping = appendLines(change.transcript, [line(5, 'TypingStarted', null)]);
    assert.equal(onlyTyping.from, null);
    assert.deepEqual(indicesOf(onlyTyping.added), [5]);
    assert.equal(isShown(line(6, 'TypingStopped')), false);
    assert.equal(isShown(line(6, 'Notice')), true);
  });

  test('a jump in the indices is a gap, reported as ranges to fetch', () => {
    const transcript = appendLines(emptyTranscript, [line(1), line(2), line(6), line(9)]).transcript;
    assert.deepEqual(missingRanges(transcript), [
      { startIndex: 3, count: 3 },
      { startIndex: 7, count: 2 },
    ]);
  });

  test('lines missing before the first one received are a gap too', () => {
    const transcript = appendLines(emptyTranscript, [line(4), line(5)]).transcript;
    assert.deepEqual(missingRanges(transcript), [{ startIndex: 1, count: 3 }]);
  });

  test('ranges already asked for are not asked for again, wholly or in part', () => {
    const transcript = appendLines(emptyTranscript, [line(1), line(10)]).transcript;
    assert.deepEqual(missingRanges(transcript, [{ startIndex: 2, count: 8 }]), []);
    assert.deepEqual(missingRanges(transcript, [{ startIndex: 4, count: 2 }]), [
      { startIndex: 2, count: 2 },
      { startIndex: 6, count: 4 },
    ]);
    assert.deepEqual(
      missingRanges(transcript, [
        { startIndex: 1, count: 3 },
        { startIndex: 8, count: 5 },
      ]),
      [{ startIndex: 4, count: 4 }],
    );
  });

  test('a filled gap is no longer missing', () => {
    const gappy = appendLines(emptyTranscript, [line(1), line(4)]).transcript;
    const filled = appendLines(gappy, [line(2), line(3)]);
    assert.deepEqual(missingRanges(filled.transcript), []);
    assert.equal(filled.from, 1);
    assert.deepEqual(indicesOf(filled.transcript.lines), [1, 2, 3, 4]);
  });

  test('a huge jump is one range, not a list of every index', () => {
    const transcript = appendLines(emptyTranscript, [line(1), line(1_000_000_000)]).transcript;
    assert.deepEqual(missingRanges(transcript), [{ startIndex: 2, count: 999_999_998 }]);
  });

  test('the transcript given is never changed', () => {
    const before = appendLines(emptyTranscript, [line(1), line(3)]).transcript;
    const snapshot = JSON.stringify(before);
    appendLines(before, [line(2), line(4)]);
    assert.equal(JSON.stringify(before), snapshot);
    assert.deepEqual(emptyTranscript, { lines: [], indices: [] });
  });
});

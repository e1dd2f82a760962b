import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptTranscript,
  appendTranscript,
  decideTranscript,
  emptyTranscript,
  failLoading,
  keptConversationIds,
  mergeByIndex,
  pruneTranscripts,
  startLoading,
} from '../../../../../renderer/ui/store/transcripts';
import type { HeldTranscript } from '../../../../../renderer/ui/store/transcripts';
import { makeLine } from '../fixtures';

const held = (indices: number[], extra: Partial<HeldTranscript> = {}): HeldTranscript => ({
  ...emptyTranscript,
  lines: indices.map((index) => makeLine(index)),
  ...extra,
});
const indicesOf = (transcript: HeldTranscript) => transcript.lines.map((line) => line.index);
const problem = { code: 'internal' as const, message: 'Earshot lost contact with its background service.' };

describe('appendTranscript', () => {
  test('appends a batch that starts at the end', () => {
    const before = held([1, 2, 3]);
    const after = appendTranscript(before, { conversationId: 'c1', from: 3, lines: [makeLine(4)] });
    assert.deepEqual(indicesOf(after), [1, 2, 3, 4]);
    // The lines already held stay the same objects, so their rows do not render again.
    assert.equal(after.lines[0], before.lines[0]);
    assert.equal(after.lines[2], before.lines[2]);
  });

  test('replaces from `from` on: lines fetched into a gap come with everything after them', () => {
    const before = held([1, 2, 5]);
    const after = appendTranscript(before, {
      conversationId: 'c1',
      from: 2,
      lines: [makeLine(3), makeLine(4), makeLine(5)],
    });
    assert.deepEqual(indicesOf(after), [1, 2, 3, 4, 5]);
    assert.equal(after.lines[1], before.lines[1]);
  });

  test('from 0 replaces the whole transcript', () => {
    const after = appendTranscript(held([1, 2]), {
      conversationId: 'c1',
      from: 0,
      lines: [makeLine(1), makeLine(2), makeLine(3)],
    });
    assert.deepEqual(indicesOf(after), [1, 2, 3]);
  });

  test('a batch past the end of what is held (batches missed) is merged by index, leaving the length short', () => {
    const after = appendTranscript(held([1, 2]), { conversationId: 'c1', from: 4, lines: [makeLine(7)] });
    assert.deepEqual(indicesOf(after), [1, 2, 7]);
    assert.equal(decideTranscript(after, 5), 'check-later');
  });

  test('a batch for a transcript not held yet starts one, and keeps a read on its way marked', () => {
    assert.deepEqual(
      indicesOf(appendTranscript(undefined, { conversationId: 'c1', from: 0, lines: [makeLine(1)] })),
      [1],
    );
    const loading = appendTranscript(startLoading(undefined), { conversationId: 'c1', from: 0, lines: [makeLine(1)] });
    assert.equal(loading.loading, true);
  });
});

describe('acceptTranscript', () => {
  test('takes the read and clears loading and errors', () => {
    const accepted = acceptTranscript(failLoading(startLoading(undefined), problem, 3), [makeLine(1), makeLine(2)]);
    assert.deepEqual(accepted, {
      lines: [makeLine(1), makeLine(2)],
      loading: false,
      error: null,
      failedAtLength: null,
    });
  });

  test('keeps lines that arrived while the read was on its way', () => {
    const during = appendTranscript(startLoading(undefined), { conversationId: 'c1', from: 2, lines: [makeLine(3)] });
    assert.deepEqual(indicesOf(acceptTranscript(during, [makeLine(1), makeLine(2)])), [1, 2, 3]);
  });

  test('where both have an index, the read wins', () => {
    const fresh = makeLine(2, { text: 'from main' });
    assert.deepEqual(acceptTranscript(held([1, 2]), [makeLine(1), fresh]).lines[1], fresh);
  });
});

describe('mergeByIndex', () => {
  test('orders by index and returns the preferred list itself when the other adds nothing', () => {
    const preferred = [makeLine(1), makeLine(3)];
    assert.equal(mergeByIndex(preferred, [makeLine(1)]), preferred);
    assert.deepEqual(
      mergeByIndex(preferred, [makeLine(2), makeLine(4)]).map((line) => line.index),
      [1, 2, 3, 4],
    );
  });
});

describe('decideTranscript', () => {
  test('reads at once a transcript never held', () => {
    assert.equal(decideTranscript(undefined, 0), 'fetch');
    assert.equal(decideTranscript(undefined, 12), 'fetch');
  });

  test('waits while a read is on its way, and does nothing when the lengths agree', () => {
    assert.equal(decideTranscript(startLoading(undefined), 5), 'none');
    assert.equal(decideTranscript(held([1, 2, 3]), 3), 'none');
  });

  test('a length that disagrees is checked again a little later (the batch usually follows the state)', () => {
    assert.equal(decideTranscript(held([1, 2, 3]), 4), 'check-later');
    assert.equal(decideTranscript(held([1, 2, 3]), 2), 'check-later');
  });

  test('a read that failed is not repeated until main reports another length', () => {
    const failed = failLoading(held([1]), problem, 3);
    assert.equal(decideTranscript(failed, 3), 'none');
    assert.equal(decideTranscript(failed, 4), 'check-later');
  });
});

describe('pruneTranscripts', () => {
  test('drops transcripts of conversations neither on the board nor in the history', () => {
    const transcripts = { c1: held([1]), c2: held([1, 2]), c3: held([]) };
    const keep = keptConversationIds([{ id: 'c1' }], [{ id: 'c3' }]);
    assert.deepEqual(Object.keys(pruneTranscripts(transcripts, keep)), ['c1', 'c3']);
  });

  test('returns the same object when nothing is dropped', () => {
    const transcripts = { c1: held([1]) };
    assert.equal(pruneTranscripts(transcripts, keptConversationIds([{ id: 'c1' }], [])), transcripts);
  });
});

describe('acceptTranscript keeps what is on screen', () => {
  test('lines already held keep their objects after a read', () => {
    const before = held([1, 2]);
    const after = acceptTranscript(before, [makeLine(1), makeLine(2), makeLine(3)]);
    assert.equal(after.lines[0], before.lines[0]);
    assert.equal(after.lines[1], before.lines[1]);
    assert.deepEqual(indicesOf(after), [1, 2, 3]);
  });
});

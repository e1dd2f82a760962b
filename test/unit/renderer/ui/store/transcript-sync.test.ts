import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';
import { startTranscriptSync } from '../../../../../renderer/ui/store/transcript-sync';
import type { SyncTimers } from '../../../../../renderer/ui/store/transcript-sync';
import type { AppState } from '../../../../../electron/common/models/app-state';
import type { Conversation, TranscriptLine } from '../../../../../electron/common/models/messaging';
import type { Result } from '../../../../../electron/common/result';
import { snapshotOf, makeAppState, makeConversation, makeLine, makeMessagingState } from '../fixtures';
import { createFakeBridge } from './fake-bridge';

/** Timers the test fires by hand, so nothing depends on the wall clock. */
function createManualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: SyncTimers = {
    setTimeout(run) {
      next += 1;
      pending.set(next, run);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    pendingCount: () => pending.size,
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const run of due) run();
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const lines = (count: number) => Array.from({ length: count }, (_, position) => makeLine(position + 1));
const stateWith = (conversations: Conversation[], history: Conversation[] = []) =>
  makeAppState({ messaging: makeMessagingState({ conversations, history }) });

function setup(
  reads: (id: string) => Promise<Result<ReadonlyArray<TranscriptLine>>> | Result<ReadonlyArray<TranscriptLine>>,
) {
  const fake = createFakeBridge({
    'messaging:getTranscript': (request) => reads((request as { conversationId: string }).conversationId),
  });
  const store = createAppStore({ theme: 'system' });
  const manual = createManualTimers();
  const stop = startTranscriptSync(fake.bridge, store, { timers: manual.timers, checkAfterMs: 1000 });
  const readCount = () =>
    fake.invocations.filter((invocation) => invocation.channel === 'messaging:getTranscript').length;
  const push = (state: AppState) => store.getState().mirrorActions.receiveSnapshot(snapshotOf(state));
  return { fake, store, manual, stop, readCount, push };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('startTranscriptSync', () => {
  test('reads a transcript once when its card appears, then follows appended batches', async () => {
    const { fake, store, stop, readCount, push } = setup(() => ({ ok: true, value: lines(3) }));
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 3 })]));
      assert.equal(store.getState().transcripts.c1?.loading, true);
      await settle();
      assert.deepEqual(
        store.getState().transcripts.c1?.lines.map((line) => line.index),
        [1, 2, 3],
      );
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 4 })]));
      fake.emitLines({ conversationId: 'c1', from: 3, lines: [makeLine(4)] });
      assert.deepEqual(
        store.getState().transcripts.c1?.lines.map((line) => line.index),
        [1, 2, 3, 4],
      );
      assert.equal(readCount(), 1);
    } finally {
      stop();
    }
  });

  test('a length that disagrees only briefly (the batch follows the state) brings no read', async () => {
    const { fake, manual, stop, readCount, push } = setup(() => ({ ok: true, value: lines(2) }));
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 2 })]));
      await settle();
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 3 })]));
      assert.equal(manual.pendingCount(), 1);
      fake.emitLines({ conversationId: 'c1', from: 2, lines: [makeLine(3)] });
      assert.equal(manual.pendingCount(), 0, 'the check is called off once the lengths agree');
      manual.fireAll();
      assert.equal(readCount(), 1);
    } finally {
      stop();
    }
  });

  test('a length that still disagrees a moment later is read again', async () => {
    const transcript = lines(2);
    const { store, manual, stop, readCount, push } = setup(() => ({ ok: true, value: [...transcript] }));
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 2 })]));
      await settle();
      transcript.push(makeLine(3), makeLine(4));
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 4 })]));
      manual.fireAll();
      assert.equal(readCount(), 2);
      await settle();
      assert.equal(store.getState().transcripts.c1?.lines.length, 4);
      assert.equal(manual.pendingCount(), 0);
    } finally {
      stop();
    }
  });

  test('a batch past the end of what is held (missed batches) is read whole once the check comes', async () => {
    const { fake, store, manual, stop, readCount, push } = setup(() => ({
      ok: true,
      value: lines(readCount() === 1 ? 2 : 6),
    }));
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 2 })]));
      await settle();
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 6 })]));
      fake.emitLines({ conversationId: 'c1', from: 5, lines: [makeLine(6)] });
      assert.equal(manual.pendingCount(), 1);
      manual.fireAll();
      await settle();
      assert.equal(readCount(), 2);
      assert.deepEqual(
        store.getState().transcripts.c1?.lines.map((line) => line.index),
        [1, 2, 3, 4, 5, 6],
      );
    } finally {
      stop();
    }
  });

  test('reads one conversation at a time and keeps batches that arrive meanwhile', async () => {
    const answer = deferred<Result<ReadonlyArray<TranscriptLine>>>();
    const { fake, store, stop, readCount, push } = setup(() => answer.promise);
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 2 })]));
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 3, lastMessageAt: 1 })]));
      fake.emitLines({ conversationId: 'c1', from: 2, lines: [makeLine(3)] });
      assert.equal(readCount(), 1);
      answer.resolve({ ok: true, value: lines(2) });
      await settle();
      assert.deepEqual(
        store.getState().transcripts.c1?.lines.map((line) => line.index),
        [1, 2, 3],
      );
    } finally {
      stop();
    }
  });

  test('a failed read is shown and not repeated until the length changes', async () => {
    const refusal = { code: 'invalid-input' as const, message: 'That conversation is no longer available.' };
    let fail = true;
    const { store, manual, stop, readCount, push } = setup(() =>
      fail ? { ok: false, error: refusal } : { ok: true, value: lines(4) },
    );
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 3 })]));
      await settle();
      assert.deepEqual(store.getState().transcripts.c1?.error, refusal);
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 3, lastMessageAt: 5 })]));
      manual.fireAll();
      assert.equal(readCount(), 1);
      fail = false;
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 4 })]));
      manual.fireAll();
      await settle();
      assert.equal(readCount(), 2);
      assert.equal(store.getState().transcripts.c1?.error, null);
    } finally {
      stop();
    }
  });

  test('keeps a transcript while its conversation is in the history, drops it when it leaves both', async () => {
    const { store, stop, readCount, push } = setup(() => ({ ok: true, value: lines(2) }));
    try {
      const live = makeConversation({ id: 'c1', transcriptLength: 2 });
      push(stateWith([live]));
      await settle();
      push(stateWith([], [{ ...live, ended: true, state: 'Revoked', endedAt: 10 }]));
      assert.equal(store.getState().transcripts.c1?.lines.length, 2);
      assert.equal(readCount(), 1, 'an ended conversation is not read again');
      push(stateWith([], []));
      assert.equal(store.getState().transcripts.c1, undefined);
    } finally {
      stop();
    }
  });

  test('a read that answers after its conversation is gone fills nothing', async () => {
    const answer = deferred<Result<ReadonlyArray<TranscriptLine>>>();
    const { store, stop, push } = setup(() => answer.promise);
    try {
      push(stateWith([makeConversation({ id: 'c1', transcriptLength: 2 })]));
      push(stateWith([]));
      answer.resolve({ ok: true, value: lines(2) });
      await settle();
      assert.equal(store.getState().transcripts.c1, undefined);
    } finally {
      stop();
    }
  });

  test('opening a history item reads its transcript when none is held', async () => {
    const ended = makeConversation({ id: 'h1', ended: true, state: 'Completed', endedAt: 5, transcriptLength: 2 });
    const { store, stop, readCount, push } = setup(() => ({ ok: true, value: lines(2) }));
    try {
      push(stateWith([], [ended]));
      assert.equal(readCount(), 0);
      store.getState().uiActions.openTranscript('h1');
      assert.equal(readCount(), 1);
      await settle();
      assert.equal(store.getState().transcripts.h1?.lines.length, 2);
    } finally {
      stop();
    }
  });

  test('stopping removes the listener and calls off pending checks', async () => {
    const { fake, manual, stop, push } = setup(() => ({ ok: true, value: lines(1) }));
    push(stateWith([makeConversation({ id: 'c1', transcriptLength: 1 })]));
    await settle();
    push(stateWith([makeConversation({ id: 'c1', transcriptLength: 2 })]));
    assert.equal(manual.pendingCount(), 1);
    stop();
    assert.equal(manual.pendingCount(), 0);
    assert.equal(fake.lineListenerCount(), 0);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  auditChannelSchema,
  auditEntrySchema,
  auditKindSchema,
  auditModeSchema,
  interactionEndingSchema,
  type AuditEntry,
} from '../../../../../electron/common/models/audit';
import {
  emptyHistoryFold,
  endInterrupted,
  foldEntries,
  historyItems,
  keepRecent,
  type HistoryFold,
} from '../../../../../electron/main/history/history-fold';

const start = Date.UTC(2025, 5, 2, 9);
const second = 1_000;

function line(seconds: number, overrides: Partial<AuditEntry>): AuditEntry {
  return {
    time: new Date(start + seconds * second).toISOString(),
    supervisor: 'sam',
    kind: 'switch',
    channel: 'voice',
    agentId: 'a1',
    agentName: 'Ava Reed',
    interactionId: 'call-1',
    mode: null,
    text: null,
    detail: null,
    otherParty: null,
    ending: null,
    transferredTo: null,
    ...overrides,
  };
}

const noTranscripts = () => false;

function itemsOf(entries: readonly AuditEntry[], fold: HistoryFold = emptyHistoryFold) {
  return historyItems(foldEntries(fold, entries), 200, noTranscripts);
}

describe('folding the audit trail into the history', () => {
  test('a call: whom it was with, what the supervisor did for how long, and how it ended', () => {
    const [item, ...rest] = itemsOf([
      line(0, { kind: 'joined', mode: 'ListenIn', otherParty: '+15550100' }),
      line(130, { kind: 'switch', mode: 'BargeIn' }),
      line(160, { kind: 'mute-agent', mode: 'BargeIn' }),
      line(175, { kind: 'switch', mode: 'ListenIn' }),
      line(190, { kind: 'hang-up', mode: 'ListenIn' }),
      line(200, { kind: 'ended', ending: 'you-hung-up', agentName: null }),
    ]);
    assert.equal(rest.length, 0);
    assert.deepEqual(item, {
      id: 'voice:call-1',
      interactionId: 'call-1',
      channel: 'voice',
      agentName: 'Ava Reed',
      otherParty: '+15550100',
      startedAt: start,
      endedAt: start + 200 * second,
      lengthMs: 200 * second,
      ending: 'you-hung-up',
      endingDetail: null,
      transferredTo: null,
      youDid: [
        { activity: 'listened', ms: 155 * second },
        { activity: 'barged-in', ms: 45 * second },
      ],
      transcript: 'none',
    });
  });

  test('a chat: monitored, coached, left; its transcript readable while main holds it', () => {
    const entries = [
      line(0, { kind: 'joined', channel: 'chat', interactionId: 'chat-1', mode: 'Monitor', otherParty: 'Robin' }),
      line(60, { kind: 'switch', channel: 'chat', interactionId: 'chat-1', mode: 'Coach' }),
      line(70, { kind: 'send', channel: 'chat', interactionId: 'chat-1', mode: 'Coach', text: 'Offer a refund' }),
      line(90, { kind: 'leave', channel: 'chat', interactionId: 'chat-1', mode: 'Coach' }),
      line(90, { kind: 'ended', channel: 'chat', interactionId: 'chat-1', ending: 'you-left' }),
    ];
    const fold = foldEntries(emptyHistoryFold, entries);
    const [readable] = historyItems(fold, 10, (channel, id) => channel === 'chat' && id === 'chat-1');
    assert.equal(readable?.transcript, 'readable');
    assert.equal(readable?.ending, 'you-left');
    assert.deepEqual(readable?.youDid, [
      { activity: 'monitored', ms: 60 * second },
      { activity: 'coached', ms: 30 * second },
    ]);
    assert.equal(historyItems(fold, 10, noTranscripts)[0]?.transcript, 'not-kept');
  });

  test('an ordinary call is what the supervisor talked on; the microphone closed by Genesys counts as listening', () => {
    assert.deepEqual(
      itemsOf([
        line(0, { kind: 'joined', interactionId: 'leg-1', mode: null, otherParty: 'Front desk' }),
        line(30, { kind: 'ended', interactionId: 'leg-1', ending: 'ended' }),
      ])[0]?.youDid,
      [{ activity: 'talked', ms: 30 * second }],
    );
    assert.deepEqual(
      itemsOf([
        line(0, { kind: 'joined', mode: 'ListenIn' }),
        line(10, { kind: 'switch', mode: 'BargeIn' }),
        line(40, { kind: 'microphone-closed', mode: 'ListenIn', detail: 'Genesys switched this call to Listen.' }),
        line(100, { kind: 'ended', ending: 'ended', detail: 'The monitored call ended.' }),
      ])[0]?.youDid,
      [
        { activity: 'listened', ms: 70 * second },
        { activity: 'barged-in', ms: 30 * second },
      ],
    );
  });

  test('what was open when Earshot closed ended then, at its last line, never live', () => {
    const fold = foldEntries(emptyHistoryFold, [
      line(0, { kind: 'joined', channel: 'sms', interactionId: 'sms-1', mode: 'Monitor', otherParty: '+1555' }),
      line(30, { kind: 'send', channel: 'sms', interactionId: 'sms-1', mode: 'Monitor' }),
    ]);
    assert.deepEqual(historyItems(fold, 10, noTranscripts), [], 'open: on the board, not in the history');
    const [item] = historyItems(endInterrupted(fold), 10, noTranscripts);
    assert.equal(item?.ending, 'earshot-closed');
    assert.equal(item?.endedAt, start + 30 * second);
    assert.deepEqual(item?.youDid, [{ activity: 'monitored', ms: 30 * second }]);
    assert.equal(endInterrupted(endInterrupted(fold)).interactions.size, 1);
  });

  test('taken up again (a chat rejoined): one row, its times without the gap, the last ending', () => {
    const chat = { channel: 'chat' as const, interactionId: 'chat-2' };
    const [item, ...rest] = itemsOf([
      line(0, { ...chat, kind: 'joined', mode: 'Monitor' }),
      line(60, { ...chat, kind: 'ended', ending: 'you-left' }),
      line(100, { ...chat, kind: 'send', mode: 'Coach' }),
      line(500, { ...chat, kind: 'joined', mode: 'Coach' }),
      line(560, { ...chat, kind: 'ended', ending: 'ended' }),
    ]);
    assert.equal(rest.length, 0);
    assert.equal(item?.lengthMs, 560 * second);
    assert.equal(item?.ending, 'ended');
    assert.deepEqual(item?.youDid, [
      { activity: 'monitored', ms: 60 * second },
      { activity: 'coached', ms: 60 * second },
    ]);
  });

  test('lines with nothing to attach to change nothing: no join before them, or no interaction at all', () => {
    const fold = foldEntries(emptyHistoryFold, [
      line(0, { kind: 'monitor', interactionId: null, mode: 'ListenIn' }),
      line(5, { kind: 'switch', interactionId: 'before-this-version', mode: 'BargeIn' }),
      line(9, { kind: 'ended', interactionId: 'before-this-version', ending: 'ended' }),
    ]);
    assert.equal(fold.interactions.size, 0);
  });

  test('a clock set back counts as the same moment: nothing negative, nothing longer than the call', () => {
    const [item] = itemsOf([
      line(100, { kind: 'joined', mode: 'ListenIn' }),
      line(40, { kind: 'switch', mode: 'BargeIn' }),
      line(160, { kind: 'ended', ending: 'ended' }),
    ]);
    assert.equal(item?.lengthMs, 60 * second);
    assert.deepEqual(item?.youDid, [
      { activity: 'listened', ms: 0 },
      { activity: 'barged-in', ms: 60 * second },
    ]);
  });

  test('every activity taken up is said, however short: joining to listen while the microphone opens', () => {
    assert.deepEqual(
      itemsOf([
        line(0, { kind: 'joined', mode: 'ListenIn' }),
        line(0.2, { kind: 'switch', mode: 'Coach' }),
        line(60, { kind: 'ended', ending: 'ended' }),
      ])[0]?.youDid,
      [
        { activity: 'listened', ms: 200 },
        { activity: 'coached', ms: 59_800 },
      ],
    );
  });

  test('the last to end first, at most the limit; keepRecent drops the oldest ended but never an open one', () => {
    const entries = [0, 1, 2, 3].flatMap((index) => [
      line(index * 10, { kind: 'joined', interactionId: `call-${index}`, mode: 'ListenIn' }),
      line(index * 10 + 5, { kind: 'ended', interactionId: `call-${index}`, ending: 'ended' }),
    ]);
    const open = line(1, { kind: 'joined', interactionId: 'live', mode: 'ListenIn' });
    const fold = foldEntries(emptyHistoryFold, [open, ...entries]);
    assert.deepEqual(
      historyItems(fold, 3, noTranscripts).map((item) => item.interactionId),
      ['call-3', 'call-2', 'call-1'],
    );
    const kept = keepRecent(fold, 2);
    assert.deepEqual([...kept.interactions.keys()].sort(), ['voice:call-2', 'voice:call-3', 'voice:live']);
    assert.equal(keepRecent(kept, 2), kept, 'nothing to drop: the same fold');
  });

  test('folding leaves the fold it started from as it was', () => {
    const before = foldEntries(emptyHistoryFold, [line(0, { kind: 'joined', mode: 'ListenIn' })]);
    foldEntries(before, [line(10, { kind: 'ended', ending: 'ended' })]);
    endInterrupted(before);
    assert.deepEqual(historyItems(before, 10, noTranscripts), []);
  });
});

describe('folding any sequence of valid lines', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const lineArbitrary: fc.Arbitrary<AuditEntry> = fc
    .record({
      // Mostly forward in time, sometimes back (a clock set back), sometimes the same moment.
      seconds: fc.integer({ min: 0, max: 3_600 }),
      kind: fc.constantFrom(...auditKindSchema.options),
      channel: fc.constantFrom(...auditChannelSchema.options),
      interactionId: fc.option(fc.constantFrom(...ids), { nil: null, freq: 8 }),
      mode: fc.option(fc.constantFrom(...auditModeSchema.options), { nil: null }),
      ending: fc.option(fc.constantFrom(...interactionEndingSchema.options), { nil: null }),
      agentName: fc.option(fc.constantFrom('Ava', 'Bo'), { nil: null }),
      otherParty: fc.option(fc.constantFrom('+1555', 'Robin'), { nil: null }),
      detail: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    })
    .map(({ seconds, ...fields }) => line(seconds, fields));
  const sequences = fc.array(lineArbitrary, { maxLength: 60 });
  const sorted = sequences.map((entries) => [...entries].sort((a, b) => Date.parse(a.time) - Date.parse(b.time)));

  test('the lines are valid audit lines', () => {
    fc.assert(
      fc.property(lineArbitrary, (entry) => auditEntrySchema.safeParse(entry).success),
      { numRuns: 200 },
    );
  });

  for (const [name, arbitrary] of [
    ['in time order', sorted],
    ['in any order', sequences],
  ] as const) {
    test(`${name}: never throws, and no item says more than happened`, () => {
      fc.assert(
        fc.property(arbitrary, fc.integer({ min: 1, max: 5 }), (entries, split) => {
          // Folded in one go or in parts (the load, then live lines), the history is the same.
          const whole = foldEntries(emptyHistoryFold, entries);
          const parts = foldEntries(foldEntries(emptyHistoryFold, entries.slice(0, split)), entries.slice(split));
          assert.deepEqual(historyItems(parts, 200, noTranscripts), historyItems(whole, 200, noTranscripts));

          const closed = endInterrupted(whole);
          const items = historyItems(closed, 200, noTranscripts);
          assert.equal(items.length, closed.interactions.size, 'nothing stays live once Earshot closed');
          for (const item of items) {
            const spent = item.youDid.reduce((sum, part) => sum + part.ms, 0);
            assert.ok(item.lengthMs >= 0);
            assert.equal(item.lengthMs, item.endedAt - item.startedAt);
            assert.ok(spent <= item.lengthMs, `${spent} ms of activities in ${item.lengthMs} ms`);
            assert.ok(item.youDid.length > 0, 'every item says what the supervisor did');
            assert.ok(item.youDid.every((part) => part.ms >= 0));
            assert.equal(new Set(item.youDid.map((part) => part.activity)).size, item.youDid.length);
          }
          const limited = historyItems(keepRecent(closed, 3), 3, noTranscripts);
          assert.deepEqual(limited, items.slice(0, 3), 'keeping the recent ones keeps what is shown');
        }),
        { numRuns: 300 },
      );
    });
  }
});

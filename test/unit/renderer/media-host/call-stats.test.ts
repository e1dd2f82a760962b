import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mapCallStats, type RtcStatsEntry } from '../../../../renderer/media-host/call-stats';
import { callStatsSchema } from '../../../../electron/common/contract/media-host-contract';

const inbound: RtcStatsEntry = {
  type: 'inbound-rtp',
  id: 'IT01A',
  kind: 'audio',
  packetsReceived: 250,
  packetsLost: 3,
  jitter: 0.004,
  jitterBufferDelay: 12,
  jitterBufferEmittedCount: 200,
  audioLevel: 0.5,
};

describe('call stats from getStats()', () => {
  test('listening: inbound audio, nothing sent, round trip from the selected pair', () => {
    const stats = mapCallStats([
      inbound,
      { type: 'outbound-rtp', id: 'OT01A', kind: 'audio', packetsSent: 0 },
      { type: 'transport', id: 'T01', selectedCandidatePairId: 'CP2' },
      { type: 'candidate-pair', id: 'CP1', nominated: true, state: 'succeeded', currentRoundTripTime: 0.5 },
      { type: 'candidate-pair', id: 'CP2', nominated: true, state: 'succeeded', currentRoundTripTime: 0.002 },
    ]);
    assert.deepEqual(stats, {
      packetsReceived: 250,
      packetsLost: 3,
      jitterMs: 4,
      jitterBufferDelayMs: 60,
      audioLevel: 0.5,
      packetsSent: 0,
      roundTripMs: 2,
    });
    assert.equal(callStatsSchema.safeParse(stats).success, true);
  });

  test('without a transport entry, the nominated succeeded pair gives the round trip', () => {
    const stats = mapCallStats([
      inbound,
      { type: 'candidate-pair', id: 'CP1', nominated: false, state: 'in-progress', currentRoundTripTime: 0.9 },
      { type: 'candidate-pair', id: 'CP2', nominated: true, state: 'succeeded', currentRoundTripTime: 0.01 },
    ]);
    assert.equal(stats.roundTripMs, 10);
  });

  test('before any sample: zeros, and no round trip rather than a made-up one', () => {
    assert.deepEqual(mapCallStats([]), {
      packetsReceived: 0,
      packetsLost: 0,
      jitterMs: 0,
      jitterBufferDelayMs: 0,
      audioLevel: 0,
      packetsSent: 0,
      roundTripMs: null,
    });
  });

  test('video streams and non-numbers are ignored; values the contract bounds are clamped', () => {
    const stats = mapCallStats([
      { ...inbound, kind: 'video', packetsReceived: 9_999 },
      { type: 'inbound-rtp', id: 'IT02', mediaType: 'audio', packetsReceived: 10, audioLevel: 1.7, jitter: 'n/a' },
      { type: 'outbound-rtp', id: 'OT01A', kind: 'audio', packetsSent: 42 },
      { type: 'outbound-rtp', id: 'OT01V', kind: 'video', packetsSent: 1_000 },
    ]);
    assert.equal(stats.packetsReceived, 10);
    assert.equal(stats.audioLevel, 1);
    assert.equal(stats.jitterMs, 0);
    assert.equal(stats.packetsSent, 42);
    assert.equal(callStatsSchema.safeParse(stats).success, true);
  });
});

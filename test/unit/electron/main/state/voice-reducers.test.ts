import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MonitoredCall } from '../../../../../electron/common/models/voice';
import { audioFromStats } from '../../../../../electron/main/monitoring/voice-monitoring';
import { initialVoiceState } from '../../../../../electron/main/state/app-state-reducers';
import { addCall, endCall, HISTORY_LIMIT, updateCall } from '../../../../../electron/main/state/voice-reducers';

const call: MonitoredCall = {
  id: 'c1',
  agentId: 'a1',
  agentName: 'Ada',
  customerNumber: '+15551234',
  state: 'established',
  startedAt: 0,
  endedAt: null,
  mode: 'ListenIn',
  audience: 'everyone',
  microphone: 'closed',
  switchTargets: ['BargeIn'],
  agentMuted: false,
  canMuteAgent: true,
  canUnmuteAgent: false,
  volume: 1,
  audio: { firstAudioAt: null, level: 0, behindLiveMs: null, packetLossPercent: null, packetsSent: 0 },
  pendingCommand: null,
  error: null,
};

describe('voice state transitions', () => {
  test('the audience is derived from mode and microphone, whatever the caller says', () => {
    let voice = addCall(initialVoiceState(), call);
    assert.equal(voice.calls[0]?.audience, 'nobody');
    voice = updateCall(voice, 'c1', (current) => ({ ...current, mode: 'BargeIn', microphone: 'opening' }));
    assert.equal(voice.calls[0]?.audience, 'everyone');
    voice = updateCall(voice, 'c1', (current) => ({ ...current, mode: 'Coach', microphone: 'open' }));
    assert.equal(voice.calls[0]?.audience, 'agent');
    voice = updateCall(voice, 'c1', (current) => ({
      ...current,
      mode: 'BargeIn',
      microphone: 'failed',
      audience: 'everyone',
    }));
    assert.equal(voice.calls[0]?.audience, 'nobody');
  });

  test('an unchanged update keeps the same state object', () => {
    const voice = addCall(initialVoiceState(), call);
    assert.equal(
      updateCall(voice, 'c1', (current) => ({ ...current })),
      voice,
    );
    assert.equal(
      updateCall(voice, 'unknown', (current) => ({ ...current, volume: 0 })),
      voice,
    );
  });

  test('an ended call moves to history, silent, newest first, bounded', () => {
    let voice = initialVoiceState();
    for (let index = 0; index < HISTORY_LIMIT + 3; index += 1) {
      voice = addCall(voice, { ...call, id: `c${index}`, microphone: 'open', mode: 'BargeIn' });
      voice = endCall(voice, `c${index}`, 1_000 + index);
    }
    assert.equal(voice.calls.length, 0);
    assert.equal(voice.history.length, HISTORY_LIMIT);
    assert.equal(voice.history[0]?.id, `c${HISTORY_LIMIT + 2}`);
    assert.equal(voice.history[0]?.audience, 'nobody');
    assert.equal(voice.history[0]?.state, 'ended');
  });

  test('stats become the card’s audio figures', () => {
    const audio = audioFromStats(call.audio, {
      packetsReceived: 990,
      packetsLost: 10,
      jitterMs: 2,
      jitterBufferDelayMs: 60,
      audioLevel: 0.4,
      packetsSent: 0,
      roundTripMs: 4,
    });
    assert.deepEqual(audio, { firstAudioAt: null, level: 0.4, behindLiveMs: 62, packetLossPercent: 1, packetsSent: 0 });
  });
});

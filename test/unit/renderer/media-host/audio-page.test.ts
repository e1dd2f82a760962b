import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaEvent } from '../../../../electron/common/contract/media-host-contract';
import {
  describeAudioPage,
  formatDuration,
  initialAudioPageRecord,
  recordEvent,
  recordLinkLost,
  type AudioPageFacts,
  type AudioPageRecord,
} from '../../../../renderer/media-host/audio-page';

const T0 = 1_700_000_000_000;

function incoming(callId: string, overrides: Partial<Extract<MediaEvent, { type: 'incomingCall' }>> = {}): MediaEvent {
  return {
    type: 'incomingCall',
    callId,
    sipCallId: `sip-${callId}`,
    remoteUri: 'sip:5001@demo.earshot.local',
    remoteDisplayName: 'Ava Stone (5001) with +15550100',
    genesysCallUuid: null,
    answerAfter: 0,
    at: T0,
    ...overrides,
  };
}

function callState(callId: string, state: 'answering' | 'established' | 'ended', at = T0): MediaEvent {
  return { type: 'callState', callId, state, reason: null, at };
}

function recordOf(...events: MediaEvent[]): AudioPageRecord {
  return events.reduce(recordEvent, initialAudioPageRecord);
}

function viewOf(
  record: AudioPageRecord,
  held: AudioPageFacts['held'] = [],
  now = T0,
): ReturnType<typeof describeAudioPage> {
  return describeAudioPage({ record, held, now });
}

describe('the phone line', () => {
  test('before any registration the page waits for Earshot to sign in', () => {
    assert.deepEqual(viewOf(initialAudioPageRecord).line, {
      tone: 'pending',
      text: 'Phone line not registered yet',
      detail: 'Waiting for Earshot to sign in.',
    });
  });

  test('registered, registering and refused, with the reason in the page’s own words', () => {
    const registered = recordOf({ type: 'registration', state: 'registered', reason: null });
    assert.deepEqual(viewOf(registered).line, { tone: 'good', text: 'Phone line registered', detail: null });

    const reconnecting = recordOf({
      type: 'registration',
      state: 'connecting',
      reason: 'Lost the connection to the SIP server at ws://sip; reconnecting.',
    });
    assert.deepEqual(viewOf(reconnecting).line, {
      tone: 'pending',
      text: 'Registering the phone line…',
      detail: 'Lost the connection to the SIP server at ws://sip; reconnecting.',
    });

    const refused = recordOf({
      type: 'registration',
      state: 'failed',
      reason: 'The SIP server refused the user name or password (401 Unauthorized).',
    });
    assert.deepEqual(viewOf(refused).line, {
      tone: 'bad',
      text: 'Phone line not registered',
      detail: 'The SIP server refused the user name or password (401 Unauthorized).',
    });

    const signedOut = recordOf({ type: 'registration', state: 'unregistered', reason: null });
    assert.equal(viewOf(signedOut).line.detail, 'Earshot is not signed in to it.');
  });

  test('a lost link to Earshot outweighs the last registration', () => {
    const lost = recordLinkLost(recordOf({ type: 'registration', state: 'registered', reason: null }));
    assert.equal(viewOf(lost).line.tone, 'bad');
    assert.equal(viewOf(lost).line.text, 'Not connected to Earshot');
  });
});

describe('the calls', () => {
  test('a call goes from ringing to playing, with its duration once established', () => {
    const ringing = recordOf(incoming('c1'));
    const held = [{ callId: 'c1', microphone: 'closed' as const }];
    assert.deepEqual(viewOf(ringing, held).calls, [
      {
        callId: 'c1',
        title: 'Ava Stone (5001) with +15550100',
        status: 'Ringing',
        duration: null,
        metered: false,
        microphone: 'closed',
        microphoneNote: null,
      },
    ]);

    const answering = recordEvent(ringing, callState('c1', 'answering'));
    assert.equal(viewOf(answering, held).calls[0]?.status, 'Connecting…');

    const established = recordEvent(answering, callState('c1', 'established', T0 + 2_000));
    const waiting = viewOf(established, held, T0 + 2_500).calls[0];
    assert.equal(waiting?.status, 'Connected, waiting for its audio');
    assert.equal(waiting?.duration, '0:00');
    assert.equal(waiting?.metered, true);

    const playing = recordEvent(established, { type: 'firstAudio', callId: 'c1', at: T0 + 2_100 });
    const shown = viewOf(playing, held, T0 + 2_000 + 75_400).calls[0];
    assert.equal(shown?.status, 'Playing');
    assert.equal(shown?.duration, '1:15');
  });

  test('only the calls the phone holds are listed: an ended call goes', () => {
    const ended = recordOf(incoming('c1'), callState('c1', 'established'), callState('c1', 'ended'));
    assert.deepEqual(ended.calls, {});
    assert.deepEqual(viewOf(ended, []).calls, []);
  });

  test('a call the page holds is listed even before its details are known', () => {
    const [call] = viewOf(initialAudioPageRecord, [{ callId: 'c9', microphone: 'closed' }]).calls;
    assert.equal(call?.title, 'Call');
  });

  test('without a display name the call is named by the caller’s number', () => {
    const record = recordOf(
      incoming('c1', { remoteDisplayName: null, remoteUri: 'sip:+15550100@gw.example;user=phone' }),
    );
    assert.equal(viewOf(record, [{ callId: 'c1', microphone: 'closed' }]).calls[0]?.title, 'Call from +15550100');
    const bare = recordOf(incoming('c2', { remoteDisplayName: '  ', remoteUri: 'not a sip uri' }));
    assert.equal(viewOf(bare, [{ callId: 'c2', microphone: 'closed' }]).calls[0]?.title, 'Call');
  });

  test('events about calls the page never saw change nothing', () => {
    const record = recordOf(incoming('c1'));
    assert.equal(recordEvent(record, callState('other', 'established')), record);
    assert.equal(recordEvent(record, { type: 'firstAudio', callId: 'other', at: T0 }), record);
    assert.equal(recordEvent(record, { type: 'goodbye' }), record);
  });

  test('a repeated established keeps the first moment, so the duration does not restart', () => {
    const record = recordOf(
      incoming('c1'),
      callState('c1', 'established', T0),
      callState('c1', 'established', T0 + 9_000),
    );
    assert.equal(viewOf(record, [{ callId: 'c1', microphone: 'closed' }], T0 + 10_000).calls[0]?.duration, '0:10');
  });
});

describe('the microphone, from what the phone holds', () => {
  const record = recordOf(
    incoming('c1'),
    callState('c1', 'established'),
    incoming('c2'),
    callState('c2', 'established'),
  );

  test('no live track on any call: closed, nobody hears you', () => {
    const view = viewOf(record, [
      { callId: 'c1', microphone: 'closed' },
      { callId: 'c2', microphone: 'closed' },
    ]);
    assert.equal(view.microphone.state, 'closed');
    assert.equal(view.microphone.text, 'Microphone closed — nobody hears you');
  });

  test('a live track that sends nothing: open, but nobody hears you yet', () => {
    const view = viewOf(record, [
      { callId: 'c1', microphone: 'held' },
      { callId: 'c2', microphone: 'closed' },
    ]);
    assert.equal(view.microphone.state, 'opening');
    assert.equal(view.microphone.text, 'Microphone open — not on a call yet');
    assert.equal(view.calls[0]?.microphoneNote, 'Microphone open, not on this call yet');
  });

  test('one call that sends is enough for OPEN, whatever the others hold', () => {
    const view = viewOf(record, [
      { callId: 'c1', microphone: 'held' },
      { callId: 'c2', microphone: 'sending' },
    ]);
    assert.equal(view.microphone.state, 'open');
    assert.equal(view.microphone.text, 'Microphone OPEN — the call can hear you');
    assert.equal(view.calls[1]?.microphoneNote, 'Your microphone is on this call');
    assert.equal(view.calls[0]?.microphoneNote, 'Microphone open, not on this call yet');
  });

  test('two calls that send are both counted', () => {
    const view = viewOf(record, [
      { callId: 'c1', microphone: 'sending' },
      { callId: 'c2', microphone: 'sending' },
    ]);
    assert.equal(view.microphone.text, 'Microphone OPEN — 2 calls can hear you');
  });
});

describe('formatDuration', () => {
  test('minutes and seconds, hours past an hour, never negative', () => {
    assert.equal(formatDuration(0), '0:00');
    assert.equal(formatDuration(59_999), '0:59');
    assert.equal(formatDuration(61_000), '1:01');
    assert.equal(formatDuration(3_600_000 + 5 * 60_000 + 7_000), '1:05:07');
    assert.equal(formatDuration(-5_000), '0:00');
  });
});

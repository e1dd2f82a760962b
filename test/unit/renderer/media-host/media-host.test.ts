import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  MediaCommand,
  MediaEvent,
  MediaHostBridge,
} from '../../../../electron/common/contract/media-host-contract';
import { startMediaHost } from '../../../../renderer/media-host/media-host';
import type { Phone, PhoneCall } from '../../../../renderer/media-host/sip-phone';

function harness() {
  const emitted: MediaEvent[] = [];
  const calls: string[] = [];
  let listener: ((command: MediaCommand) => void) | null = null;
  const bridge: MediaHostBridge = {
    onCommand(next) {
      listener = next;
      return () => (listener = null);
    },
    onLost: () => () => undefined,
    emit: (event) => emitted.push(event),
    shown: false,
  };
  const call: PhoneCall = {
    answer: () => calls.push('answer'),
    decline: () => {
      throw new Error('The call is established; only a ringing call can be declined.');
    },
    hangUp: () => calls.push('hangUp'),
    acquireMicrophone: async (deviceId) => {
      calls.push(`acquire ${deviceId}`);
    },
    attachMicrophone: async () => {
      calls.push('attach');
      throw new Error('renegotiation exploded');
    },
    releaseMicrophone: async () => {
      calls.push('release');
    },
    restartIce: async () => {
      calls.push('restartIce');
    },
    setVolume: (volume) => calls.push(`volume ${volume}`),
  };
  const phone: Phone = {
    register: (account) => calls.push(`register ${account.sipUri}`),
    unregister: () => calls.push('unregister'),
    reconnect: () => calls.push('reconnect'),
    call: (callId) => (callId === 'c1' ? call : undefined),
    calls: () => [],
    hangUpAll: () => calls.push('hangUpAll'),
    setOutputDevice: async (deviceId) => {
      calls.push(`output ${deviceId}`);
    },
  };
  const stop = startMediaHost({
    bridge,
    phone,
    listDevices: async () => ({ type: 'devices', inputs: [], outputs: [], outputSelectionSupported: true }),
  });
  const send = (raw: unknown): void => listener?.(raw as MediaCommand);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { emitted, calls, send, settle, stop, listening: () => listener !== null };
}

describe('media host command loop', () => {
  test('runs well-formed commands on the phone and its calls', async () => {
    const { calls, send, settle, emitted } = harness();
    send({
      type: 'register',
      account: {
        webSocketUrl: 'ws://127.0.0.1:1',
        sipUri: 'sip:5005@x',
        authorizationUser: '5005',
        password: 'p',
        displayName: '',
      },
    });
    send({ type: 'answer', callId: 'c1' });
    send({ type: 'acquireMicrophone', callId: 'c1', inputDeviceId: null });
    send({ type: 'releaseMicrophone', callId: 'c1' });
    send({ type: 'setVolume', callId: 'c1', volume: 0.25 });
    send({ type: 'reconnect' });
    send({ type: 'restartIce', callId: 'c1' });
    send({ type: 'setOutputDevice', deviceId: 'hp' });
    send({ type: 'hangUp', callId: 'c1' });
    send({ type: 'unregister' });
    await settle();
    assert.deepEqual(calls, [
      'register sip:5005@x',
      'answer',
      'acquire null',
      'release',
      'volume 0.25',
      'reconnect',
      'restartIce',
      'output hp',
      'hangUp',
      'unregister',
    ]);
    assert.deepEqual(emitted, []);
  });

  test('malformed commands are refused with the reason and never reach the phone', () => {
    const { calls, send, emitted } = harness();
    send({ type: 'setVolume', callId: 'c1', volume: 3 });
    send({ type: 'selfDestruct' });
    send('not even an object');
    send({ type: 'register', account: { sipUri: 'sip:a@b' } });
    assert.deepEqual(calls, []);
    assert.deepEqual(
      emitted.map((event) => (event.type === 'commandFailed' ? event.command : event.type)),
      ['setVolume', 'malformed', 'malformed', 'register'],
    );
    for (const event of emitted) {
      assert.equal(event.type, 'commandFailed');
      if (event.type === 'commandFailed') assert.match(event.reason, /^Malformed command/);
    }
  });

  test('a failure, thrown or rejected, comes back as commandFailed; nothing escapes', async () => {
    const { send, settle, emitted } = harness();
    send({ type: 'answer', callId: 'nope' });
    send({ type: 'decline', callId: 'c1', statusCode: 486 });
    send({ type: 'attachMicrophone', callId: 'c1' });
    await settle();
    assert.deepEqual(emitted, [
      { type: 'commandFailed', command: 'answer', callId: 'nope', reason: 'There is no call nope.' },
      {
        type: 'commandFailed',
        command: 'decline',
        callId: 'c1',
        reason: 'The call is established; only a ringing call can be declined.',
      },
      { type: 'commandFailed', command: 'attachMicrophone', callId: 'c1', reason: 'renegotiation exploded' },
    ]);
  });

  test('hanging up a call that is already gone (both ends at once) says it ended, not that it failed', async () => {
    const { send, settle, emitted } = harness();
    send({ type: 'hangUp', callId: 'gone' });
    await settle();
    assert.equal(emitted.length, 1);
    assert.deepEqual(
      { ...emitted[0], at: 0 },
      { type: 'callState', callId: 'gone', state: 'ended', reason: null, at: 0 },
    );
  });

  test('listDevices answers with a devices event', async () => {
    const { send, settle, emitted } = harness();
    send({ type: 'listDevices' });
    await settle();
    assert.deepEqual(emitted, [{ type: 'devices', inputs: [], outputs: [], outputSelectionSupported: true }]);
  });

  test('stopping unsubscribes from the bridge', () => {
    const { stop, listening } = harness();
    assert.equal(listening(), true);
    stop();
    assert.equal(listening(), false);
  });
});

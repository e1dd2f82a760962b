// The media host page in Debian's Chromium, served by the browser host's media host server and driven
// through its MediaHostLink, against the simulator's SIP registrar/B2BUA and werift media.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { WebSocket } from 'ws';
import {
  MEDIA_SOCKET_PATH,
  type MediaCommand,
  type MediaSipAccount,
} from '../../../electron/common/contract/media-host-contract';
import { cspSourceForWebSocketUrl } from '../../../electron/main/sip/media-page-policy';
import { mediaHostContentSecurityPolicy } from '../../../electron/main/platform/static-files';
import {
  MonitoringCallRejectedError,
  startSipService,
  type MonitoringCall,
  type PlaceCallOptions,
  type SipService,
} from '../../../electron/simulator/sip/index';
import { waitFor } from '../../support/wait-for';
import { median, startMediaHostHarness, type EventOf, type MediaHostHarness } from './media-host-harness';
import { chromiumPath } from '../../support/chromium';

const DOMAIN = 'demo.earshot.local';
const SUPERVISOR = { user: '5005', password: 'listen-in-secret' };
const skip = existsSync(chromiumPath) ? false : `${chromiumPath} is not installed`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('media host page against the simulator', { skip, timeout: 180_000 }, () => {
  let sip: SipService;
  let host: MediaHostHarness;
  let account: MediaSipAccount;
  const sipLog: string[] = [];
  /** Calls placed by a test and not yet ended, hung up in `after` if a test failed half-way. */
  const open = new Set<MonitoringCall>();

  before(async () => {
    sip = await startSipService({ domain: DOMAIN, accounts: [SUPERVISOR], log: (line) => sipLog.push(line) });
    host = await startMediaHostHarness({ sipServer: sip.webSocketUrl });
    account = {
      webSocketUrl: sip.webSocketUrl,
      sipUri: `sip:${SUPERVISOR.user}@${DOMAIN}`,
      authorizationUser: SUPERVISOR.user,
      password: SUPERVISOR.password,
      displayName: 'Supervisor 5005',
    };
  });

  after(async () => {
    await Promise.allSettled([...open].map((call) => call.hangUp()));
    await host?.close();
    await sip?.stop();
  });

  const send = (command: MediaCommand): void => host.link.send(command);

  function place(overrides: Partial<PlaceCallOptions> = {}): Promise<MonitoringCall> {
    const placing = sip.placeMonitoringCall({
      toUser: SUPERVISOR.user,
      callUuid: `uuid-${Date.now()}`,
      fromDisplayName: 'Customer 5000 via Agent 5001',
      fromUser: '5001',
      autoAnswer: true,
      mode: 'ListenIn',
      ...overrides,
    });
    placing.then(
      (call) => {
        open.add(call);
        call.onEnded(() => open.delete(call));
      },
      () => undefined,
    );
    return placing;
  }

  /** Places a call, answers it as main would, and waits until audio plays. */
  async function listenIn(callUuid: string, overrides: Partial<PlaceCallOptions> = {}) {
    const from = host.mark();
    const placing = place({ callUuid, ...overrides });
    const incoming = await host.waitForEvent('incomingCall', (event) => event.genesysCallUuid === callUuid, { from });
    send({ type: 'answer', callId: incoming.callId });
    const call = await placing;
    await host.waitForEvent('callState', (event) => event.callId === incoming.callId && event.state === 'established', {
      from,
    });
    const firstAudio = await host.waitForEvent('firstAudio', (event) => event.callId === incoming.callId, { from });
    return { call, incoming, firstAudio };
  }

  async function statsWhere(callId: string, check: (stats: EventOf<'callStats'>['stats']) => boolean, what: string) {
    const from = host.mark();
    const event = await host
      .waitForEvent('callStats', (candidate) => candidate.callId === callId && check(candidate.stats), {
        from,
        timeoutMs: 15_000,
      })
      .catch((error: unknown) => {
        throw new Error(`${what}: ${String(error)}`);
      });
    return event.stats;
  }

  test('the page is served with the media CSP and says ready over its socket', async () => {
    const response = await fetch(host.pageUrl);
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-security-policy'),
      mediaHostContentSecurityPolicy([
        `${host.origin.replace('http', 'ws')}${MEDIA_SOCKET_PATH}`,
        cspSourceForWebSocketUrl(sip.webSocketUrl) ?? 'none',
      ]),
    );
    assert.match(
      await response.text(),
      /<head><script src="\/media\/media-page-bridge\.js" data-policy="1"><\/script>/,
    );
    assert.equal((await fetch(`${host.origin}/media/../../etc/passwd`)).status, 404);
    assert.equal(host.link.connected, true);
    assert.equal(host.events[0]?.type, 'ready');
  });

  test('the socket refuses other origins and a second media page', async () => {
    const refusal = (origin: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${host.origin.replace('http', 'ws')}${MEDIA_SOCKET_PATH}`, { origin });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          reject(new Error(`a socket from ${origin} was accepted`));
        });
        socket.on('error', () => undefined);
      });
    assert.equal(await refusal('http://evil.example'), 403);
    assert.equal(await refusal(host.origin), 409);
    assert.equal(host.link.connected, true);
  });

  test('the page warms WebRTC up with a throwaway loopback call when it starts, and keeps nothing open', async () => {
    const outcome = await waitFor('the warm-up to finish', () =>
      host.page
        .evaluate(() => document.documentElement.dataset.webrtcWarmUp ?? null)
        .then((value) => value ?? undefined),
    );
    assert.equal(outcome, 'connected');
    assert.equal((await host.microphoneProbe()).getUserMediaCalls, 0, 'no microphone for the warm-up');
  });

  test('a malformed command comes back as commandFailed', async () => {
    const from = host.mark();
    send({ type: 'setVolume', callId: 'x', volume: 7 } as unknown as MediaCommand);
    const failed = await host.waitForEvent('commandFailed', undefined, { from });
    assert.equal(failed.command, 'setVolume');
    assert.match(failed.reason, /Malformed command/);
  });

  test('a wrong password is reported as a failure in words', async () => {
    const from = host.mark();
    send({ type: 'register', account: { ...account, password: 'not-the-password' } });
    const failed = await host.waitForEvent('registration', (event) => event.state === 'failed', { from });
    assert.match(failed.reason ?? '', /refused the user name or password/);
    assert.equal(sip.isRegistered(SUPERVISOR.user), false);
  });

  test('registers with digest auth', async () => {
    const from = host.mark();
    send({ type: 'register', account });
    await host.waitForEvent('registration', (event) => event.state === 'registered', { from });
    assert.equal(sip.isRegistered(SUPERVISOR.user), true);
    const states = host.events.slice(from).flatMap((event) => (event.type === 'registration' ? [event.state] : []));
    // Registering again first retires the previous user agent.
    assert.deepEqual(states, ['unregistered', 'connecting', 'registered']);
  });

  test('listen-in: the INVITE is reported, answered on command, audio plays, and the microphone is never asked for', async () => {
    const callUuid = 'call-uuid-listen';
    const { call, incoming } = await listenIn(callUuid);
    assert.equal(incoming.genesysCallUuid, callUuid);
    assert.equal(incoming.answerAfter, 0);
    assert.equal(incoming.remoteDisplayName, 'Customer 5000 via Agent 5001');
    assert.match(incoming.remoteUri, /^sip:5001@demo\.earshot\.local/);

    const listening = await statsWhere(
      incoming.callId,
      (stats) => stats.packetsReceived >= 50 && stats.audioLevel > 0.01,
      'audio',
    );
    assert.equal(listening.packetsSent, 0);
    assert.ok(listening.jitterBufferDelayMs >= 0);
    assert.deepEqual(await host.callElement(incoming.callId), {
      muted: false,
      paused: false,
      hasStream: true,
      sinkId: '',
      volume: 1,
    });
    assert.deepEqual(call.rtpFromSupervisor().ListenIn, {
      packets: 0,
      packetsWithEnergy: 0,
      firstAt: null,
      lastAt: null,
    });
    assert.equal((await host.microphoneProbe()).getUserMediaCalls, 0);

    let from = host.mark();
    send({ type: 'register', account });
    await host.waitForEvent('registration', (event) => event.state === 'registered', { from });
    await statsWhere(
      incoming.callId,
      (stats) => stats.packetsReceived > listening.packetsReceived,
      'audio after a repeated register',
    );
    assert.equal(
      host.events.slice(from).some((event) => event.type === 'callState' && event.state === 'ended'),
      false,
      'repeating the same registration leaves the call alone',
    );

    from = host.mark();
    send({ type: 'hangUp', callId: incoming.callId });
    const ended = await host.waitForEvent(
      'callState',
      (event) => event.callId === incoming.callId && event.state === 'ended',
      { from },
    );
    assert.equal(ended.reason, 'Hung up.');
    await waitFor('the simulator to see the BYE', () => !open.has(call));
    assert.equal(await host.callElement(incoming.callId), null);
  });

  test('a delayed-offer INVITE (no SDP) is answered with a receive-only offer; audio plays and nothing is sent', async () => {
    const { call, incoming } = await listenIn('call-uuid-delayed-offer', { delayedOffer: true });
    assert.ok(sipLog.some((line) => line.includes(`${call.callId} established (delayed offer)`)));
    const listening = await statsWhere(
      incoming.callId,
      (stats) => stats.packetsReceived >= 50 && stats.audioLevel > 0.01,
      'audio on a delayed-offer call',
    );
    assert.equal(listening.packetsSent, 0);
    assert.equal(call.rtpFromSupervisor().ListenIn.packets, 0, 'no RTP leaves the page');
    assert.equal((await host.microphoneProbe()).getUserMediaCalls, 0, 'the microphone is never asked for');
    const from = host.mark();
    send({ type: 'hangUp', callId: incoming.callId });
    await host.waitForEvent('callState', (event) => event.callId === incoming.callId && event.state === 'ended', {
      from,
    });
    await waitFor('the simulator to see the BYE', () => !open.has(call));
  });

  test('output device and volume apply to the call audio element', async () => {
    const { incoming, call } = await listenIn('call-uuid-devices');
    let from = host.mark();
    send({ type: 'listDevices' });
    const devices = await host.waitForEvent('devices', undefined, { from });
    assert.equal(devices.outputSelectionSupported, true);
    assert.ok(devices.inputs.length > 0, 'the fake microphone is listed');
    const headphones = devices.outputs.find((device) => device.deviceId !== 'default' && device.deviceId !== '');
    assert.ok(headphones, `a non-default output among ${JSON.stringify(devices.outputs)}`);

    send({ type: 'setOutputDevice', deviceId: headphones.deviceId });
    send({ type: 'setVolume', callId: incoming.callId, volume: 0.3 });
    await waitFor('the sink and volume to apply', async () => {
      const element = await host.callElement(incoming.callId);
      return element?.sinkId === headphones.deviceId && Math.abs(element.volume - 0.3) < 1e-6 ? element : undefined;
    });

    from = host.mark();
    send({ type: 'setOutputDevice', deviceId: 'no-such-device' });
    const refused = await host.waitForEvent('commandFailed', (event) => event.command === 'setOutputDevice', { from });
    assert.match(refused.reason, /could not be used/);
    assert.equal((await host.callElement(incoming.callId))?.sinkId, headphones.deviceId);

    send({ type: 'setOutputDevice', deviceId: null });
    await waitFor('the default sink again', async () =>
      (await host.callElement(incoming.callId))?.sinkId === '' ? true : undefined,
    );
    await call.hangUp();
    await host.waitForEvent('callState', (event) => event.callId === incoming.callId && event.state === 'ended');
  });

  test('barge-in: acquire holds the track and sends nothing, attach sends, release stops it at once', async () => {
    const { call, incoming } = await listenIn('call-uuid-barge');
    const callId = incoming.callId;

    // As main does it: the device first (nothing sent), then the contact center, then the track on the call.
    let from = host.mark();
    send({ type: 'acquireMicrophone', callId, inputDeviceId: null });
    const acquired = await host.waitForEvent('microphone', (event) => event.callId === callId, { from });
    assert.deepEqual({ state: acquired.state, error: acquired.error }, { state: 'acquired', error: null });
    assert.deepEqual((await host.microphoneProbe()).trackStates, ['live']);
    await sleep(500);
    assert.equal(call.rtpFromSupervisor().ListenIn.packets, 0, 'a held microphone sends nothing');

    call.setMode('BargeIn');
    from = host.mark();
    const openSentAt = performance.now();
    const firstPacket = waitFor(
      'the first supervisor packet at the simulator',
      () => (call.rtpFromSupervisor().BargeIn.packets > 0 ? performance.now() : undefined),
      10_000,
      1,
    );
    send({ type: 'attachMicrophone', callId });
    const opened = await host.waitForEvent('microphone', (event) => event.callId === callId, { from });
    const openedAt = performance.now();
    assert.deepEqual({ state: opened.state, error: opened.error }, { state: 'sending', error: null });
    const firstPacketAt = await firstPacket;
    // Chromium's fake microphone beeps once a second: packets with energy follow within that.
    const barging = await waitFor(
      'supervisor packets with energy at the simulator',
      () => {
        const counts = call.rtpFromSupervisor().BargeIn;
        return counts.packetsWithEnergy > 0 ? counts : undefined;
      },
      10_000,
      2,
    );
    assert.ok(barging.packets >= barging.packetsWithEnergy);
    const probe = await host.microphoneProbe();
    assert.equal(probe.getUserMediaCalls, 1);
    assert.deepEqual(probe.trackStates, ['live']);
    const talking = await statsWhere(callId, (stats) => stats.packetsSent > 0, 'outbound packets in the stats');
    assert.ok(talking.packetsSent > 0);

    from = host.mark();
    const closeSentAt = performance.now();
    send({ type: 'releaseMicrophone', callId });
    const tracksEnded = await waitFor(
      'the microphone tracks to end',
      async () => {
        const states = (await host.microphoneProbe()).trackStates;
        return states.every((state) => state === 'ended') ? performance.now() : undefined;
      },
      5_000,
      2,
    );
    const closed = await host.waitForEvent('microphone', (event) => event.callId === callId, { from });
    const closedAt = performance.now();
    assert.deepEqual({ state: closed.state, error: closed.error }, { state: 'released', error: null });

    // A packet already in flight when the track stopped may still land; after that, nothing.
    await sleep(300);
    call.setMode('ListenIn');
    const settled = call.rtpFromSupervisor();
    const receivedBefore = (await statsWhere(callId, () => true, 'stats after closing')).packetsReceived;
    await sleep(1_500);
    assert.deepEqual(call.rtpFromSupervisor(), settled);
    assert.equal(settled.ListenIn.packets, 0);
    const afterwards = await statsWhere(
      callId,
      (stats) => stats.packetsReceived > receivedBefore,
      'audio still flowing',
    );
    assert.ok(afterwards.packetsReceived > receivedBefore, 'the supervisor still hears the call');
    assert.equal((await host.microphoneProbe()).getUserMediaCalls, 1);

    console.log(
      [
        'Microphone switch (from the command leaving the driver):',
        `  open:  microphone open event ${(openedAt - openSentAt).toFixed(1)} ms, first packet at the simulator ${(firstPacketAt - openSentAt).toFixed(1)} ms`,
        `  close: tracks ended ${(tracksEnded - closeSentAt).toFixed(1)} ms (includes a page round trip to look), microphone closed event ${(closedAt - closeSentAt).toFixed(1)} ms`,
      ].join('\n'),
    );

    from = host.mark();
    await call.hangUp();
    const ended = await host.waitForEvent('callState', (event) => event.callId === callId && event.state === 'ended', {
      from,
    });
    assert.equal(ended.reason, 'The other side hung up.');
  });

  test('acquiring the microphone on a call that is not connected fails cleanly', async () => {
    const from = host.mark();
    const placing = place({ callUuid: 'call-uuid-early-mic', autoAnswer: false });
    const incoming = await host.waitForEvent(
      'incomingCall',
      (event) => event.genesysCallUuid === 'call-uuid-early-mic',
      { from },
    );
    assert.equal(incoming.answerAfter, null);
    send({ type: 'acquireMicrophone', callId: incoming.callId, inputDeviceId: null });
    const refused = await host.waitForEvent('microphone', (event) => event.callId === incoming.callId, { from });
    assert.equal(refused.state, 'failed');
    assert.match(refused.error ?? '', /not connected yet/);
    assert.equal((await host.microphoneProbe()).getUserMediaCalls, 1, 'no new getUserMedia call');

    send({ type: 'decline', callId: incoming.callId, statusCode: 486 });
    await assert.rejects(placing, (error: unknown) => {
      assert.ok(error instanceof MonitoringCallRejectedError);
      assert.equal(error.status, 486);
      return true;
    });
    const ended = await host.waitForEvent(
      'callState',
      (event) => event.callId === incoming.callId && event.state === 'ended',
      { from },
    );
    assert.equal(ended.reason, 'Declined.');
    send({ type: 'answer', callId: incoming.callId });
    const failed = await host.waitForEvent('commandFailed', (event) => event.command === 'answer', { from });
    assert.match(failed.reason, /no call/);
  });

  test('INVITE at the page → first audio, answered as soon as main hears of it', async () => {
    const CALLS = 5;
    const phases: Record<string, number[]> = {};
    const record = (phase: string, value: number | undefined): void => {
      if (value !== undefined && Number.isFinite(value)) (phases[phase] ??= []).push(value);
    };
    const unsubscribe = host.link.onEvent((event) => {
      if (event.type === 'incomingCall' && event.genesysCallUuid?.startsWith('timing-'))
        send({ type: 'answer', callId: event.callId });
    });
    try {
      for (let index = 0; index < CALLS; index += 1) {
        const from = host.mark();
        const callUuid = `timing-${index}`;
        const call = await place({ callUuid });
        const incoming = await host.waitForEvent('incomingCall', (event) => event.genesysCallUuid === callUuid, {
          from,
        });
        const firstAudio = await host.waitForEvent('firstAudio', (event) => event.callId === incoming.callId, { from });
        const answering = await host.waitForEvent(
          'callState',
          (event) => event.callId === incoming.callId && event.state === 'answering',
          { from },
        );
        // Page and simulator clocks are both performance.timeOrigin + now() on one machine.
        const since = (at: number | undefined): number | undefined => (at === undefined ? undefined : at - incoming.at);
        record('answer command at the page', since(answering.at));
        record('200 OK at the simulator', since(call.timings.answeredAt));
        record('werift ICE connected', since(call.timings.iceConnectedAt));
        record('werift DTLS connected', since(call.timings.dtlsConnectedAt));
        record('first RTP sent', since(call.timings.firstRtpSentAt));
        record('first audio at the page', since(firstAudio.at));
        await call.hangUp();
        await host.waitForEvent('callState', (event) => event.callId === incoming.callId && event.state === 'ended', {
          from,
        });
      }
    } finally {
      unsubscribe();
    }
    const firstAudio = phases['first audio at the page'] ?? [];
    assert.equal(firstAudio.length, CALLS);
    console.log(`INVITE at the page → …, ${CALLS} calls, ms (median, min–max):`);
    for (const [phase, values] of Object.entries(phases)) {
      console.log(
        `  ${phase.padEnd(30)} ${median(values).toFixed(1).padStart(6)}  (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`,
      );
    }
  });

  test('when the SIP server goes away the page says so and registers again once it is back', async () => {
    const port = Number(new URL(sip.webSocketUrl).port);
    let from = host.mark();
    await sip.stop();
    const lost = await host.waitForEvent('registration', (event) => event.state === 'connecting', { from });
    assert.match(lost.reason ?? '', /Lost the connection to the SIP server/);
    from = host.mark();
    sip = await startSipService({ domain: DOMAIN, accounts: [SUPERVISOR], port, log: (line) => sipLog.push(line) });
    // JsSIP retries after 2 s, then at random intervals up to a few seconds.
    await host.waitForEvent('registration', (event) => event.state === 'registered', { from, timeoutMs: 30_000 });
    assert.equal(sip.isRegistered(SUPERVISOR.user), true);
  });

  test('a network drop of several seconds: the page says so, and registers again once the network is back', async () => {
    let from = host.mark();
    sip.setReachable(false);
    const lost = await host.waitForEvent('registration', (event) => event.state === 'connecting', { from });
    assert.match(lost.reason ?? '', /Lost the connection to the SIP server/);
    // Long enough for JsSIP's back-off to grow to its ceiling, which bounds the wait once it is back.
    await sleep(6_000);
    from = host.mark();
    sip.setReachable(true);
    await host.waitForEvent('registration', (event) => event.state === 'registered', { from, timeoutMs: 30_000 });
    assert.equal(sip.isRegistered(SUPERVISOR.user), true);
  });

  test('reconnect (the network changed): a fresh SIP connection registers again', async () => {
    const connectionsBefore = sipLog.filter((line) => / opened$/.test(line)).length;
    const from = host.mark();
    send({ type: 'reconnect' });
    await waitFor('a new WebSocket', () =>
      sipLog.filter((line) => / opened$/.test(line)).length > connectionsBefore ? true : undefined,
    );
    // The REGISTER on the new WebSocket follows its opening; the old one's binding goes with it.
    await sleep(1_000);
    await waitFor('registered', () => (sip.isRegistered(SUPERVISOR.user) ? true : undefined));
    assert.equal(
      host.events.slice(from).some((event) => event.type === 'registration' && event.state === 'failed'),
      false,
    );
  });

  test('unregister', async () => {
    const from = host.mark();
    send({ type: 'unregister' });
    await host.waitForEvent('registration', (event) => event.state === 'unregistered', { from });
    await waitFor('the registrar to drop the binding', () => !sip.isRegistered(SUPERVISOR.user));
  });

  test('a reloaded page disconnects the link and connects it again when it is ready', async () => {
    const disconnected = new Promise<void>((resolve) => {
      const stop = host.link.onDisconnected(() => {
        stop();
        resolve();
      });
    });
    const connected = new Promise<void>((resolve) => {
      const stop = host.link.onConnected(() => {
        stop();
        resolve();
      });
    });
    await host.page.reload();
    await disconnected;
    await connected;
    assert.equal(host.link.connected, true);
  });
});

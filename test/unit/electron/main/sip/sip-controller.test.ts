import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type {
  MediaCommand,
  MediaEvent,
  MediaSipAccount,
} from '../../../../../electron/common/contract/media-host-contract';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import type { MediaHostLink, MediaHostLoss } from '../../../../../electron/main/sip/media-host-link';
import { SipController } from '../../../../../electron/main/sip/sip-controller';
import type { SipEvent } from '../../../../../electron/main/sip/sip-events';
import { createAppStore } from '../../../../../electron/main/state/app-store';

/** A media host link the test drives: what the controller sends, and the page's side of things. */
function fakeLink() {
  const sent: MediaCommand[] = [];
  const events = new Set<(event: MediaEvent) => void>();
  const connected = new Set<() => void>();
  const disconnected = new Set<(loss: MediaHostLoss) => void>();
  let up = false;
  const link: MediaHostLink = {
    get connected() {
      return up;
    },
    send: (command) => sent.push(command),
    onEvent: (listener) => (events.add(listener), () => events.delete(listener)),
    onConnected: (listener) => (connected.add(listener), () => connected.delete(listener)),
    onDisconnected: (listener) => (disconnected.add(listener), () => disconnected.delete(listener)),
  };
  return {
    link,
    sent,
    connect() {
      up = true;
      for (const listener of [...connected]) listener();
    },
    lose(loss: MediaHostLoss) {
      up = false;
      for (const listener of [...disconnected]) listener(loss);
    },
    emit(event: MediaEvent) {
      for (const listener of [...events]) listener(event);
    },
  };
}

const account: MediaSipAccount = {
  webSocketUrl: 'ws://127.0.0.1:5066',
  sipUri: 'sip:5005@demo.earshot.local',
  authorizationUser: '5005',
  password: 'secret',
  displayName: 'Sam Rivera',
};

function setUp(restartsByItself = true) {
  const host = fakeLink();
  const store = createAppStore(() => 0);
  const logger = createMemoryLogger();
  const sip = new SipController({ link: host.link, store, logger, restartsByItself });
  const coreEvents: SipEvent[] = [];
  sip.onCoreEvent((event) => coreEvents.push(event));
  return { host, store, sip, coreEvents, logger };
}

describe('the SIP controller', () => {
  test('an account set before the audio page is up waits, says so, and registers once the page is ready', () => {
    const { host, store, sip } = setUp();
    sip.selectOutput('headset');
    sip.setAccount(account);
    assert.equal(host.sent.length, 0, 'nothing goes to a page that is not there');
    assert.deepEqual(store.getState().voice.sip, {
      registration: 'unregistered',
      reason: 'Waiting for the audio window to start.',
      address: account.sipUri,
    });

    host.connect();
    assert.deepEqual(
      host.sent.map((command) => command.type),
      ['listDevices', 'setOutputDevice', 'register'],
    );
    assert.equal(store.getState().voice.sip.registration, 'connecting');
    host.emit({ type: 'registration', state: 'registered', reason: null });
    assert.equal(store.getState().voice.sip.registration, 'registered');
  });

  test('signing out unregisters, and no credentials stay for the next page', () => {
    const { host, sip, store } = setUp();
    host.connect();
    sip.setAccount(account);
    sip.setAccount(null);
    assert.deepEqual(host.sent.at(-1), { type: 'unregister' });
    assert.equal(store.getState().voice.sip.address, null);
    host.lose({ cause: 'closed', microphoneReleased: true });
    host.sent.length = 0;
    host.connect();
    assert.ok(!host.sent.some((command) => command.type === 'register'));
  });

  test('a call command while the page is away fails back to the voice core for that leg; nothing is queued', () => {
    const { host, sip, coreEvents } = setUp();
    sip.send({ type: 'acquireMicrophone', callId: 'leg-1', inputDeviceId: null });
    assert.equal(host.sent.length, 0);
    assert.deepEqual(coreEvents, [
      {
        type: 'leg-command-failed',
        legId: 'leg-1',
        command: 'acquireMicrophone',
        reason: 'The audio window is not running.',
      },
    ]);
  });

  test('losing the page: unregistered with the reason, and the core told whether the microphone is known released', () => {
    const desktop = setUp(true);
    desktop.host.connect();
    desktop.sip.setAccount(account);
    desktop.host.lose({ cause: 'crashed', microphoneReleased: true });
    assert.equal(desktop.store.getState().voice.sip.registration, 'unregistered');
    assert.deepEqual(desktop.coreEvents.at(-1), {
      type: 'media-lost',
      microphoneReleased: true,
      reason: 'The audio engine stopped; Earshot is restarting it.',
      restarting: true,
      reopenable: false,
    });

    const browser = setUp(false);
    browser.host.connect();
    browser.sip.setAccount(account);
    browser.host.lose({ cause: 'socket dropped', microphoneReleased: false });
    assert.deepEqual(browser.coreEvents.at(-1), {
      type: 'media-lost',
      microphoneReleased: false,
      reason: 'The audio window was closed: calls cannot be heard until it is open again.',
      restarting: false,
      reopenable: true,
    });
    assert.match(browser.store.getState().voice.sip.reason ?? '', /audio window was closed/);
  });

  test('the page’s call events reach the core as leg events, and its held calls with the ready', () => {
    const { host, coreEvents } = setUp();
    host.emit({ type: 'ready', calls: [{ callId: 'leg-0', microphoneLive: true }] });
    host.emit({
      type: 'incomingCall',
      callId: 'leg-1',
      sipCallId: 'sip-1',
      remoteUri: 'sip:5001@demo',
      remoteDisplayName: null,
      genesysCallUuid: 'uuid-1',
      answerAfter: 0,
      at: 5,
    });
    host.emit({ type: 'callState', callId: 'leg-1', state: 'established', reason: null, at: 6 });
    host.emit({ type: 'microphone', callId: 'leg-1', state: 'sending', error: null, at: 7 });
    host.emit({ type: 'firstAudio', callId: 'leg-1', at: 8 });
    host.emit({ type: 'commandFailed', command: 'hangUp', callId: 'leg-1', reason: 'There is no call' });
    assert.deepEqual(coreEvents, [
      { type: 'media-ready', heldLegs: [{ legId: 'leg-0', microphoneLive: true }] },
      {
        type: 'leg-offered',
        leg: {
          id: 'leg-1',
          sipCallId: 'sip-1',
          genesysCallUuid: 'uuid-1',
          from: 'sip:5001@demo',
          displayName: null,
          at: 5,
        },
      },
      { type: 'leg-state', legId: 'leg-1', state: 'established', reason: null },
      { type: 'leg-microphone', legId: 'leg-1', report: 'sending', error: null },
      { type: 'leg-first-audio', legId: 'leg-1', at: 8 },
      { type: 'leg-command-failed', legId: 'leg-1', command: 'hangUp', reason: 'There is no call' },
    ]);
  });

  test('a re-INVITE changes nothing about the microphone; a command failure without a leg is only logged', () => {
    const { host, coreEvents, logger } = setUp();
    host.emit({ type: 'reoffer', callId: 'leg-1', offeredDirection: 'sendrecv', at: 1 });
    host.emit({ type: 'commandFailed', command: 'listDevices', callId: null, reason: 'no devices' });
    assert.deepEqual(coreEvents, []);
    assert.ok(logger.records.some((record) => record.message === 'The media host could not carry out a command'));
  });

  test('devices and the chosen input are kept in the state; an output chosen is applied to a running page', () => {
    const { host, sip, store } = setUp();
    host.connect();
    assert.equal(
      store.getState().voice.devices.outputSelection,
      'waiting',
      'nothing is known before the page lists them',
    );
    host.emit({
      type: 'devices',
      outputs: [{ deviceId: 'out-1', label: 'Headset' }],
      inputs: [{ deviceId: 'in-1', label: 'Headset mic' }],
      outputSelectionSupported: true,
    });
    sip.selectInput('in-1');
    sip.selectOutput('out-1');
    const devices = store.getState().voice.devices;
    assert.deepEqual(devices.outputs, [{ deviceId: 'out-1', label: 'Headset' }]);
    assert.equal(devices.outputSelection, 'available');
    assert.equal(devices.selectedInputId, 'in-1');
    assert.equal(sip.selectedInputId, 'in-1');
    assert.deepEqual(host.sent.at(-1), { type: 'setOutputDevice', deviceId: 'out-1' });
  });

  test('after dispose the page’s events reach nobody', () => {
    const { host, sip, coreEvents } = setUp();
    sip.dispose();
    host.emit({ type: 'firstAudio', callId: 'leg-1', at: 1 });
    assert.deepEqual(coreEvents, []);
  });

  test('after a resume the line gets a fresh connection, and its return is what moves live calls', () => {
    const { host, sip, coreEvents } = setUp();
    host.connect();
    sip.setAccount(account);
    const registration = (state: 'registered' | 'connecting'): MediaEvent => ({
      type: 'registration',
      state,
      reason: null,
    });
    host.emit(registration('connecting'));
    host.emit(registration('registered'));
    assert.equal(coreEvents.length, 0, 'a first registration is not a return');

    // What main does on powerMonitor 'resume' (main-services networkChanged).
    sip.reconnect();
    assert.equal(host.sent.at(-1)?.type, 'reconnect');
    host.emit(registration('connecting'));
    host.emit(registration('connecting'));
    host.emit(registration('registered'));
    host.emit(registration('registered'));
    assert.deepEqual(
      coreEvents.map((event) => event.type),
      ['line-lost', 'line-restored'],
    );

    host.emit({ type: 'iceRestart', callId: 'leg-1', outcome: 'call-gone', reason: 'gone', at: 1 });
    assert.deepEqual(coreEvents.at(-1), {
      type: 'leg-ice-restart',
      legId: 'leg-1',
      outcome: 'call-gone',
      reason: 'gone',
    });
  });

  test('a new account or a new media host is a fresh start, not a return', () => {
    const { host, sip, coreEvents } = setUp();
    host.connect();
    sip.setAccount(account);
    host.emit({ type: 'registration', state: 'registered', reason: null });
    host.lose({ cause: 'closed', microphoneReleased: true });
    host.connect();
    host.emit({ type: 'registration', state: 'registered', reason: null });
    assert.deepEqual(
      coreEvents.filter((event) => event.type === 'line-lost' || event.type === 'line-restored'),
      [],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MediaCommand, MediaEvent } from '../../../../../electron/common/contract/media-host-contract';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import {
  MediaHostConnection,
  type MediaHostLoss,
  type MediaHostPage,
} from '../../../../../electron/main/sip/media-host-link';

function setUp() {
  const logger = createMemoryLogger();
  const link = new MediaHostConnection(logger);
  const events: MediaEvent[] = [];
  const losses: MediaHostLoss[] = [];
  let connects = 0;
  link.onEvent((event) => events.push(event));
  link.onDisconnected((loss) => losses.push(loss));
  link.onConnected(() => (connects += 1));
  const page = (): MediaHostPage & { delivered: MediaCommand[] } => {
    const delivered: MediaCommand[] = [];
    return { delivered, deliver: (command) => delivered.push(command) };
  };
  return { link, events, losses, logger, page, connects: () => connects };
}

const ready: MediaEvent = { type: 'ready', calls: [] };
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the media host link', () => {
  test('a page counts as connected only once it says ready; commands go to it then', () => {
    const { link, page, connects, events } = setUp();
    const first = page();
    link.attach(first);
    assert.equal(link.connected, false);
    link.receive(first, ready);
    assert.equal(link.connected, true);
    assert.equal(connects(), 1);
    assert.deepEqual(events, [ready]);
    link.send({ type: 'listDevices' });
    assert.deepEqual(first.delivered, [{ type: 'listDevices' }]);
  });

  test('a command with no page ready fails back, naming its call, and is never held for later', async () => {
    const { link, events, page } = setUp();
    link.send({ type: 'attachMicrophone', callId: 'leg-1' });
    const waiting = page();
    link.attach(waiting);
    link.send({ type: 'releaseMicrophone', callId: 'leg-1' });
    await settle();
    assert.deepEqual(waiting.delivered, []);
    assert.deepEqual(events, [
      {
        type: 'commandFailed',
        command: 'attachMicrophone',
        callId: 'leg-1',
        reason: 'The audio engine is not running right now.',
      },
      {
        type: 'commandFailed',
        command: 'releaseMicrophone',
        callId: 'leg-1',
        reason: 'The audio engine is not running right now.',
      },
    ]);
  });

  test('malformed events are dropped with the reason; a second ready is ignored', () => {
    const { link, events, logger, page, connects } = setUp();
    const current = page();
    link.attach(current);
    link.receive(current, { type: 'microphone', callId: 'leg-1', state: 'wide open' });
    link.receive(current, 'not json at all');
    link.receive(current, ready);
    link.receive(current, ready);
    assert.deepEqual(events, [ready]);
    assert.equal(connects(), 1);
    assert.equal(
      logger.records.filter((record) => record.message === 'Dropped a malformed media host event').length,
      2,
    );
  });

  test('goodbye means the document is going: the microphone is known released', () => {
    const { link, losses, page } = setUp();
    const current = page();
    link.attach(current);
    link.receive(current, ready);
    link.receive(current, { type: 'goodbye' });
    assert.equal(link.connected, false);
    assert.deepEqual(losses, [{ cause: 'the audio window was closed', microphoneReleased: true }]);
  });

  test('a dropped transport does not prove the capture ended; a page that cannot be reached is let go', () => {
    const { link, losses, page } = setUp();
    const dropped = page();
    link.attach(dropped);
    link.receive(dropped, ready);
    link.detach('the socket closed', { documentGone: false }, dropped);
    assert.deepEqual(losses, [{ cause: 'the socket closed', microphoneReleased: false }]);

    const broken: MediaHostPage = {
      deliver: () => {
        throw new Error('socket not open');
      },
    };
    link.attach(broken);
    link.receive(broken, ready);
    link.send({ type: 'listDevices' });
    assert.equal(link.connected, false);
    assert.deepEqual(losses.at(-1), { cause: 'the page could not be reached', microphoneReleased: false });
  });

  test('an old page no longer speaks for the link once another replaced it', () => {
    const { link, events, losses, page } = setUp();
    const old = page();
    link.attach(old);
    link.receive(old, ready);
    const fresh = page();
    link.attach(fresh);
    assert.deepEqual(losses, [{ cause: 'replaced by another page', microphoneReleased: false }]);
    link.receive(old, { type: 'firstAudio', callId: 'leg-1', at: 1 });
    link.detach('the old socket closed', { documentGone: true }, old);
    assert.equal(events.length, 1, 'only the old page’s first ready');
    assert.equal(losses.length, 1);
    assert.equal(link.attached, true);
  });

  test('a page that goes before saying ready was never connected, so nothing is lost', () => {
    const { link, losses, page } = setUp();
    const early = page();
    link.attach(early);
    link.detach('closed while loading', { documentGone: true }, early);
    assert.deepEqual(losses, []);
    assert.equal(link.attached, false);
  });

  test('a listener that throws is logged and the others still hear the event', () => {
    const { link, events, logger, page } = setUp();
    link.onEvent(() => {
      throw new Error('listener bug');
    });
    const current = page();
    link.attach(current);
    link.receive(current, ready);
    link.receive(current, { type: 'firstAudio', callId: 'leg-1', at: 1 });
    assert.equal(events.length, 2);
    assert.ok(logger.records.some((record) => record.message === 'A media host listener threw'));
  });
});

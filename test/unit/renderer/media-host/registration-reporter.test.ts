import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { MediaEvent } from '../../../../electron/common/contract/media-host-contract';
import { RegistrationReporter } from '../../../../renderer/media-host/registration-reporter';

const URL = 'ws://127.0.0.1:5066';

function reporter() {
  const events: Array<Pick<Extract<MediaEvent, { type: 'registration' }>, 'state' | 'reason'>> = [];
  const subject = new RegistrationReporter(URL, (event) => events.push({ state: event.state, reason: event.reason }));
  return { subject, events };
}

describe('registration reporting', () => {
  test('connecting, then registered', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportConnected();
    subject.registered();
    assert.deepEqual(events, [
      { state: 'connecting', reason: null },
      { state: 'registered', reason: null },
    ]);
  });

  test('a dropped WebSocket is one "connecting" with the reason, then registered again; JsSIP\'s echoes are hidden', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportConnected();
    subject.registered();
    subject.transportDisconnected();
    subject.unregistered();
    subject.transportDisconnected();
    subject.transportConnected();
    subject.registered();
    assert.deepEqual(
      events.map((event) => event.state),
      ['connecting', 'registered', 'connecting', 'registered'],
    );
    assert.match(
      events[2]!.reason ?? '',
      /Lost the connection to the SIP server at ws:\/\/127\.0\.0\.1:5066; reconnecting/,
    );
  });

  test('a server that never answers says so', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportDisconnected();
    assert.match(events.at(-1)?.reason ?? '', /Cannot reach the SIP server/);
  });

  test('a refused password is a failure in words', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportConnected();
    subject.registrationFailed('Authentication Error', { code: 403, reason: 'Forbidden' });
    subject.unregistered();
    assert.deepEqual(events.at(-1), {
      state: 'failed',
      reason: 'The SIP server refused the user name or password (403 Forbidden).',
    });
    assert.equal(events.length, 2);
  });

  test('after stopping, it reports unregistered once and nothing more', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportConnected();
    subject.registered();
    subject.stopped();
    subject.unregistered();
    subject.transportDisconnected();
    subject.registered();
    assert.deepEqual(
      events.map((event) => event.state),
      ['connecting', 'registered', 'unregistered'],
    );
  });

  test('an unusable account fails at once and retires', () => {
    const { subject, events } = reporter();
    subject.invalidAccount('The SIP account settings are not usable: bad uri');
    subject.starting();
    assert.deepEqual(events, [{ state: 'failed', reason: 'The SIP account settings are not usable: bad uri' }]);
  });

  test('repeating says the current state again, even though nothing changed', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportConnected();
    subject.registered();
    subject.repeat();
    assert.deepEqual(
      events.map((event) => event.state),
      ['connecting', 'registered', 'registered'],
    );
    assert.equal(subject.state, 'registered');
  });

  test('a reconnect main asked for is a "connecting" of its own, so main sees the line come back', () => {
    const { subject, events } = reporter();
    subject.starting();
    subject.transportConnected();
    subject.registered();
    subject.reconnecting();
    subject.registered();
    assert.deepEqual(events, [
      { state: 'connecting', reason: null },
      { state: 'registered', reason: null },
      { state: 'connecting', reason: 'Reconnecting to the SIP server after a network change.' },
      { state: 'registered', reason: null },
    ]);
  });
});

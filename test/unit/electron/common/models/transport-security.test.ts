import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  describeUnencrypted,
  isLoopbackHost,
  unencryptedAccepted,
  unencryptedTransports,
} from '../../../../../electron/common/models/transport-security';

describe('unencrypted links of a sign-in', () => {
  test('loopback names and addresses never leave this computer', () => {
    for (const host of ['localhost', 'LOCALHOST', 'earshot.localhost', '127.0.0.1', '127.255.0.9', '[::1]']) {
      assert.equal(isLoopbackHost(host), true, host);
    }
    for (const host of [
      'gws.example.com',
      '10.0.0.5',
      '128.0.0.1',
      '127.0.0.256',
      'localhost.example.com',
      '0.0.0.0',
    ]) {
      assert.equal(isLoopbackHost(host), false, host);
    }
  });

  test('http:// GWS and ws:// SIP to another computer are unencrypted; https, wss and loopback are not', () => {
    assert.deepEqual(
      unencryptedTransports({ gwsUrl: 'http://gws.example.com:8090', sipWebSocketUrl: 'ws://sip.example.com/ws' }),
      [
        { link: 'gws', url: 'http://gws.example.com:8090', host: 'gws.example.com' },
        { link: 'sip', url: 'ws://sip.example.com/ws', host: 'sip.example.com' },
      ],
    );
    assert.deepEqual(
      unencryptedTransports({ gwsUrl: 'https://gws.example.com', sipWebSocketUrl: 'wss://sip.example.com/ws' }),
      [],
    );
    assert.deepEqual(
      unencryptedTransports({ gwsUrl: 'http://127.0.0.1:41234', sipWebSocketUrl: 'ws://localhost:5066/' }),
      [],
    );
    assert.deepEqual(unencryptedTransports({ gwsUrl: 'HTTP://user:pw@10.1.2.3', sipWebSocketUrl: null }), [
      { link: 'gws', url: 'HTTP://user:pw@10.1.2.3', host: '10.1.2.3' },
    ]);
  });

  test('a remembered choice covers exactly the addresses it was made for', () => {
    const transports = unencryptedTransports({ gwsUrl: 'http://gws.lan', sipWebSocketUrl: 'ws://sip.lan' });
    assert.equal(unencryptedAccepted(transports, ['http://gws.lan', 'ws://sip.lan']), true);
    assert.equal(unencryptedAccepted(transports, ['http://gws.lan']), false);
    assert.equal(unencryptedAccepted([], []), true);
  });

  test('the warning names the hosts and what would travel in clear', () => {
    const text = describeUnencrypted(
      unencryptedTransports({ gwsUrl: 'http://gws.lan:8090', sipWebSocketUrl: 'ws://sip.lan' }),
    );
    assert.match(text, /http:\/\/ sends your password .* to gws\.lan/);
    assert.match(text, /ws:\/\/ sends the SIP sign-in .* to sip\.lan/);
    assert.match(text, /Use https:\/\//);
  });
});

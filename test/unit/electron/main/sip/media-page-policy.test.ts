import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MediaCommand, MediaEvent } from '../../../../../electron/common/contract/media-host-contract';
import { createMemoryLogger } from '../../../../../electron/main/platform/logger';
import {
  cspSourceForWebSocketUrl,
  guardMediaLink,
  MediaPagePolicy,
} from '../../../../../electron/main/sip/media-page-policy';
import type { MediaHostLink } from '../../../../../electron/main/sip/media-host-link';

const account = (webSocketUrl: string) => ({
  webSocketUrl,
  sipUri: 'sip:5005@demo.earshot.local',
  authorizationUser: '5005',
  password: 'sip-5005',
  displayName: 'Sam Rivera',
});

function recordingLink() {
  const sent: MediaCommand[] = [];
  const eventListeners = new Set<(event: MediaEvent) => void>();
  const link: MediaHostLink = {
    connected: true,
    send: (command) => sent.push(command),
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnected: () => () => undefined,
    onDisconnected: () => () => undefined,
  };
  return { link, sent, emit: (event: MediaEvent) => eventListeners.forEach((listener) => listener(event)) };
}

describe('the SIP server the media page may reach', () => {
  test('a ws:// or wss:// address becomes a CSP source for exactly it', () => {
    assert.equal(cspSourceForWebSocketUrl('wss://sip.example.com:8089/ws'), 'wss://sip.example.com:8089/ws');
    assert.equal(cspSourceForWebSocketUrl('ws://127.0.0.1:41234'), 'ws://127.0.0.1:41234/');
    assert.equal(cspSourceForWebSocketUrl('wss://sip.example.com:443/ws?transport=x'), 'wss://sip.example.com/ws');
    assert.equal(cspSourceForWebSocketUrl('ws://[::1]:5066/'), 'ws://[::1]:5066/');
  });

  test('addresses a policy cannot carry exactly are refused', () => {
    for (const url of [
      'https://sip.example.com',
      'wss://user:pw@sip.example.com/ws',
      "wss://sip.example.com/a;script-src 'unsafe-inline'",
      'wss://sip.example.com/a,b',
      'not a url',
    ]) {
      assert.equal(cspSourceForWebSocketUrl(url), null, url);
    }
  });

  test('the policy changes, and says so, only for another server', () => {
    const policy = new MediaPagePolicy();
    assert.equal(policy.sipServer, null);
    assert.equal(policy.allow('wss://a.example/ws'), true);
    assert.equal(policy.generation, 1);
    assert.equal(policy.allow('wss://a.example/ws'), false);
    assert.equal(policy.allow('wss://b.example/ws'), true);
    assert.equal(policy.generation, 2);
    assert.equal(policy.sipServer, 'wss://b.example/ws');
    assert.equal(policy.allow('ws://x/;'), null);
    assert.equal(policy.generation, 2);
  });
});

describe('guardMediaLink', () => {
  test('credentials for a server the page cannot reach yet are not sent: the page reloads first', () => {
    const { link, sent } = recordingLink();
    let reloads = 0;
    const guarded = guardMediaLink(link, new MediaPagePolicy(), {
      logger: createMemoryLogger(),
      reloadPage: () => (reloads += 1),
    });
    guarded.send({ type: 'register', account: account('wss://sip.example.com/ws') });
    assert.equal(reloads, 1);
    assert.equal(sent.length, 0);
    // The reloaded page has the new policy; the SIP controller registers again and now it goes through.
    guarded.send({ type: 'register', account: account('wss://sip.example.com/ws') });
    assert.equal(reloads, 1);
    assert.deepEqual(
      sent.map((command) => command.type),
      ['register'],
    );
  });

  test('other commands pass as they are, and events come through', () => {
    const { link, sent, emit } = recordingLink();
    const guarded = guardMediaLink(link, new MediaPagePolicy(), { logger: createMemoryLogger(), reloadPage: () => {} });
    const seen: MediaEvent[] = [];
    guarded.onEvent((event) => seen.push(event));
    guarded.send({ type: 'listDevices' });
    guarded.send({ type: 'unregister' });
    emit({ type: 'ready', calls: [] });
    assert.deepEqual(sent, [{ type: 'listDevices' }, { type: 'unregister' }]);
    assert.deepEqual(seen, [{ type: 'ready', calls: [] }]);
    assert.equal(guarded.connected, true);
  });

  test('an address no policy can be limited to is refused with a registration failure in words', async () => {
    const { link, sent } = recordingLink();
    const guarded = guardMediaLink(link, new MediaPagePolicy(), { logger: createMemoryLogger(), reloadPage: () => {} });
    const seen: MediaEvent[] = [];
    guarded.onEvent((event) => seen.push(event));
    guarded.send({ type: 'register', account: account('wss://sip.example.com/a;b') });
    await new Promise((resolve) => queueMicrotask(() => resolve(null)));
    assert.equal(sent.length, 0);
    assert.equal(seen[0]?.type, 'registration');
    assert.match(
      seen[0]?.type === 'registration' ? (seen[0].reason ?? '') : '',
      /cannot use this SIP WebSocket address/,
    );
  });
});

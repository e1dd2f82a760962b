import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  contentSecurityPolicy,
  launchPageContentSecurityPolicy,
  mediaHostContentSecurityPolicy,
  resolveStaticPath,
  uiContentSecurityPolicy,
} from '../../../../../electron/main/platform/static-files';

describe('resolveStaticPath', () => {
  test('serves index.html for the root and files under the root', () => {
    assert.equal(resolveStaticPath('/srv/ui', '/'), '/srv/ui/index.html');
    assert.equal(resolveStaticPath('/srv/ui', '/app.js?v=1'), '/srv/ui/app.js');
  });

  test('refuses traversal, encoded traversal, NUL bytes and unknown types', () => {
    assert.equal(resolveStaticPath('/srv/ui', '/../secret.js'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/%2e%2e/%2e%2e/etc/passwd.html'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/app.js%00.html'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/settings.json'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/%E0%A4%A'), null);
  });
});

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

describe('the Content-Security-Policy of each page', () => {
  test('the Electron UI window may open no connection at all', () => {
    assert.equal(directive(contentSecurityPolicy, 'connect-src'), "connect-src 'none'");
    assert.equal(directive(contentSecurityPolicy, 'script-src'), "script-src 'self'");
    assert.doesNotMatch(contentSecurityPolicy, /unsafe-inline|unsafe-eval|\*/);
  });

  test('the browser edition’s UI page may open exactly its own socket', () => {
    const policy = uiContentSecurityPolicy(['ws://127.0.0.1:4242/ui-bridge']);
    assert.equal(directive(policy, 'connect-src'), 'connect-src ws://127.0.0.1:4242/ui-bridge');
    assert.doesNotMatch(policy, /ws:\/\/127\.0\.0\.1:\*|unsafe-inline/);
  });

  test('the media page may reach what it is given and nothing else; before a sign-in, nothing', () => {
    assert.equal(directive(mediaHostContentSecurityPolicy([]), 'connect-src'), "connect-src 'none'");
    const policy = mediaHostContentSecurityPolicy(['ws://127.0.0.1:4343/media-bridge', 'wss://sip.example.com/ws']);
    assert.equal(
      directive(policy, 'connect-src'),
      'connect-src ws://127.0.0.1:4343/media-bridge wss://sip.example.com/ws',
    );
    assert.equal(directive(policy, 'default-src'), "default-src 'none'");
    assert.equal(directive(policy, 'style-src'), "style-src 'self'");
    assert.doesNotMatch(policy, /connect-src[^;]*\b(ws|wss):(\s|;|$)/);
  });

  test('the launch page may run its own script and talk back to its own origin only', () => {
    assert.equal(directive(launchPageContentSecurityPolicy, 'connect-src'), "connect-src 'self'");
    assert.equal(directive(launchPageContentSecurityPolicy, 'default-src'), "default-src 'none'");
    assert.equal(directive(launchPageContentSecurityPolicy, 'frame-ancestors'), "frame-ancestors 'none'");
  });
});

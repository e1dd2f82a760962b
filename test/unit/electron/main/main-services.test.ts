import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { MediaCommand } from '../../../../electron/common/contract/media-host-contract';
import { createMainServices, type DemoContactCenter } from '../../../../electron/main/main-services';
import { createMemoryLogger } from '../../../../electron/main/platform/logger';
import type { MediaHostLink } from '../../../../electron/main/sip/media-host-link';
import { testPlatform } from '../../../support/test-platform';

/** A media host that is never there: commands go nowhere. */
const absentMediaHost: MediaHostLink = {
  connected: false,
  send: (_command: MediaCommand) => undefined,
  onEvent: () => () => undefined,
  onConnected: () => () => undefined,
  onDisconnected: () => () => undefined,
};

/** A loopback address where nothing listens (a port just freed), so a sign-in to it fails at once. */
let nowhere = '';
before(async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  nowhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise((resolve) => server.close(resolve));
});

/** Counts starts; it answers at `nowhere`. */
function countingDemo(): DemoContactCenter & { starts: number } {
  const demo = {
    starts: 0,
    credentials: { userName: 'supervisor', password: 'demo' },
    async start() {
      demo.starts += 1;
      return { baseUrl: nowhere, userName: 'supervisor', password: 'demo', sip: null };
    },
    async stop() {},
  };
  return demo;
}

describe('the demo contact center starts only when the supervisor chooses it', () => {
  const logger = createMemoryLogger();
  const { platform, remove } = testPlatform(logger);
  const demo = countingDemo();
  const services = createMainServices({
    logger,
    demo,
    mediaHost: absentMediaHost,
    mediaHostRestartsByItself: false,
    platform,
  });
  after(async () => {
    await services.dispose();
    remove();
  });

  test('the sign-in screen offers it with its credentials, without starting it', async () => {
    const defaults = await services.invoke('session:getSignInDefaults', {});
    assert.deepEqual(defaults, {
      ok: true,
      value: { demo: { available: true, userName: 'supervisor', password: 'demo' }, lastServer: null },
    });
    assert.equal(demo.starts, 0);
  });

  test('signing in to a real server does not start it either', async () => {
    await services.invoke('session:signIn', {
      server: { kind: 'gws', baseUrl: nowhere },
      userName: 'supervisor',
      password: 'x',
    });
    assert.equal(demo.starts, 0);
  });

  test('a sign-in over http:// to another computer is refused until the supervisor agrees', async () => {
    const refused = await services.invoke('session:signIn', {
      server: { kind: 'gws', baseUrl: 'http://gws.example.invalid:8090' },
      userName: 'supervisor',
      password: 'x',
    });
    assert.equal(refused.ok ? '' : refused.error.code, 'unencrypted');
    assert.match(refused.ok ? '' : refused.error.message, /unencrypted to gws\.example\.invalid/);
  });

  test('signing in to the demo starts it', async () => {
    await services.invoke('session:signIn', { server: { kind: 'demo' }, userName: 'supervisor', password: 'demo' });
    assert.equal(demo.starts, 1);
  });
});

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:https';
import { after, before, describe, test } from 'node:test';
import type { MediaCommand } from '../../../electron/common/contract/media-host-contract';
import { SupervisorSession } from '../../../electron/main/contact-center/supervisor-session';
import { createMainServices } from '../../../electron/main/main-services';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { createAppStore } from '../../../electron/main/state/app-store';
import { readCaCertificates, type TrustedCas } from '../../../electron/main/trust/ca-certificates';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { forwardRequest, listenOnLoopback } from '../../support/forwarding-proxy';
import { makeTestCa, type TestCa } from '../../support/test-ca';
import { testPlatform } from '../../support/test-platform';
import { waitFor } from '../../support/wait-for';

/** GWS behind HTTPS, as a site with its own CA serves it: a TLS-terminating proxy in front of the demo. */
async function startHttpsProxy(upstream: string, ca: TestCa): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const server: Server = createServer({ cert: ca.serverCertPem, key: ca.serverKeyPem }, (req, res) =>
    forwardRequest(target, req, res),
  );
  return listenOnLoopback(server, 'https');
}

function trusted(pem: string): TrustedCas {
  const read = readCaCertificates(pem, Date.now());
  assert.ok(read.ok);
  return read.value;
}

describe('GWS over https:// with a private CA', () => {
  let simulator: RunningSimulator;
  let proxy: Awaited<ReturnType<typeof startHttpsProxy>>;
  const ca = makeTestCa('Contact Center Root CA');

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, seed: 5 });
    proxy = await startHttpsProxy(simulator.baseUrl, ca);
  });

  after(async () => {
    await proxy.close();
    await simulator.stop();
  });

  function newSession() {
    const store = createAppStore();
    const logger = createMemoryLogger();
    const session = new SupervisorSession({
      store,
      logger,
      requestTimeoutMs: 5_000,
      teamRefresh: { requestsPerSecond: 4 },
    });
    return { store, session, logger };
  }

  test("with the profile's CA, REST and CometD both trust the server: sign-in works and notifications arrive", async () => {
    const { store, session } = newSession();
    try {
      const result = await session.signIn({
        baseUrl: proxy.url,
        isDemo: false,
        credentials: simulator.demo,
        privateCa: trusted(ca.caPem),
      });
      assert.deepEqual(result, { ok: true, value: null });
      assert.equal(store.getState().connection.status, 'connected');
      assert.ok(store.getState().team.agents.length > 0);

      // Asking to monitor an agent (REST) is confirmed by a DeviceStateChangeMessage (CometD).
      const notifications: string[] = [];
      session.onNotification((notification) => notifications.push(notification.data.messageType));
      const api = session.api!;
      const me = await api.getMe({ subresources: 'devices' });
      const device = me.ok ? me.value.devices?.[0] : undefined;
      assert.ok(device);
      const agent = store.getState().team.agents.find((candidate) => candidate.extension);
      assert.ok(agent?.extension);
      const started = await api.operation(`/api/v2/me/devices/${encodeURIComponent(device.id)}`, {
        operationName: 'ListenIn',
        phoneNumber: agent.extension,
        supervisorMonitoringScope: 'Call',
        supervisorMonitoringMode: 'AllCalls',
      });
      assert.deepEqual(started, { ok: true, value: null });
      await waitFor('the confirmation through the HTTPS proxy', () =>
        notifications.includes('DeviceStateChangeMessage'),
      );
    } finally {
      await session.dispose();
    }
  });

  test("without it, sign-in fails at once and says the server's certificate is not trusted", async () => {
    const { store, session } = newSession();
    const result = await session.signIn({ baseUrl: proxy.url, isDemo: false, credentials: simulator.demo });
    assert.equal(result.ok, false);
    const error = !result.ok ? result.error : null;
    assert.equal(error?.code, 'tls');
    assert.match(
      error?.message ?? '',
      /^The server's certificate is not trusted: .* Add your organisation's CA certificate to this server profile/,
    );
    assert.equal(store.getState().connection.status, 'signed-out');
  });

  test("with another CA, the message names the profile's CA that did not sign it", async () => {
    const { session } = newSession();
    const result = await session.signIn({
      baseUrl: proxy.url,
      isDemo: false,
      credentials: simulator.demo,
      privateCa: trusted(makeTestCa('Wrong Root CA').caPem),
    });
    assert.equal(!result.ok && result.error.code, 'tls');
    assert.match(!result.ok ? result.error.message : '', /this server profile's CA certificate \(Wrong Root CA/);
  });

  test("through main: a profile saved with the CA signs in, and the session's CA is what the media window and diagnostics see", async () => {
    const logger = createMemoryLogger();
    const { platform, remove } = testPlatform(logger);
    const services = createMainServices({
      logger,
      mediaHost: {
        connected: false,
        send: (_command: MediaCommand) => undefined,
        onEvent: () => () => undefined,
        onConnected: () => () => undefined,
        onDisconnected: () => () => undefined,
      },
      mediaHostRestartsByItself: false,
      platform,
    });
    try {
      const saved = await services.invoke('settings:saveServerProfile', {
        name: 'Contoso',
        gwsUrl: proxy.url,
        userName: simulator.demo.userName,
        sip: null,
        caCertificate: ca.caPem,
      });
      assert.ok(saved.ok);
      const profileId = platform.settings.get().servers.profiles[0]!.id;
      const signedIn = await services.invoke('session:signInWithProfile', {
        profileId,
        password: simulator.demo.password,
        rememberPassword: false,
      });
      assert.deepEqual(signedIn, { ok: true, value: null });
      assert.equal(services.sessionCa()?.summary[0]?.subject, 'Contact Center Root CA, Earshot Tests');
      const diagnostics = await services.invoke('diagnostics:get', {});
      assert.match(
        diagnostics.ok ? (diagnostics.value as { text: string }).text : '',
        /Private CA of this session: Contact Center Root CA/,
      );

      await services.invoke('session:signOut', {});
      assert.equal(services.sessionCa(), null);
    } finally {
      await services.dispose();
      remove();
    }
  });
});

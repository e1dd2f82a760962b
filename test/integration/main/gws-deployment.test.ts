import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { SupervisorSession } from '../../../electron/main/contact-center/supervisor-session';
import { createMemoryLogger } from '../../../electron/main/platform/logger';
import { createAppStore } from '../../../electron/main/state/app-store';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { forwardRequest, listenOnLoopback } from '../../support/forwarding-proxy';

/**
 * A reverse proxy as many sites configure one: it forwards GWS's REST paths and exactly
 * /api/v2/notifications, and answers 404 to anything below that path.
 */
async function startStrictProxy(
  upstream: string,
): Promise<{ url: string; paths: string[]; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const paths: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    paths.push(path);
    if (path.startsWith('/api/v2/notifications/')) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    forwardRequest(target, req, res);
  });
  return { ...(await listenOnLoopback(server, 'http')), paths };
}

function newSession() {
  const store = createAppStore();
  const logger = createMemoryLogger();
  const session = new SupervisorSession({
    store,
    logger,
    teamRefresh: { requestsPerSecond: 4 },
    requestTimeoutMs: 3_000,
  });
  return { store, session, logger };
}

describe('GWS as real deployments serve it', () => {
  let simulator: RunningSimulator;

  before(async () => {
    // A site whose SMS channel goes by another name: asking for "sms" fails alone (statusCode 7).
    simulator = await startSimulator({ liveFloor: false, seed: 11, contactCenterChannels: ['voice', 'chat'] });
  });

  after(async () => {
    await simulator.stop();
  });

  test('behind a proxy that forwards only the exact notifications path, CometD still connects', async () => {
    const proxy = await startStrictProxy(simulator.baseUrl);
    const { store, session } = newSession();
    try {
      const result = await session.signIn({ baseUrl: proxy.url, isDemo: false, credentials: simulator.demo });
      assert.deepEqual(result, { ok: true, value: null });
      assert.equal(store.getState().connection.status, 'connected');
      const notifications = proxy.paths.filter((path) => path.startsWith('/api/v2/notifications'));
      assert.ok(notifications.length >= 2, 'handshake and connect went through the proxy');
      assert.deepEqual([...new Set(notifications)], ['/api/v2/notifications']);
    } finally {
      await session.dispose();
      await proxy.close();
    }
  });

  test('a partial StartContactCenterSession signs in and says which channels did not start', async () => {
    const { store, session, logger } = newSession();
    try {
      const result = await session.signIn({ baseUrl: simulator.baseUrl, isDemo: false, credentials: simulator.demo });
      assert.deepEqual(result, { ok: true, value: null });
      assert.deepEqual(store.getState().session?.channelsNotStarted, ['sms']);
      assert.ok(
        logger.records.some((record) => record.message === 'Contact-center session started on some channels only'),
      );
    } finally {
      await session.dispose();
    }
  });
});

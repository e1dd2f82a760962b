// The browser edition's doors, in one process against the demo contact center: the launch keys,
// the Host and Origin checks, the separate media page key that alone receives SIP credentials, one
// UI tab at a time, and the CSP of each page. Real services and sockets on 127.0.0.1, no browser.
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { startBrowserHost, type RunningBrowserHost } from '../../../electron/browser-host/browser-host';
import { createMediaHostServer } from '../../../electron/browser-host/media-host-server';
import {
  MEDIA_SOCKET_PATH,
  type MediaCommand,
  type MediaEvent,
} from '../../../electron/common/contract/media-host-contract';
import {
  MEDIA_SOCKET_RELOAD,
  UI_SOCKET_PATH,
  UI_SOCKET_TAKEN_OVER,
} from '../../../electron/common/contract/socket-frames';
import { createInProcessDemo } from '../../../electron/main/demo-contact-center';
import { createMainServices, type MainServices } from '../../../electron/main/main-services';
import { createMemoryLogger, formatLogRecord } from '../../../electron/main/platform/logger';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { callControl } from '../../support/simulator-control';
import { testPlatform } from '../../support/test-platform';
import { waitFor } from '../../support/wait-for';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so Host and Origin can be anything a hostile client sends. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: { Host: target.host, ...options.headers },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

/** What the launch page does: trade the key in the address's fragment for the origin's cookie. */
async function exchange(launchUrl: string, origin = new URL(launchUrl).origin): Promise<Answer & { cookie: string }> {
  const url = new URL(launchUrl);
  const key = new URLSearchParams(url.hash.slice(1)).get('key') ?? '';
  const answer = await send(`${url.origin}/launch`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'text/plain' },
    body: key,
  });
  const setCookie = answer.headers['set-cookie']?.[0] ?? '';
  return { ...answer, cookie: setCookie.split(';')[0] ?? '' };
}

type Connection =
  | { readonly opened: true; readonly socket: WebSocket; readonly frames: unknown[]; closed: Promise<number> }
  | { readonly opened: false; readonly status: number };

/** Opens a WebSocket as any client could, with whatever Origin, Host and cookie it likes. */
function connect(url: string, headers: { origin?: string; cookie?: string; host?: string }): Promise<Connection> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, {
      origin: headers.origin,
      headers: {
        ...(headers.cookie ? { Cookie: headers.cookie } : {}),
        ...(headers.host ? { Host: headers.host } : {}),
      },
    });
    const frames: unknown[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as unknown));
    const closed = new Promise<number>((resolveClose) => socket.on('close', (code) => resolveClose(code)));
    socket.on('unexpected-response', (_request, response) =>
      resolve({ opened: false, status: response.statusCode ?? 0 }),
    );
    socket.on('error', () => undefined);
    socket.on('open', () => resolve({ opened: true, socket, frames, closed }));
  });
}

function opened(connection: Connection): Extract<Connection, { opened: true }> {
  assert.ok(connection.opened, `refused with ${connection.opened ? '' : connection.status}`);
  return connection;
}

function directive(policy: string | string[] | undefined, name: string): string | undefined {
  return String(policy ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

describe('the browser edition lets in only the supervisor who started it', () => {
  const logger = createMemoryLogger();
  const { platform, remove } = testPlatform(logger);
  let services: MainServices;
  let host: RunningBrowserHost;
  let ui: { origin: string; socket: string; cookie: string };
  let media: { origin: string; socket: string; cookie: string };

  before(async () => {
    const mediaHost = createMediaHostServer({
      logger: logger.child('media-host'),
      mediaRoot: join(repo, 'renderer', 'media-host'),
      bridgeRoot: join(repo, 'electron', 'browser-host', 'page-bridge'),
    });
    services = createMainServices({
      logger,
      demo: createInProcessDemo(logger.child('demo'), {
        clipsDirectory: join(repo, 'electron', 'simulator', 'media', 'clips'),
      }),
      mediaHost: mediaHost.link,
      mediaHostRestartsByItself: false,
      platform,
    });
    host = await startBrowserHost({
      services,
      logger,
      uiRoot: join(repo, 'renderer', 'ui'),
      bridgeRoot: join(repo, 'electron', 'browser-host', 'page-bridge'),
      launchRoot: join(repo, 'electron', 'browser-host', 'pages'),
      mediaHost,
    });
    const uiOrigin = new URL(host.url).origin;
    const mediaOrigin = new URL(host.mediaUrl).origin;
    ui = {
      origin: uiOrigin,
      socket: `${uiOrigin.replace('http', 'ws')}${UI_SOCKET_PATH}`,
      cookie: (await exchange(host.url)).cookie,
    };
    media = {
      origin: mediaOrigin,
      socket: `${mediaOrigin.replace('http', 'ws')}${MEDIA_SOCKET_PATH}`,
      cookie: (await exchange(host.mediaUrl)).cookie,
    };
  });

  after(async () => {
    await services.dispose();
    await host.close();
    remove();
  });

  test('the UI and the media page are two origins, and the printed addresses carry a key in the fragment', () => {
    assert.notEqual(ui.origin, media.origin);
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/launch#key=[A-Za-z0-9_-]{43}$/);
    assert.match(host.mediaUrl, /^http:\/\/127\.0\.0\.1:\d+\/launch#key=[A-Za-z0-9_-]{43}$/);
    assert.match(ui.cookie, /^earshot-ui-\d+=[A-Za-z0-9_-]{43}$/);
    assert.match(media.cookie, /^earshot-media-\d+=[A-Za-z0-9_-]{43}$/);
  });

  test('every route but the launch page needs the key', async () => {
    assert.equal((await send(`${ui.origin}/launch`)).status, 200);
    assert.equal((await send(`${ui.origin}/launch/launch.css`)).status, 200);
    const landing = await send(`${ui.origin}/`);
    assert.equal(landing.status, 303);
    assert.equal(landing.headers.location, '/launch');
    for (const path of ['/index.html?x', '/app.js', '/page-bridge.js', '/page-bridge.css']) {
      assert.equal((await send(`${ui.origin}${path}`)).status, path.startsWith('/index') ? 303 : 403, path);
    }
    assert.equal((await send(`${media.origin}/media/`)).status, 303);
    assert.equal((await send(`${media.origin}/media/media-host.js`)).status, 403);
    assert.equal((await send(`${ui.origin}/`, { headers: { Cookie: ui.cookie } })).status, 200);
    assert.equal((await send(`${media.origin}/media/`, { headers: { Cookie: media.cookie } })).status, 200);
    assert.equal((await send(`${media.origin}/media/`, { headers: { Cookie: ui.cookie } })).status, 303);
  });

  test('the cookie is HttpOnly and SameSite=Strict; a one-time link works once; a key from elsewhere never', async () => {
    const first = await exchange(host.url);
    assert.equal(first.status, 200);
    assert.match(String(first.headers['set-cookie']), /; HttpOnly; SameSite=Strict; Path=\//);
    const once = host.mintUiPageUrl();
    assert.equal((await exchange(once)).status, 200);
    assert.equal((await exchange(once)).status, 403);
    assert.equal((await exchange(host.url, 'http://evil.example')).status, 403, 'posted from another site');
    assert.equal((await exchange(host.url.replace(/key=.*/, 'key=guess'))).status, 403);
    assert.equal((await exchange(host.mediaUrl.replace(new URL(host.mediaUrl).origin, ui.origin))).status, 403);
  });

  test('a wrong Host is refused, key or not (DNS rebinding)', async () => {
    for (const origin of [ui.origin, media.origin]) {
      const port = new URL(origin).port;
      const answer = await send(`${origin}/launch`, { headers: { Host: `evil.example:${port}` } });
      assert.equal(answer.status, 421);
      const keyed = await send(`${origin}/`, { headers: { Host: `127.0.0.2:${port}`, Cookie: ui.cookie } });
      assert.equal(keyed.status, 421);
    }
    const socket = await connect(ui.socket, {
      origin: 'http://evil.example:80',
      cookie: ui.cookie,
      host: 'evil.example:80',
    });
    assert.equal(socket.opened ? 0 : socket.status, 421);
    assert.equal(
      (await send(`${ui.origin}/`, { headers: { Host: `localhost:${new URL(ui.origin).port}` } })).status,
      303,
    );
  });

  test('a client that forges the Origin but has no key is refused on both sockets, and logged', async () => {
    const uiRefusal = await connect(ui.socket, { origin: ui.origin });
    assert.equal(uiRefusal.opened ? 0 : uiRefusal.status, 401);
    const mediaRefusal = await connect(media.socket, { origin: media.origin });
    assert.equal(mediaRefusal.opened ? 0 : mediaRefusal.status, 401);
    const wrongKey = await connect(media.socket, {
      origin: media.origin,
      cookie: ui.cookie.replace('earshot-ui', 'earshot-media'),
    });
    assert.equal(wrongKey.opened ? 0 : wrongKey.status, 401);
    const foreign = await connect(ui.socket, { origin: 'http://evil.example', cookie: ui.cookie });
    assert.equal(foreign.opened ? 0 : foreign.status, 403);
    const lines = logger.records.map(formatLogRecord).join('\n');
    assert.match(lines, /Refused a UI connection without its key/);
    assert.match(lines, /Refused a media page connection without its key/);
    assert.match(lines, /Refused a UI connection from another origin/);
    for (const secret of [new URL(host.url).hash.slice(5), ui.cookie.split('=')[1]!, media.cookie.split('=')[1]!]) {
      assert.equal(lines.includes(secret), false, 'no key or cookie value reaches the log');
    }
  });

  test('one tab at a time: another is told, and takes over only when asked', async () => {
    const first = opened(await connect(`${ui.socket}?tab=first`, { origin: ui.origin, cookie: ui.cookie }));
    await waitFor('the first tab in use', () =>
      first.frames.some((frame) => JSON.stringify(frame).includes('"in-use"')),
    );
    const second = opened(await connect(`${ui.socket}?tab=second`, { origin: ui.origin, cookie: ui.cookie }));
    await waitFor('the second tab told', () =>
      second.frames.some((frame) => JSON.stringify(frame).includes('in-use-elsewhere')),
    );
    second.socket.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'state:get', payload: {} }));
    const refused = await waitFor('an answer to the waiting tab', () =>
      second.frames.find((frame) => (frame as { kind?: string }).kind === 'result'),
    );
    assert.match(JSON.stringify(refused), /"code":"busy"/);
    second.socket.send(JSON.stringify({ kind: 'takeOver' }));
    assert.equal(await first.closed, UI_SOCKET_TAKEN_OVER);
    await waitFor('the second tab in use', () =>
      second.frames.some((frame) => JSON.stringify(frame).includes('"in-use"')),
    );
    second.socket.send(JSON.stringify({ kind: 'invoke', id: 2, channel: 'state:get', payload: {} }));
    const answered = await waitFor('state for the tab in use', () =>
      second.frames.find((frame) => (frame as { kind?: string; id?: number }).id === 2),
    );
    assert.match(JSON.stringify(answered), /"ok":true/);
    // The same tab reloading is not another tab: it takes its own place without a fuss.
    const reloaded = opened(await connect(`${ui.socket}?tab=second`, { origin: ui.origin, cookie: ui.cookie }));
    assert.equal(await second.closed, 1000);
    await waitFor('the reloaded tab in use', () =>
      reloaded.frames.some((frame) => JSON.stringify(frame).includes('"in-use"')),
    );
    reloaded.socket.close();
  });

  test('the SIP password reaches only a media page that presented the media key', async () => {
    const tab = opened(await connect(`${ui.socket}?tab=sip`, { origin: ui.origin, cookie: ui.cookie }));
    await waitFor('the tab in use', () => tab.frames.some((frame) => JSON.stringify(frame).includes('"in-use"')));
    tab.socket.send(
      JSON.stringify({
        kind: 'invoke',
        id: 1,
        channel: 'session:signIn',
        payload: { server: { kind: 'demo' }, userName: 'supervisor', password: 'demo' },
      }),
    );
    await waitFor('signed in', () => tab.frames.find((frame) => (frame as { id?: number }).id === 1), 30_000);
    assert.equal(services.store.getState().session?.supervisor.userName, 'supervisor');

    // Forged clients, with the page's own Origin or the UI's key, never get in, so never get `register`.
    for (const cookie of [undefined, ui.cookie]) {
      const forged = await connect(`${media.socket}?policy=1`, { origin: media.origin, cookie });
      assert.equal(forged.opened ? 0 : forged.status, 401);
    }

    // A page opened before anyone signed in may reach no SIP server: it is told to reload, unregistered.
    const before = await send(`${media.origin}/media/`, { headers: { Cookie: media.cookie } });
    assert.match(before.body, /data-policy="0"/);
    assert.equal(directive(before.headers['content-security-policy'], 'connect-src'), `connect-src ${media.socket}`);
    const early = opened(await connect(`${media.socket}?policy=0`, { origin: media.origin, cookie: media.cookie }));
    early.socket.send(JSON.stringify({ type: 'ready', calls: [] } satisfies MediaEvent));
    assert.equal(await early.closed, MEDIA_SOCKET_RELOAD);
    assert.equal(JSON.stringify(early.frames).includes('sip-5005'), false);

    // Reloaded, its CSP names the demo's SIP server and nothing else besides its own socket.
    const page = await send(`${media.origin}/media/`, { headers: { Cookie: media.cookie } });
    const generation = /data-policy="(\d+)"/.exec(page.body)?.[1];
    assert.equal(generation, '1');
    const connectSource = directive(page.headers['content-security-policy'], 'connect-src');
    assert.match(connectSource ?? '', new RegExp(`^connect-src ${media.socket} ws://127\\.0\\.0\\.1:\\d+/$`));

    const stale = opened(await connect(`${media.socket}?policy=0`, { origin: media.origin, cookie: media.cookie }));
    assert.equal(await stale.closed, MEDIA_SOCKET_RELOAD);
    assert.deepEqual(stale.frames, []);

    const real = opened(
      await connect(`${media.socket}?policy=${generation}`, { origin: media.origin, cookie: media.cookie }),
    );
    real.socket.send(JSON.stringify({ type: 'ready', calls: [] } satisfies MediaEvent));
    const register = await waitFor('the register command', () =>
      real.frames.find(
        (frame): frame is Extract<MediaCommand, { type: 'register' }> => (frame as MediaCommand).type === 'register',
      ),
    );
    assert.equal(register.account.password, 'sip-5005');
    real.socket.close();
    tab.socket.close();
  });

  test('each page is served with its own CSP', async () => {
    const launch = await send(`${ui.origin}/launch`);
    assert.equal(directive(launch.headers['content-security-policy'], 'connect-src'), "connect-src 'self'");
    const page = await send(`${ui.origin}/`, { headers: { Cookie: ui.cookie } });
    assert.equal(directive(page.headers['content-security-policy'], 'connect-src'), `connect-src ${ui.socket}`);
    assert.match(
      page.body,
      /<head><link rel="stylesheet" href="\/page-bridge\.css"><script src="\/page-bridge\.js"><\/script>/,
    );
    const port = new URL(ui.origin).port;
    const viaLocalhost = await send(`${ui.origin}/`, { headers: { Cookie: ui.cookie, Host: `localhost:${port}` } });
    assert.equal(
      directive(viaLocalhost.headers['content-security-policy'], 'connect-src'),
      `connect-src ws://localhost:${port}${UI_SOCKET_PATH}`,
    );
  });
});

describe('the demo contact center’s control API obeys only whoever holds its token', () => {
  let simulator: RunningSimulator;
  const token = 'a-token-the-test-alone-knows';

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, controlToken: token });
  });
  after(() => simulator.stop());

  test('without the token, from a web page, or for another Host: refused', async () => {
    await assert.rejects(callControl(simulator.baseUrl, 'GET', '/state'), /→ 401/);
    await assert.rejects(callControl(simulator.baseUrl, 'GET', '/state', undefined, 'wrong'), /→ 401/);
    const fromPage = await send(`${simulator.baseUrl}/control/floor`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example', Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
      body: '{"running":true}',
    });
    assert.equal(fromPage.status, 403);
    const rebound = await send(`${simulator.baseUrl}/control/state`, {
      headers: { Host: 'evil.example', Authorization: `Bearer ${token}` },
    });
    assert.equal(rebound.status, 421);
  });

  test('with the token it answers', async () => {
    const state = (await callControl(simulator.baseUrl, 'GET', '/state', undefined, token)) as { agents: unknown[] };
    assert.ok(state.agents.length > 0);
  });
});

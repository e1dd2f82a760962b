import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { GwsTestClient, control } from './gws-test-client';

const agent = { userName: 'avasquez', password: 'agent' };

describe('GWS REST: authentication, session cookie and CSRF', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
  });

  after(async () => {
    await simulator.stop();
  });

  test('the version needs no credentials', async () => {
    const response = await new GwsTestClient(simulator.baseUrl).get('/api/v2/diagnostics/version');
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { statusCode: 0, version: '8.5.200.50' });
  });

  test('no credentials: 401 with the GWS body and no browser login prompt', async () => {
    const response = await new GwsTestClient(simulator.baseUrl).get('/api/v2/me');
    assert.equal(response.status, 401);
    assert.deepEqual(response.json, { statusCode: 20, statusMessage: 'Access denied' });
    assert.equal(response.headers.get('www-authenticate'), null);
  });

  test('a wrong password is refused, even alongside a live session cookie', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    assert.equal((await client.signIn(simulator.demo)).status, 200);
    const response = await client.get('/api/v2/me', { basic: { userName: simulator.demo.userName, password: 'nope' } });
    assert.equal(response.status, 401);
    assert.equal(response.json?.statusCode, 20);
  });

  test('Basic auth opens a session; the cookie alone then authenticates and every GET carries the CSRF token', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    const first = await client.signIn(simulator.demo);
    assert.equal(first.status, 200);
    assert.match(first.headers.get('set-cookie') ?? '', /^JSESSIONID=[a-z0-9]+; Path=\/; HttpOnly$/);
    assert.equal(first.headers.get('x-csrf-header'), 'X-CSRF-TOKEN');
    assert.match(first.headers.get('x-csrf-token') ?? '', /^[0-9a-f-]{36}$/);

    const again = await client.get('/api/v2/me');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('set-cookie'), null, 'the session is reused, not replaced');
    assert.equal(again.headers.get('x-csrf-token'), first.headers.get('x-csrf-token'));
    const user = again.json?.user as Record<string, unknown>;
    assert.equal(user.userName, 'supervisor');
    assert.deepEqual(user.roles, ['ROLE_SUPERVISOR']);
    assert.match(String(user.id), /^[0-9a-f]{32}$/);
    assert.equal(user.uri, `${simulator.baseUrl}/api/v2/users/${String(user.id)}`);
    assert.equal(user.path, `/users/${String(user.id)}`);
  });

  test('POST without the CSRF token, or without the cookie, is 403 "Missing or invalid Csrf token"', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    await client.signIn(simulator.demo);
    const start = { operationName: 'StartContactCenterSession', channels: ['voice'] };

    const noToken = await client.post('/api/v2/me', start, { csrf: false });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.text, 'Missing or invalid Csrf token');
    assert.match(noToken.headers.get('content-type') ?? '', /^text\/plain/);

    const noCookie = await client.post('/api/v2/me', start, { cookie: false, basic: simulator.demo });
    assert.equal(noCookie.status, 403);
    assert.equal(noCookie.text, 'Missing or invalid Csrf token');

    const wrongToken = await new GwsTestClient(simulator.baseUrl).request('POST', '/api/v2/me', start, {});
    assert.equal(wrongToken.status, 403);

    const ok = await client.post('/api/v2/me', start);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json, { statusCode: 0 });
  });

  test('bad bodies, unknown operations, unknown paths', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    await client.signIn(simulator.demo);

    const notJson = await client.request('POST', '/api/v2/me', undefined, { rawBody: '{"operationName":' });
    assert.equal(notJson.status, 400);
    assert.equal(notJson.json?.statusCode, 1);
    assert.equal(typeof notJson.json?.statusMessage, 'string');

    const noOperation = await client.post('/api/v2/me', { channels: ['voice'] });
    assert.equal(noOperation.status, 400);
    assert.equal(noOperation.json?.statusCode, 1);

    const unknownOperation = await client.post('/api/v2/me', { operationName: 'Dance' });
    assert.equal(unknownOperation.status, 400);
    assert.equal(unknownOperation.json?.statusCode, 1);

    const unknownPath = await client.get('/api/v2/nothing/here');
    assert.equal(unknownPath.status, 404);
    assert.equal(unknownPath.json?.statusCode, 6);
    const malformedId = await client.get('/api/v2/users/%E0%A4%A');
    assert.equal(malformedId.status, 404);
    assert.equal(malformedId.json?.statusCode, 6);
    const wrongMethod = await client.request('PUT', '/api/v2/me', {});
    assert.equal(wrongMethod.status, 405);
    assert.equal(wrongMethod.json?.statusCode, 3);

    const notGws = await client.get('/index.html');
    assert.equal(notGws.status, 404);
    assert.match(notGws.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(notGws.json, undefined);
  });

  test('GET /me with subresources embeds devices, channels, settings and interactions', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    await client.signIn(agent);
    const chat = await control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/interactions`, { kind: 'chat' });
    try {
      const all = await client.get('/api/v2/me?subresources=*');
      const user = all.json?.user as Record<string, unknown>;
      const devices = user.devices as Array<Record<string, unknown>>;
      assert.equal(devices.length, 1);
      const device = devices[0]!;
      assert.match(String(device.id), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      assert.equal(device.phoneNumber, '5001');
      assert.equal(device.deviceState, 'Active');
      assert.deepEqual(device.userState, {
        id: '9430250E-0A1B-421F-B372-F29E69366DED',
        displayName: 'Ready',
        state: 'Ready',
      });
      assert.deepEqual(
        (user.channels as Array<{ channel: string }>).map((channel) => channel.channel),
        ['voice', 'chat', 'sms'],
      );
      assert.deepEqual(user.settings, {});
      assert.deepEqual(user.calls, []);
      assert.deepEqual(user.smssessions, []);
      const chats = user.chats as Array<Record<string, unknown>>;
      assert.equal(chats.length, 1);
      assert.equal(chats[0]?.id, chat.json.id);
      assert.equal(chats[0]?.state, 'Chatting');

      const some = await client.get('/api/v2/me?subresources=devices');
      const partial = some.json?.user as Record<string, unknown>;
      assert.ok(Array.isArray(partial.devices));
      assert.equal(partial.channels, undefined);
      assert.equal(partial.chats, undefined);
    } finally {
      await control(simulator.baseUrl, 'DELETE', `/interactions/${String(chat.json.id)}`);
    }
  });

  test('collections return uris without fields, objects with fields=*', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    await client.signIn(agent);
    const call = await control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/interactions`, { kind: 'call' });
    try {
      const me = (await client.get('/api/v2/me?subresources=devices')).json?.user as { devices: Array<{ id: string }> };
      const deviceId = me.devices[0]!.id;
      assert.deepEqual((await client.get('/api/v2/me/devices')).json, {
        statusCode: 0,
        uris: [`${simulator.baseUrl}/api/v2/devices/${deviceId}`],
      });
      const devices = (await client.get('/api/v2/me/devices?fields=*')).json?.devices as Array<{ id: string }>;
      assert.equal(devices[0]?.id, deviceId);
      const narrow = (await client.get('/api/v2/me/devices?fields=id,phoneNumber')).json?.devices as Array<
        Record<string, unknown>
      >;
      assert.deepEqual(narrow, [{ id: deviceId, phoneNumber: '5001' }]);

      const callId = String(call.json.id);
      assert.match(callId, /^[0-9A-Z]{32}$/);
      assert.deepEqual((await client.get('/api/v2/me/calls')).json, {
        statusCode: 0,
        uris: [`${simulator.baseUrl}/api/v2/me/calls/${callId}`],
      });
      const calls = (await client.get('/api/v2/me/calls?fields=*')).json?.calls as Array<Record<string, unknown>>;
      assert.equal(calls[0]?.id, callId);
      assert.equal(calls[0]?.state, 'Established');
      assert.equal(calls[0]?.dnis, '5001');
      assert.equal(typeof calls[0]?.duration, 'string');
      assert.deepEqual((await client.get('/api/v2/me/chats')).json, { statusCode: 0, uris: [] });
      assert.deepEqual((await client.get('/api/v2/me/smssessions?fields=*')).json, { statusCode: 0, smssessions: [] });
    } finally {
      await control(simulator.baseUrl, 'DELETE', `/interactions/${String(call.json.id)}`);
    }
  });

  test('the absolute uris in resources resolve', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    await client.signIn(agent);
    const started = await Promise.all(
      (['call', 'chat', 'sms'] as const).map((kind) =>
        control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/interactions`, { kind }),
      ),
    );
    try {
      const uris = [
        ...((await client.get('/api/v2/me/devices')).json?.uris as string[]),
        ...((await client.get('/api/v2/me/calls')).json?.uris as string[]),
        ...((await client.get('/api/v2/me/chats')).json?.uris as string[]),
        ...((await client.get('/api/v2/me/smssessions')).json?.uris as string[]),
        String(((await client.get('/api/v2/me')).json?.user as { uri: string }).uri),
      ];
      assert.equal(uris.length, 5);
      for (const uri of uris) {
        assert.ok(uri.startsWith(`${simulator.baseUrl}/api/v2/`), uri);
        const response = await client.get(uri.slice(simulator.baseUrl.length));
        assert.equal(response.status, 200, uri);
        assert.equal(response.json?.statusCode, 0, uri);
      }
      const contacts = (
        await client.get('/api/v2/contacts?filterName=NamesOrPhoneNumberMatches&filterParameters=avasquez')
      ).json?.contacts as Array<{ uri: string }>;
      const contact = await client.get(contacts[0]!.uri.slice(simulator.baseUrl.length));
      assert.equal((contact.json?.contact as { userName: string }).userName, 'avasquez');
    } finally {
      for (const item of started) await control(simulator.baseUrl, 'DELETE', `/interactions/${String(item.json.id)}`);
    }
  });

  test('EndContactCenterSession logs out and invalidates the HTTP session', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    await client.signIn(simulator.demo);
    assert.equal(
      (
        await client.post('/api/v2/me', {
          operationName: 'StartContactCenterSession',
          channels: ['voice', 'chat', 'sms'],
        })
      ).status,
      200,
    );
    const started = (await client.get('/api/v2/me?subresources=devices')).json?.user as {
      devices: Array<{ userState: { state: string } }>;
    };
    assert.equal(started.devices[0]?.userState.state, 'NotReady');

    const ended = await client.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    assert.deepEqual(ended.json, { statusCode: 0 });
    const after = await client.get('/api/v2/me');
    assert.equal(after.status, 401);
    assert.deepEqual(after.json, { statusCode: 20, statusMessage: 'Access denied' });

    const fresh = new GwsTestClient(simulator.baseUrl);
    const user = (await fresh.get('/api/v2/me?subresources=devices', { basic: simulator.demo })).json?.user as {
      devices: Array<{ userState: { state: string } }>;
    };
    assert.equal(user.devices[0]?.userState.state, 'LoggedOut');
  });

  test('supervisor-only operations refuse an agent with statusCode 5', async () => {
    const client = new GwsTestClient(simulator.baseUrl);
    const me = (await client.signIn(agent)).json?.user as { id: string };
    const supervisorId = (
      (await control(simulator.baseUrl, 'GET', '/state')).json.supervisors as Array<{ id: string; userName: string }>
    ).find((user) => user.userName === 'supervisor')!.id;
    const readOther = await client.get(`/api/v2/users/${supervisorId}`);
    assert.equal(readOther.status, 403);
    assert.equal(readOther.json?.statusCode, 5);
    assert.equal((await client.get(`/api/v2/users/${me.id}`)).status, 200, 'anyone may read themself');

    const device = ((await client.get('/api/v2/me/devices?fields=id')).json?.devices as Array<{ id: string }>)[0]!;
    const listenIn = await client.post(`/api/v2/me/devices/${device.id}`, {
      operationName: 'ListenIn',
      phoneNumber: '5002',
    });
    assert.equal(listenIn.status, 403);
    assert.equal(listenIn.json?.statusCode, 5);
  });
});

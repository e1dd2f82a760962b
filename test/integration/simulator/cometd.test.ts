import assert from 'node:assert/strict';
import type { CometD, Message } from 'cometd';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { GwsTestClient, control, createCometd, disconnect, handshake, subscribe, waitFor } from './gws-test-client';

const agent = { userName: 'avasquez', password: 'agent' };

interface DeviceEvent {
  messageType: string;
  devices: Array<{ id: string; userState: { state: string; reason?: string } }>;
}

describe('CometD notifications with the official cometd client', () => {
  let simulator: RunningSimulator;
  const clients: CometD[] = [];

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
  });

  after(async () => {
    for (const cometd of clients) await disconnect(cometd);
    await simulator.stop();
  });

  function track(cometd: CometD): CometD {
    clients.push(cometd);
    return cometd;
  }

  async function signedIn(credentials: {
    userName: string;
    password: string;
  }): Promise<{ rest: GwsTestClient; deviceId: string; userId: string }> {
    const rest = new GwsTestClient(simulator.baseUrl);
    const user = (await rest.get('/api/v2/me?subresources=devices', { basic: credentials })).json?.user as {
      id: string;
      devices: Array<{ id: string }>;
    };
    return { rest, deviceId: user.devices[0]!.id, userId: user.id };
  }

  test('an unauthenticated handshake fails with 401 and advice to stop', async () => {
    const cometd = track(createCometd(simulator.baseUrl));
    const reply = await handshake(cometd);
    assert.equal(reply.successful, false);
    assert.match(reply.error ?? '', /^401:/);
    await waitFor('the client to give up', () => cometd.isDisconnected(), 5_000);

    const wrong = track(createCometd(simulator.baseUrl, { basic: { userName: 'supervisor', password: 'wrong' } }));
    const refused = await handshake(wrong);
    assert.equal(refused.successful, false);
    assert.match(refused.error ?? '', /^401:/);
  });

  test('each user receives only their own events, in the GWS envelope, on the channel subscribed', async () => {
    const supervisor = await signedIn(simulator.demo);
    const supervisorEvents: Message[] = [];
    const supervisorClient = track(createCometd(simulator.baseUrl, { cookie: supervisor.rest.cookieHeader }));
    assert.equal((await handshake(supervisorClient)).successful, true);
    assert.equal(
      (await subscribe(supervisorClient, '/v2/me/devices', (message) => supervisorEvents.push(message))).successful,
      true,
    );
    assert.equal(
      (await subscribe(supervisorClient, '/v2/me/calls', (message) => supervisorEvents.push(message))).successful,
      true,
    );

    // The agent's client authenticates with Basic on the Bayeux requests, not with a cookie.
    const agentInfo = await signedIn(agent);
    const agentEvents: Message[] = [];
    const agentClient = track(createCometd(simulator.baseUrl, { basic: agent }));
    assert.equal((await handshake(agentClient)).successful, true);
    const wildcard = await subscribe(agentClient, '/v2/me/*', (message) => agentEvents.push(message));
    assert.equal(wildcard.successful, true);
    assert.deepEqual(wildcard.subscription, '/v2/me/*');

    assert.equal(
      (
        await supervisor.rest.post('/api/v2/me', {
          operationName: 'StartContactCenterSession',
          channels: ['voice', 'chat', 'sms'],
        })
      ).status,
      200,
    );
    const started = await waitFor('the supervisor’s device event', () =>
      supervisorEvents.find((message) => message.channel === '/v2/me/devices'),
    );
    const data = started.data as DeviceEvent;
    assert.equal(data.messageType, 'DeviceStateChangeMessage');
    assert.equal(data.devices[0]?.id, supervisor.deviceId);
    assert.equal(data.devices[0]?.userState.state, 'NotReady');

    await control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/state`, {
      state: 'NotReady',
      reason: 'Coaching',
    });
    const call = await control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/interactions`, { kind: 'call' });
    const chat = await control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/interactions`, { kind: 'chat' });
    await control(simulator.baseUrl, 'DELETE', `/interactions/${String(call.json.id)}`);

    const released = await waitFor('the agent’s released call', () =>
      agentEvents.find(
        (message) =>
          message.channel === '/v2/me/calls' && (message.data as { call: { state: string } }).call.state === 'Released',
      ),
    );
    const deviceEvent = agentEvents.find((message) => message.channel === '/v2/me/devices');
    assert.ok(deviceEvent);
    assert.equal((deviceEvent.data as DeviceEvent).devices[0]?.id, agentInfo.deviceId);
    assert.deepEqual((deviceEvent.data as DeviceEvent).devices[0]?.userState.reason, 'Coaching');
    const callStates = agentEvents
      .filter((message) => message.channel === '/v2/me/calls')
      .map((message) => (message.data as { call: { state: string; id: string } }).call);
    assert.deepEqual(
      callStates.map((item) => item.state),
      ['Ringing', 'Established', 'Released'],
    );
    assert.ok(callStates.every((item) => item.id === call.json.id));
    assert.equal((released.data as { notificationType: string; phoneNumber: string }).notificationType, 'StatusChange');
    assert.equal((released.data as { phoneNumber: string }).phoneNumber, '5001');
    const chatEvent = agentEvents.find((message) => message.channel === '/v2/me/chats');
    assert.equal(
      (chatEvent?.data as { messageType: string; chat: { id: string } }).messageType,
      'ChatStateChangeMessage',
    );
    assert.equal((chatEvent?.data as { chat: { id: string } }).chat.id, chat.json.id);
    assert.ok(agentEvents.some((message) => message.channel === '/v2/me/channels'));
    await control(simulator.baseUrl, 'DELETE', `/interactions/${String(chat.json.id)}`);

    // A marker on the supervisor's own stream: once it arrives, anything misrouted would have too.
    await supervisor.rest.post('/api/v2/me/channels/voice', { operationName: 'Ready' });
    await waitFor('the supervisor’s Ready event', () =>
      supervisorEvents.some((message) => (message.data as DeviceEvent).devices?.[0]?.userState.state === 'Ready'),
    );
    assert.ok(
      supervisorEvents.every((message) => message.channel === '/v2/me/devices'),
      'no agent call events reach the supervisor',
    );
    assert.ok(
      supervisorEvents.every((message) => (message.data as DeviceEvent).devices[0]?.id === supervisor.deviceId),
    );
    assert.ok(agentEvents.every((message) => message.channel.startsWith('/v2/me/')));
    assert.ok(
      agentEvents
        .filter((message) => message.channel === '/v2/me/devices')
        .every((message) => (message.data as DeviceEvent).devices[0]?.id === agentInfo.deviceId),
      'no supervisor device events reach the agent',
    );
  });

  test('clients may not publish to GWS topics', async () => {
    const supervisor = await signedIn(simulator.demo);
    const cometd = track(createCometd(simulator.baseUrl, { cookie: supervisor.rest.cookieHeader }));
    assert.equal((await handshake(cometd)).successful, true);
    const reply = await new Promise<Message>((resolve) =>
      cometd.publish('/v2/me/devices', { messageType: 'DeviceStateChangeMessage' }, resolve),
    );
    assert.equal(reply.successful, false);
    assert.match(reply.error ?? '', /^403:/);
  });

  test('after a drop the next connect fails with 402::Unknown client, and a re-handshake restores delivery', async () => {
    const supervisor = await signedIn(simulator.demo);
    const events: Message[] = [];
    const connectErrors: string[] = [];
    let handshakes = 0;
    const cometd = track(createCometd(simulator.baseUrl, { cookie: supervisor.rest.cookieHeader }));
    let subscribed: Promise<Message> = Promise.resolve({ channel: '/meta/subscribe' });
    cometd.addListener('/meta/handshake', (message) => {
      if (!message.successful) return;
      handshakes += 1;
      // CometD forgets subscriptions on a new handshake; GWS clients subscribe again here.
      subscribed = subscribe(cometd, '/v2/me/devices', (event) => events.push(event));
    });
    cometd.addListener('/meta/connect', (message) => {
      if (!message.successful && message.error) connectErrors.push(message.error);
    });
    await handshake(cometd);
    assert.equal((await subscribed).successful, true);
    await waitFor('a connected client', () => cometd.getStatus() === 'connected');
    const before = (await control(simulator.baseUrl, 'GET', '/state')).json.bayeuxClients as number;
    assert.ok(before >= 1);

    const dropped = await control(simulator.baseUrl, 'POST', '/cometd/drop');
    assert.ok((dropped.json.dropped as number) >= 1);
    await waitFor('a second handshake', () => handshakes >= 2);
    assert.ok(connectErrors.includes('402::Unknown client'), `connect errors: ${connectErrors.join(', ')}`);
    assert.equal((await subscribed).successful, true);

    await supervisor.rest.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    await waitFor('an event after the re-handshake', () => events.length > 0);
  });

  test('EndContactCenterSession disconnects the session’s CometD client, which cannot come back', async () => {
    const supervisor = await signedIn(simulator.demo);
    const handshakeErrors: string[] = [];
    const cometd = track(createCometd(simulator.baseUrl, { cookie: supervisor.rest.cookieHeader }));
    cometd.addListener('/meta/handshake', (message) => {
      if (!message.successful && message.error) handshakeErrors.push(message.error);
    });
    assert.equal((await handshake(cometd)).successful, true);
    await waitFor('a connected client', () => cometd.getStatus() === 'connected');
    await supervisor.rest.post('/api/v2/me', { operationName: 'EndContactCenterSession' });
    await waitFor('the client to stop', () => cometd.isDisconnected());
    assert.ok(handshakeErrors.some((error) => error.startsWith('401:')));
  });

  test('a client with its default transports falls back from WebSocket to long-polling', async () => {
    const supervisor = await signedIn(simulator.demo);
    const cometd = track(
      createCometd(simulator.baseUrl, { cookie: supervisor.rest.cookieHeader, defaultTransports: true }),
    );
    const events: Message[] = [];
    let subscribed: Promise<Message> | null = null;
    cometd.addListener('/meta/handshake', (message) => {
      if (message.successful) subscribed = subscribe(cometd, '/v2/me/devices', (event) => events.push(event));
    });
    cometd.handshake();
    await waitFor('a connected client', () => cometd.getStatus() === 'connected' && subscribed !== null, 15_000);
    assert.equal((await subscribed!)?.successful, true);
    assert.equal(cometd.getTransport()?.type, 'long-polling');
    await supervisor.rest.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    await waitFor('an event over long-polling', () => events.length > 0);
  });
});

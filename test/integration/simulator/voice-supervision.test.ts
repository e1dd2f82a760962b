import assert from 'node:assert/strict';
import type { CometD, Message } from 'cometd';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { GwsTestClient, createCometd, disconnect, handshake, subscribe, waitFor } from './gws-test-client';

interface Device {
  id: string;
  uri: string;
  phoneNumber: string;
  capabilities: string[];
  supervisorMonitoringState?: Record<string, string>;
}

describe('voice supervision subscriptions on the supervisor’s device', () => {
  let simulator: RunningSimulator;
  let supervisor: GwsTestClient;
  let supervisorDevice: Device;
  let agentDevice: Device;
  let cometd: CometD;
  const deviceEvents: Device[] = [];

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    supervisor = new GwsTestClient(simulator.baseUrl);
    const me = (await supervisor.get('/api/v2/me?subresources=devices', { basic: simulator.demo })).json?.user as {
      devices: Device[];
    };
    supervisorDevice = me.devices[0]!;
    const contacts = (
      await supervisor.get('/api/v2/contacts?filterName=NamesOrPhoneNumberMatches&filterParameters=avasquez')
    ).json?.contacts as Array<{ id: string }>;
    const agent = (await supervisor.get(`/api/v2/users/${contacts[0]!.id}?subresources=devices`)).json?.user as {
      devices: Device[];
    };
    agentDevice = agent.devices[0]!;
    cometd = createCometd(simulator.baseUrl, { cookie: supervisor.cookieHeader });
    await handshake(cometd);
    await subscribe(cometd, '/v2/me/devices', (message: Message) =>
      deviceEvents.push(...((message.data as { devices: Device[] }).devices ?? [])),
    );
  });

  after(async () => {
    await disconnect(cometd);
    await simulator.stop();
  });

  function operate(body: Record<string, unknown>) {
    return supervisor.post(`/api/v2/me/devices/${supervisorDevice.id}`, body);
  }

  test('monitoring needs a contact-center session first', async () => {
    const early = await operate({ operationName: 'ListenIn', targetDeviceUri: agentDevice.uri });
    assert.equal(early.status, 400);
    assert.equal(early.json?.statusCode, 2);
    assert.equal(
      (await supervisor.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] })).status,
      200,
    );
    const device = await waitFor('the logged-in device', () =>
      deviceEvents.find((item) => item.capabilities.includes('ListenIn')),
    );
    assert.deepEqual(device.capabilities, ['ForwardCallsOn', 'DoNotDisturbOn', 'ListenIn', 'Coach', 'BargeIn']);
  });

  test('ListenIn is confirmed by a DeviceStateChangeMessage; Cancel removes the state', async () => {
    deviceEvents.length = 0;
    const listen = await operate({
      operationName: 'ListenIn',
      targetDeviceUri: agentDevice.uri,
      supervisorMonitoringMode: 'NextCall',
    });
    assert.deepEqual(listen.json, { statusCode: 0 });
    const monitoring = await waitFor('the monitoring state', () =>
      deviceEvents.find((item) => item.supervisorMonitoringState),
    );
    assert.equal(monitoring.id, supervisorDevice.id);
    assert.ok(monitoring.capabilities.includes('CancelSupervisorMonitoring'));
    assert.deepEqual(monitoring.supervisorMonitoringState, {
      state: 'ListenIn',
      mode: 'NextCall',
      scope: 'Call',
      // Asked by device URI, the state names the device alone; a client that did not ask looks it up.
      targetDeviceUri: agentDevice.uri,
      switchName: 'SIP_Switch',
    });

    deviceEvents.length = 0;
    assert.deepEqual((await operate({ operationName: 'CancelSupervisorMonitoring' })).json, { statusCode: 0 });
    const cancelled = await waitFor('the cancelled state', () => deviceEvents[0]);
    assert.equal(cancelled.supervisorMonitoringState, undefined);
    assert.ok(!cancelled.capabilities.includes('CancelSupervisorMonitoring'));
    const again = await operate({ operationName: 'CancelSupervisorMonitoring' });
    assert.equal(again.status, 400);
    assert.equal(again.json?.statusCode, 2);
  });

  test('by phone number the state carries an empty targetDeviceUri; one supervisor per device', async () => {
    deviceEvents.length = 0;
    assert.equal((await operate({ operationName: 'Coach', phoneNumber: '5001' })).status, 200);
    const coaching = await waitFor('the coaching state', () =>
      deviceEvents.find((item) => item.supervisorMonitoringState),
    );
    assert.equal(coaching.supervisorMonitoringState?.state, 'Coach');
    assert.equal(coaching.supervisorMonitoringState?.targetDeviceUri, '');

    const other = new GwsTestClient(simulator.baseUrl);
    const otherDevice = (
      (await other.get('/api/v2/me?subresources=devices', { basic: { userName: 'jellis', password: 'demo' } })).json
        ?.user as { devices: Device[] }
    ).devices[0]!;
    await other.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    const clash = await other.post(`/api/v2/me/devices/${otherDevice.id}`, {
      operationName: 'BargeIn',
      targetDeviceUri: agentDevice.uri,
    });
    assert.equal(clash.status, 400);
    assert.equal(clash.json?.statusCode, 3);
    await operate({ operationName: 'CancelSupervisorMonitoring' });
    assert.equal(
      (
        await other.post(`/api/v2/me/devices/${otherDevice.id}`, {
          operationName: 'BargeIn',
          targetDeviceUri: agentDevice.uri,
        })
      ).status,
      200,
    );
    await other.post(`/api/v2/me/devices/${otherDevice.id}`, { operationName: 'CancelSupervisorMonitoring' });
  });

  test('bad targets and other devices', async () => {
    const missing = await operate({ operationName: 'ListenIn' });
    assert.equal(missing.status, 400);
    assert.equal(missing.json?.statusCode, 1);
    const unknown = await operate({
      operationName: 'ListenIn',
      targetDeviceUri: `${simulator.baseUrl}/api/v2/devices/00000000-0000-4000-8000-000000000000`,
    });
    assert.equal(unknown.json?.statusCode, 6);
    const self = await operate({ operationName: 'ListenIn', phoneNumber: supervisorDevice.phoneNumber });
    assert.equal(self.json?.statusCode, 2);
    const badMode = await operate({
      operationName: 'ListenIn',
      phoneNumber: '5001',
      supervisorMonitoringMode: 'Forever',
    });
    assert.equal(badMode.json?.statusCode, 1);
    const notMine = await supervisor.post(`/api/v2/me/devices/${agentDevice.id}`, {
      operationName: 'ListenIn',
      phoneNumber: '5002',
    });
    assert.equal(notMine.status, 404);
    assert.equal(notMine.json?.statusCode, 6);
    const unsupported = await operate({ operationName: 'DoNotDisturbOn' });
    assert.equal(unsupported.status, 400);
    assert.equal(unsupported.json?.statusCode, 1);
  });
});

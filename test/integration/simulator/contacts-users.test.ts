import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { GwsTestClient, control } from './gws-test-client';

interface ContactChannel {
  channel: string;
  available: boolean;
  phoneNumber?: string;
  userActivity: string;
  userState: { id: string; displayName: string; state: string; reason?: string };
}

interface Contact {
  id: string;
  name: string;
  type: string;
  userName: string;
  firstName: string;
  lastName: string;
  employeeId: string;
  emailAddress: string;
  phoneNumbers: Array<{ phoneNumber: string; description: string; switchName: string }>;
  roles: string[];
  businessUnits: unknown[];
  uri: string;
  path: string;
  availability: { channels: ContactChannel[] };
}

interface ContactsBody {
  statusCode: number;
  totalCount: number;
  contacts: Contact[];
}

describe('GWS REST: contacts and users, as a supervisor finds the team', () => {
  let simulator: RunningSimulator;
  let supervisor: GwsTestClient;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false });
    supervisor = new GwsTestClient(simulator.baseUrl);
    await supervisor.signIn(simulator.demo);
  });

  after(async () => {
    await simulator.stop();
  });

  async function contacts(query: string): Promise<ContactsBody> {
    const response = await supervisor.get(`/api/v2/contacts?${query}`);
    assert.equal(response.status, 200, response.text);
    return response.json as unknown as ContactsBody;
  }

  function channel(contact: Contact, name: string): ContactChannel {
    const found = contact.availability.channels.find((item) => item.channel === name);
    assert.ok(found, `channel ${name}`);
    return found;
  }

  test('the team: users with ROLE_AGENT, in the A.13 shape', async () => {
    const body = await contacts('type=User&roles=ROLE_AGENT&limit=100');
    assert.equal(body.statusCode, 0);
    assert.ok(body.totalCount >= 10 && body.totalCount <= 16);
    assert.equal(body.contacts.length, body.totalCount);
    assert.ok(body.contacts.every((contact) => contact.roles.includes('ROLE_AGENT') && contact.type === 'User'));
    const ava = body.contacts.find((contact) => contact.userName === 'avasquez');
    assert.ok(ava);
    assert.match(ava.id, /^[0-9a-f]{32}$/);
    assert.equal(ava.firstName, 'Ava');
    assert.equal(ava.lastName, 'Vasquez');
    assert.deepEqual(ava.phoneNumbers, [{ phoneNumber: '5001', description: '', switchName: 'SIP_Switch' }]);
    assert.equal(ava.uri, `${simulator.baseUrl}/api/v2/contacts/${ava.id}`);
    assert.deepEqual(
      ava.availability.channels.map((item) => item.channel),
      ['voice', 'chat', 'sms'],
    );
    assert.deepEqual(channel(ava, 'voice'), {
      channel: 'voice',
      available: true,
      phoneNumber: '5001',
      userActivity: 'Idle',
      userState: { id: '9430250E-0A1B-421F-B372-F29E69366DED', displayName: 'Ready', state: 'Ready' },
    });
    const loggedOut = body.contacts.filter((contact) => channel(contact, 'voice').userState.state === 'LoggedOut');
    assert.ok(loggedOut.length >= 1 && loggedOut.length <= 2);
    for (const contact of loggedOut) {
      assert.equal(channel(contact, 'voice').available, false);
      assert.equal(channel(contact, 'voice').userState.displayName, 'Logged Out');
    }
    const ids = new Set(body.contacts.map((contact) => contact.phoneNumbers[0]?.phoneNumber));
    assert.equal(ids.size, body.contacts.length, 'DNs are unique');
    assert.ok(!ids.has('5005'), 'the supervisor keeps 5005');
  });

  test('without a roles filter the supervisors are there too', async () => {
    const body = await contacts('type=User');
    assert.ok(
      body.contacts.some((contact) => contact.roles.includes('ROLE_SUPERVISOR') && contact.userName === 'supervisor'),
    );
    assert.equal((await contacts('type=Queue')).totalCount, 0);
  });

  test('NamesOrPhoneNumberMatches: case-insensitive, * wildcard, names and numbers', async () => {
    const byFirst = await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=ava');
    assert.deepEqual(
      byFirst.contacts.map((contact) => contact.userName),
      ['avasquez'],
    );
    const byPrefix = await contacts('roles=ROLE_AGENT&filterName=NamesOrPhoneNumberMatches&filterParameters=M*');
    assert.deepEqual(byPrefix.contacts.map((contact) => contact.userName).sort(), ['mchen', 'mtanaka']);
    const byNumber = await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=500*');
    assert.ok(byNumber.totalCount >= 9);
    const byFullName = await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=*vasq*');
    assert.deepEqual(
      byFullName.contacts.map((contact) => contact.userName),
      ['avasquez'],
    );
    assert.equal(
      (await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=*')).totalCount,
      (await contacts('')).totalCount,
    );
    const missing = await supervisor.get('/api/v2/contacts?filterName=NamesOrPhoneNumberMatches');
    assert.equal(missing.status, 400);
    assert.equal(missing.json?.statusCode, 1);
  });

  test('sortBy=name with order, and limit/offset paging over a stable totalCount', async () => {
    const ascending = await contacts('roles=ROLE_AGENT&sortBy=name&order=Ascending');
    const names = ascending.contacts.map((contact) => contact.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
    const descending = await contacts('roles=ROLE_AGENT&sortBy=name&order=Descending');
    assert.deepEqual(
      descending.contacts.map((contact) => contact.name),
      [...names].reverse(),
    );

    const pages: string[] = [];
    for (let offset = 0; offset < ascending.totalCount; offset += 5) {
      const page = await contacts(`roles=ROLE_AGENT&sortBy=name&order=Ascending&limit=5&offset=${offset}`);
      assert.equal(page.totalCount, ascending.totalCount);
      assert.ok(page.contacts.length <= 5);
      pages.push(...page.contacts.map((contact) => contact.name));
    }
    assert.deepEqual(pages, names);

    const badOrder = await supervisor.get('/api/v2/contacts?sortBy=name&order=Sideways');
    assert.equal(badOrder.status, 400);
    assert.equal(badOrder.json?.statusCode, 1);
    const badLimit = await supervisor.get('/api/v2/contacts?limit=0');
    assert.equal(badLimit.status, 400);
    assert.equal(badLimit.json?.statusCode, 10);
  });

  test('control API changes show in contacts: state, reason, activity', async () => {
    const set = await control(simulator.baseUrl, 'POST', '/agents/mchen/state', { state: 'NotReady', reason: 'Lunch' });
    assert.equal(set.status, 200);
    let chen = (await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=mchen')).contacts[0]!;
    assert.deepEqual(channel(chen, 'voice').userState, {
      id: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
      displayName: 'Not Ready',
      state: 'NotReady',
      reason: 'Lunch',
    });

    await control(simulator.baseUrl, 'POST', '/agents/mchen/state', { state: 'Ready' });
    const call = await control(simulator.baseUrl, 'POST', '/agents/mchen/interactions', { kind: 'call' });
    const sms = await control(simulator.baseUrl, 'POST', '/agents/mchen/interactions', { kind: 'sms' });
    chen = (await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=mchen')).contacts[0]!;
    assert.equal(channel(chen, 'voice').userActivity, 'Busy');
    assert.equal(channel(chen, 'chat').userActivity, 'Idle');
    assert.equal(channel(chen, 'sms').userActivity, 'Busy');

    await control(simulator.baseUrl, 'DELETE', `/interactions/${String(call.json.id)}`);
    await control(simulator.baseUrl, 'DELETE', `/interactions/${String(sms.json.id)}`);
    await control(simulator.baseUrl, 'POST', '/agents/mchen/state', { state: 'AfterCallWork' });
    chen = (await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=mchen')).contacts[0]!;
    assert.equal(channel(chen, 'voice').userActivity, 'Idle');
    assert.equal(channel(chen, 'voice').userState.state, 'AfterCallWork');
    assert.equal(channel(chen, 'chat').userState.state, 'Ready', 'after-call work is a voice state');

    await control(simulator.baseUrl, 'POST', '/agents/mchen/state', { state: 'LoggedOut' });
    chen = (await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=mchen')).contacts[0]!;
    assert.equal(channel(chen, 'voice').available, false);
    assert.equal(channel(chen, 'sms').available, false);
    await control(simulator.baseUrl, 'POST', '/agents/mchen/state', { state: 'Ready' });
  });

  test('users/{id}?subresources lists an agent’s devices, chats and SMS sessions', async () => {
    const ava = (await contacts('filterName=NamesOrPhoneNumberMatches&filterParameters=avasquez')).contacts[0]!;
    const chat = await control(simulator.baseUrl, 'POST', '/agents/avasquez/interactions', { kind: 'chat' });
    const sms = await control(simulator.baseUrl, 'POST', `/agents/${ava.id}/interactions`, { kind: 'sms' });
    try {
      const response = await supervisor.get(`/api/v2/users/${ava.id}?subresources=devices,chats,smssessions`);
      assert.equal(response.status, 200);
      const user = response.json?.user as Record<string, unknown>;
      assert.equal(user.id, ava.id);
      assert.equal(user.userName, 'avasquez');
      assert.equal(user.path, `/users/${ava.id}`);
      const devices = user.devices as Array<{ id: string; phoneNumber: string }>;
      assert.equal(devices[0]?.phoneNumber, '5001');
      const chats = user.chats as Array<Record<string, unknown>>;
      assert.equal(chats.length, 1);
      assert.equal(chats[0]?.id, chat.json.id);
      assert.match(String(chats[0]?.id), /^[0-9A-Za-z]{16}$/);
      assert.match(String(chats[0]?.receivedDate), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
      assert.deepEqual(chats[0]?.capabilities, []);
      assert.deepEqual(chats[0]?.userData, {});
      const smssessions = user.smssessions as Array<Record<string, unknown>>;
      assert.equal(smssessions[0]?.id, sms.json.id);

      const star = (await supervisor.get(`/api/v2/users/${ava.id}?subresources=*`)).json?.user as Record<
        string,
        unknown
      >;
      assert.ok(Array.isArray(star.devices) && Array.isArray(star.chats) && Array.isArray(star.smssessions));
      const plain = (await supervisor.get(`/api/v2/users/${ava.id}`)).json?.user as Record<string, unknown>;
      assert.equal(plain.chats, undefined);
      const devicesOnly = await supervisor.get(`/api/v2/users/${ava.id}/devices?fields=*`);
      assert.equal((devicesOnly.json?.devices as unknown[]).length, 1);
    } finally {
      await control(simulator.baseUrl, 'DELETE', `/interactions/${String(chat.json.id)}`);
      await control(simulator.baseUrl, 'DELETE', `/interactions/${String(sms.json.id)}`);
    }
    const unknown = await supervisor.get('/api/v2/users/0123456789abcdef0123456789abcdef');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json?.statusCode, 6);
  });
});

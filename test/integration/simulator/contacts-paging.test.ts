import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import { callControl as control } from '../../support/simulator-control';
import { GwsTestClient } from './gws-test-client';

interface ContactsBody {
  statusCode: number;
  totalCount: number;
  contacts: Array<{ id: string; userName: string; businessUnits: Array<{ id: string; name: string }> }>;
}

describe('GWS REST: a 500-agent floor pages its contacts', () => {
  let simulator: RunningSimulator;
  let supervisor: GwsTestClient;

  before(async () => {
    simulator = await startSimulator({ liveFloor: false, agents: 500, contactsPageSize: 40 });
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

  test('limit=500 gets one page of 40 with totalCount 500; offsets walk the whole team, the last page short', async () => {
    const first = await contacts('type=User&roles=ROLE_AGENT&limit=500&sortBy=name&order=Ascending');
    assert.equal(first.totalCount, 500);
    assert.equal(first.contacts.length, 40);
    const seen = new Set<string>();
    const sizes: number[] = [];
    for (let offset = 0; offset < 500 && sizes.length < 20; offset += 40) {
      const page = await contacts(`type=User&roles=ROLE_AGENT&limit=40&offset=${offset}&sortBy=name&order=Ascending`);
      sizes.push(page.contacts.length);
      for (const contact of page.contacts) seen.add(contact.id);
    }
    assert.equal(seen.size, 500);
    assert.equal(sizes.at(-1), 20);
    assert.deepEqual(await contacts('type=User&roles=ROLE_AGENT&offset=500'), {
      statusCode: 0,
      totalCount: 500,
      contacts: [],
    });
  });

  test('agent groups come as business units; name= picks exact user names', async () => {
    const page = await contacts('type=User&roles=ROLE_AGENT&limit=40');
    assert.ok(page.contacts.every((contact) => contact.businessUnits.length === 1));
    assert.match(page.contacts[0]!.businessUnits[0]!.name, /\w/);
    const picked = await contacts('type=User&name=avasquez,mchen,nobody');
    assert.deepEqual(picked.contacts.map((contact) => contact.userName).sort(), ['avasquez', 'mchen']);
    const group = page.contacts[0]!.businessUnits[0]!.name;
    const inGroup = await contacts(
      `type=User&roles=ROLE_AGENT&includeUsersInBusinessUnits=${encodeURIComponent(group)}`,
    );
    assert.ok(inGroup.totalCount > 20 && inGroup.totalCount < 100, String(inGroup.totalCount));
  });

  test('a server told to withhold contacts still counts them, and its pages run dry before totalCount', async () => {
    await control(simulator.baseUrl, 'POST', '/contacts', { withheld: 15 });
    try {
      const tail = await contacts('type=User&roles=ROLE_AGENT&limit=40&offset=480');
      assert.equal(tail.totalCount, 500);
      assert.equal(tail.contacts.length, 5);
      assert.equal((await contacts('type=User&roles=ROLE_AGENT&limit=40&offset=485')).contacts.length, 0);
    } finally {
      await control(simulator.baseUrl, 'POST', '/contacts', { withheld: 0 });
    }
  });

  test('the control API counts each user’s requests by route', async () => {
    await control(simulator.baseUrl, 'DELETE', '/traffic');
    await contacts('type=User&limit=1');
    await supervisor.get(
      `/api/v2/users/${(await contacts('type=User&name=avasquez')).contacts[0]!.id}?subresources=chats`,
    );
    const traffic = (await control(simulator.baseUrl, 'GET', '/traffic')) as {
      users: Record<string, { total: number; byRequest: Record<string, number> }>;
    };
    assert.deepEqual(traffic.users.supervisor, {
      total: 3,
      byRequest: { 'GET /contacts': 2, 'GET /users/{id}': 1 },
    });
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { err, ok, type Result } from '../../../../../electron/common/result';
import type { AgentFacts } from '../../../../../electron/main/contact-center/agent-derivation';
import type { ContactsPage } from '../../../../../electron/main/contact-center/gws-api';
import {
  conversationsAgeOffScreenMs,
  conversationsAgeOnScreenMs,
  pickConversationsToRead,
  planRequest,
  readWholeTeam,
} from '../../../../../electron/main/contact-center/team-roster';
import { contactSchema } from '../../../../../electron/main/contact-center/wire/users';

function contactJson(index: number) {
  return { id: `agent-${index}`, userName: `agent${index}`, type: 'User' };
}

/**
 * A GWS that pages `total` contacts `pageSize` at a time whatever the limit, sends nothing past
 * `delivers`, can drop one entry from a page (a malformed one) and records the offsets asked for.
 */
function fakeContacts(options: {
  total: number;
  pageSize: number;
  delivers?: number;
  totalCount?: 'omit';
  shortPageAt?: number;
  failAt?: number;
}) {
  const asked: number[] = [];
  const api = {
    async getAgentContacts(page: { offset: number; limit: number }): Promise<Result<ContactsPage>> {
      asked.push(page.offset);
      if (page.offset === options.failAt) return err('unreachable', 'The contact center is not answering.');
      const size = Math.min(page.limit, options.pageSize, page.offset === options.shortPageAt ? 3 : Infinity);
      const end = Math.min(page.offset + size, options.delivers ?? options.total);
      const entries = [];
      for (let index = page.offset; index < end; index += 1) entries.push(contactJson(index));
      return ok({
        contacts: entries.map((entry) => contactSchema.parse(entry)),
        received: entries.length,
        totalCount: options.totalCount === 'omit' ? null : options.total,
      });
    },
  };
  return { api, asked };
}

describe('reading the whole team, page by page', () => {
  test('every agent of 11 at 4 a page, the last page short; progress after each page', async () => {
    const { api, asked } = fakeContacts({ total: 11, pageSize: 4 });
    const progress: string[] = [];
    const team = await readWholeTeam(api, {
      pageLimit: 500,
      parallel: 3,
      onPage: (_contacts, { received, expected }) => progress.push(`${received}/${expected}`),
    });
    assert.ok(team.ok);
    assert.equal(team.value.contacts.length, 11);
    assert.equal(team.value.complete, true);
    assert.equal(team.value.expected, 11);
    assert.equal(team.value.pageSize, 4, 'the server’s real page size, not the limit asked');
    assert.deepEqual(
      [...asked].sort((a, b) => a - b),
      [0, 4, 8],
    );
    assert.equal(progress[0], '4/11');
    assert.equal(progress.at(-1), '11/11');
  });

  test('a server that claims 500 and stops at 485 is reported incomplete, not hidden', async () => {
    const { api } = fakeContacts({ total: 500, pageSize: 100, delivers: 485 });
    const team = await readWholeTeam(api, { pageLimit: 100, parallel: 3 });
    assert.ok(team.ok);
    assert.equal(team.value.contacts.length, 485);
    assert.equal(team.value.expected, 500);
    assert.equal(team.value.complete, false);
  });

  test('a page shorter than the server’s page size is continued from where it ended', async () => {
    const { api, asked } = fakeContacts({ total: 30, pageSize: 10, shortPageAt: 10 });
    const team = await readWholeTeam(api, { pageLimit: 10, parallel: 2 });
    assert.ok(team.ok);
    assert.equal(team.value.contacts.length, 30);
    assert.ok(asked.includes(13), `read on from 13: ${asked.join(',')}`);
  });

  test('without totalCount the pages are followed until one comes back empty', async () => {
    const { api, asked } = fakeContacts({ total: 9, pageSize: 4, totalCount: 'omit' });
    const team = await readWholeTeam(api, { pageLimit: 4, parallel: 3 });
    assert.ok(team.ok);
    assert.equal(team.value.contacts.length, 9);
    assert.equal(team.value.expected, null);
    assert.deepEqual(asked, [0, 4, 8, 9]);
  });

  test('a page that fails fails the read with its reason', async () => {
    const { api } = fakeContacts({ total: 300, pageSize: 100, failAt: 200 });
    const team = await readWholeTeam(api, { pageLimit: 100, parallel: 3 });
    assert.equal(team.ok, false);
    assert.equal(team.ok ? null : team.error.code, 'unreachable');
  });

  test('2,000 agents at 100 a page: never more than 3 pages at once', async () => {
    let open = 0;
    let most = 0;
    const { api } = fakeContacts({ total: 2000, pageSize: 100 });
    const slow = {
      async getAgentContacts(page: { offset: number; limit: number }) {
        open += 1;
        most = Math.max(most, open);
        await new Promise((resolve) => setImmediate(resolve));
        open -= 1;
        return api.getAgentContacts(page);
      },
    };
    const team = await readWholeTeam(slow, { pageLimit: 100, parallel: 3 });
    assert.ok(team.ok);
    assert.equal(team.value.contacts.length, 2000);
    assert.equal(team.value.requests, 20);
    assert.equal(most, 3);
  });
});

describe('the steady refresh within its budget', () => {
  test('the cycle is on screen, a page, on screen, one agent’s chats; an idle slot passes on', () => {
    const input = { focusUserNames: ['ava'], nextPageOffset: 200, conversationsOf: 'a7' };
    const kinds: string[] = [];
    let slot = 0;
    for (let step = 0; step < 8; step += 1) {
      const planned = planRequest({ ...input, slot });
      kinds.push(planned.request.kind);
      slot = planned.nextSlot;
    }
    assert.deepEqual(kinds, ['focus', 'page', 'focus', 'conversations', 'focus', 'page', 'focus', 'conversations']);
    assert.deepEqual(planRequest({ ...input, slot: 0 }).request, { kind: 'focus', userNames: ['ava'] });
    assert.deepEqual(planRequest({ ...input, slot: 1 }).request, { kind: 'page', offset: 200 });
    const nothingOnScreen = planRequest({ slot: 0, focusUserNames: [], nextPageOffset: 0, conversationsOf: null });
    assert.deepEqual(nothingOnScreen, { request: { kind: 'page', offset: 0 }, nextSlot: 2 });
    assert.deepEqual(planRequest({ slot: 3, focusUserNames: [], nextPageOffset: 0, conversationsOf: null }).request, {
      kind: 'page',
      offset: 0,
    });
  });

  function busyFacts(
    id: string,
    conversationsReadAt: number | null,
    busy = { call: false, chat: true, sms: false },
  ): AgentFacts {
    return {
      contact: {
        id,
        userName: id,
        displayName: id,
        extension: null,
        groups: [],
        state: { kind: 'Ready', label: 'Ready', reason: null },
        busy,
      },
      contactReadAt: 0,
      conversations: conversationsReadAt === null ? null : { chats: [], sms: [] },
      conversationsReadAt,
    };
  }

  test('chats to read: on screen first, never read before first, then the oldest; fresh lists wait', () => {
    const now = 100_000;
    const facts = [
      busyFacts('off-old', now - conversationsAgeOffScreenMs - 1),
      busyFacts('off-new', null),
      busyFacts('on-old', now - conversationsAgeOnScreenMs - 1),
      busyFacts('on-new', null),
      busyFacts('idle', null, { call: true, chat: false, sms: false }),
    ];
    const onScreen = new Set(['on-old', 'on-new']);
    assert.equal(pickConversationsToRead(facts, onScreen, now), 'on-new');
    assert.equal(pickConversationsToRead(facts.slice(0, 3), onScreen, now), 'on-old');
    assert.equal(pickConversationsToRead(facts.slice(0, 2), onScreen, now), 'off-new');
    assert.equal(pickConversationsToRead(facts.slice(0, 1), onScreen, now), 'off-old');
    assert.equal(pickConversationsToRead([busyFacts('fresh', now - 1_000)], new Set(), now), null);
    assert.equal(pickConversationsToRead([busyFacts('on-fresh', now - 1_000)], new Set(['on-fresh']), now), null);
    assert.equal(pickConversationsToRead([facts[4]!], onScreen, now), null, 'a call alone needs no list');
  });
});

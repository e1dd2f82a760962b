import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Directory } from '../../../../electron/simulator/directory/directory';
import { parseBasicAuthorization } from '../../../../electron/simulator/gws/auth';
import { formatGwsDate } from '../../../../electron/simulator/gws/http-io';
import { HttpSessionStore } from '../../../../electron/simulator/gws/http-sessions';
import { wildcardMatcher } from '../../../../electron/simulator/gws/people-routes';

describe('simulator wire helpers', () => {
  test('Basic credentials: absent, other schemes, malformed, and a password with colons', () => {
    assert.equal(parseBasicAuthorization(undefined), null);
    assert.equal(parseBasicAuthorization('Bearer abc'), null);
    assert.equal(parseBasicAuthorization('Basic !!!'), 'malformed');
    assert.equal(parseBasicAuthorization(`Basic ${Buffer.from('no-colon').toString('base64')}`), 'malformed');
    assert.deepEqual(parseBasicAuthorization(`Basic ${Buffer.from('ksippo:a:b').toString('base64')}`), {
      userName: 'ksippo',
      password: 'a:b',
    });
  });

  test('contact patterns: whole-value, case-insensitive, * for any run, regex characters literal', () => {
    assert.equal(wildcardMatcher('ava')('Ava'), true);
    assert.equal(wildcardMatcher('ava')('Avasquez'), false);
    assert.equal(wildcardMatcher('av*')('Avasquez'), true);
    assert.equal(wildcardMatcher('*Q*')('avasquez'), true);
    assert.equal(wildcardMatcher('a.a')('ava'), false);
    assert.equal(wildcardMatcher('*')(''), true);
  });

  test('GWS dates look like "2015-11-09 15:20:04.000+0200"', () => {
    assert.match(
      formatGwsDate(Date.UTC(2015, 10, 9, 13, 20, 4)),
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/,
    );
  });

  test('sessions expire when idle and report their end', () => {
    let now = 0;
    const store = new HttpSessionStore(() => now, 1000);
    const ended: string[] = [];
    store.onEnd((session) => ended.push(session.id));
    const session = store.create('u1');
    assert.match(session.id, /^[a-z0-9]{24}$/);
    now = 900;
    assert.equal(store.get(session.id), session, 'use keeps it alive');
    now = 1800;
    assert.equal(store.get(session.id), session);
    now = 3000;
    assert.equal(store.get(session.id), undefined);
    assert.deepEqual(ended, [session.id]);
  });

  test('the directory: stable ids, unique DNs, passwords that can change', () => {
    const directory = new Directory();
    const again = new Directory();
    assert.deepEqual(
      directory.all().map((user) => [user.id, user.device.id]),
      again.all().map((user) => [user.id, user.device.id]),
    );
    const dns = directory.all().map((user) => user.device.phoneNumber);
    assert.equal(new Set(dns).size, dns.length);
    assert.ok(directory.agents().length >= 10);
    const ava = directory.byUserName('avasquez')!;
    assert.equal(directory.verify('avasquez', 'agent'), ava);
    assert.equal(directory.verify('avasquez', 'agen'), undefined);
    directory.setPassword(ava.id, 'new');
    assert.equal(directory.verify('avasquez', 'agent'), undefined);
    assert.equal(directory.verify('supervisor', 'demo')?.firstName, 'Sam');
  });
});

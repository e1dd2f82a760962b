import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeDigestResponse,
  DigestVerifier,
  parseDigestCredentials,
} from '../../../electron/simulator/sip/digest-auth';
import { SipParseError } from '../../../electron/simulator/sip/sip-message';

describe('digest authentication', () => {
  test('matches the worked example of RFC 2617 §3.5', () => {
    const response = computeDigestResponse({
      username: 'Mufasa',
      password: 'Circle Of Life',
      realm: 'testrealm@host.com',
      method: 'GET',
      uri: '/dir/index.html',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    });
    assert.equal(response, '6629fae49393a05397450978507c4ef1');
  });

  test('parses credentials with quoted and unquoted parameters', () => {
    const credentials = parseDigestCredentials(
      'Digest algorithm=MD5, username="5005", realm="demo.earshot.local", nonce="n1", uri="sip:demo.earshot.local", response="0123", opaque="o", qop=auth, cnonce="c, with comma", nc=00000001',
    );
    assert.deepEqual(credentials, {
      username: '5005',
      realm: 'demo.earshot.local',
      nonce: 'n1',
      uri: 'sip:demo.earshot.local',
      response: '0123',
      algorithm: 'MD5',
      qop: 'auth',
      nc: '00000001',
      cnonce: 'c, with comma',
      opaque: 'o',
    });
    assert.throws(() => parseDigestCredentials('Basic dXNlcjpwYXNz'), SipParseError);
    assert.throws(() => parseDigestCredentials('Digest username="5005"'), /lack realm/);
  });

  function answer(challenge: string, password: string, nc = '00000001') {
    const nonce = /nonce="([^"]+)"/.exec(challenge)![1]!;
    const input = {
      username: '5005',
      realm: 'demo.earshot.local',
      method: 'REGISTER',
      uri: 'sip:demo.earshot.local',
      nonce,
      qop: 'auth' as const,
      nc,
      cnonce: 'abc',
    };
    return { ...input, response: computeDigestResponse({ ...input, password }) };
  }

  test('accepts the right password once per nonce-count, refuses the wrong one', () => {
    const verifier = new DigestVerifier('demo.earshot.local');
    const challenge = verifier.challenge();
    assert.match(
      challenge,
      /^Digest realm="demo.earshot.local", nonce="[0-9a-f]{32}", opaque="[0-9a-f]+", algorithm=MD5, qop="auth"$/,
    );
    assert.equal(verifier.verify(answer(challenge, 'wrong'), 'REGISTER', 'secret'), 'rejected');
    assert.equal(verifier.verify(answer(challenge, 'secret'), 'REGISTER', 'secret'), 'ok');
    assert.equal(verifier.verify(answer(challenge, 'secret'), 'REGISTER', 'secret'), 'stale', 'a replayed nonce-count');
    assert.equal(verifier.verify(answer(challenge, 'secret', '00000002'), 'REGISTER', 'secret'), 'ok');
    assert.equal(
      verifier.verify({ ...answer(challenge, 'secret', '00000003'), qop: undefined }, 'REGISTER', 'secret'),
      'rejected',
    );
  });

  test('an unknown or expired nonce is stale, so the client retries without asking the user', () => {
    let now = 1_000_000;
    const verifier = new DigestVerifier('demo.earshot.local', 60_000, () => now);
    const challenge = verifier.challenge();
    now += 61_000;
    assert.equal(verifier.verify(answer(challenge, 'secret'), 'REGISTER', 'secret'), 'stale');
    assert.equal(verifier.verify(answer('nonce="made-up"', 'secret'), 'REGISTER', 'secret'), 'stale');
    assert.match(verifier.challenge(true), /stale=TRUE$/);
  });
});

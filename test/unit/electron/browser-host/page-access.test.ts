import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PageAccess } from '../../../../electron/browser-host/page-access';

function access(now: () => number = Date.now) {
  return new PageAccess({ cookieName: 'earshot-ui-4242', oneTimeLinkTtlMs: 1_000, now });
}

function cookieOf(pageAccess: PageAccess): string {
  return pageAccess.setCookie().split(';')[0]!;
}

describe('the keys of one page origin', () => {
  test('keys are long random strings, different in every launch', () => {
    const first = access();
    const second = access();
    assert.match(first.launchKey, /^[A-Za-z0-9_-]{43}$/, '256 bits, base64url');
    assert.notEqual(first.launchKey, second.launchKey);
    assert.notEqual(cookieOf(first), cookieOf(second));
  });

  test('the launch key opens the page as often as asked during the launch', () => {
    const pageAccess = access();
    assert.equal(pageAccess.exchange(pageAccess.launchKey), 'launch key');
    assert.equal(pageAccess.exchange(pageAccess.launchKey), 'launch key');
  });

  test('a one-time link works once, and not after it expired', () => {
    let clock = 0;
    const pageAccess = access(() => clock);
    const once = pageAccess.mintOneTimeToken();
    assert.equal(pageAccess.exchange(once), 'one-time link');
    assert.equal(pageAccess.exchange(once), null);
    const late = pageAccess.mintOneTimeToken();
    clock += 1_001;
    assert.equal(pageAccess.exchange(late), null);
  });

  test('anything else is refused: empty, long, another launch’s key, a key with a character more', () => {
    const pageAccess = access();
    for (const token of ['', 'x'.repeat(500), access().launchKey, `${pageAccess.launchKey}a`]) {
      assert.equal(pageAccess.exchange(token), null);
    }
  });

  test('the cookie is HttpOnly, SameSite=Strict, for the whole origin, and gone with the browser session', () => {
    const cookie = access().setCookie();
    assert.match(cookie, /^earshot-ui-4242=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    assert.doesNotMatch(cookie, /Expires|Max-Age|Domain/);
  });

  test('only the right value under this origin’s name counts, among other cookies', () => {
    const pageAccess = access();
    const [name, value] = cookieOf(pageAccess).split('=') as [string, string];
    assert.equal(pageAccess.presentedBy(`a=b; ${name}=${value}; c=d`), true);
    assert.equal(pageAccess.presentedBy(undefined), false);
    assert.equal(pageAccess.presentedBy(`${name}=${value}x`), false);
    assert.equal(pageAccess.presentedBy(`earshot-ui-4243=${value}`), false, 'another port’s name');
    assert.equal(pageAccess.presentedBy(`${name}=${cookieOf(access()).split('=')[1]}`), false);
    assert.equal(pageAccess.presentedBy(pageAccess.launchKey), false);
  });
});

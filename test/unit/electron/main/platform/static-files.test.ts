import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveStaticPath } from '../../../../../electron/main/platform/static-files';

describe('resolveStaticPath', () => {
  test('serves index.html for the root and files under the root', () => {
    assert.equal(resolveStaticPath('/srv/ui', '/'), '/srv/ui/index.html');
    assert.equal(resolveStaticPath('/srv/ui', '/app.js?v=1'), '/srv/ui/app.js');
  });

  test('refuses traversal, encoded traversal, NUL bytes and unknown types', () => {
    assert.equal(resolveStaticPath('/srv/ui', '/../secret.js'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/%2e%2e/%2e%2e/etc/passwd.html'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/app.js%00.html'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/settings.json'), null);
    assert.equal(resolveStaticPath('/srv/ui', '/%E0%A4%A'), null);
  });
});

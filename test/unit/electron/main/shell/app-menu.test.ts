import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate } from '../../../../../electron/main/shell/app-menu';

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const platforms = ['linux', 'win32', 'darwin'] as const;
const developerRoles = ['reload', 'forceReload', 'toggleDevTools'];

describe('the application menu', () => {
  for (const platform of platforms) {
    test(`packaged on ${platform}: no Reload and no Developer Tools, but Quit and copy and paste`, () => {
      const menu = roles(applicationMenuTemplate({ packaged: true, platform, appName: 'Earshot' }));
      for (const role of developerRoles) assert.ok(!menu.includes(role), `${role} in ${menu.join(', ')}`);
      for (const role of ['quit', 'copy', 'paste', 'selectAll']) assert.ok(menu.includes(role), role);
    });

    test(`in development on ${platform}: Reload and Developer Tools are there`, () => {
      const menu = roles(applicationMenuTemplate({ packaged: false, platform, appName: 'Earshot' }));
      for (const role of developerRoles) assert.ok(menu.includes(role), role);
    });
  }

  test('no item of any build is a whole default menu that would bring them back', () => {
    for (const packaged of [true, false]) {
      const menu = roles(applicationMenuTemplate({ packaged, platform: 'darwin', appName: 'Earshot' }));
      for (const role of ['viewMenu', 'appMenu', 'windowMenu', 'editMenu', 'fileMenu']) {
        assert.ok(!menu.includes(role), role);
      }
    }
  });

  test('on a Mac the first menu is the app’s, with About and Quit', () => {
    const [first] = applicationMenuTemplate({ packaged: true, platform: 'darwin', appName: 'Earshot' });
    assert.equal(first?.label, 'Earshot');
    assert.deepEqual(
      roles([first!]).filter((role) => role === 'about' || role === 'quit'),
      ['about', 'quit'],
    );
  });
});

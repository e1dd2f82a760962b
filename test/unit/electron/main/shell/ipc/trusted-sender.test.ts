import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isAppUrl, isMediaPageUrl } from '../../../../../../electron/main/shell/app-url';
import { isTrustedSender, type IpcWindow } from '../../../../../../electron/main/shell/ipc/trusted-sender';

interface FakeContents {
  readonly id: number;
}

const uiContents: FakeContents = { id: 1 };
const otherContents: FakeContents = { id: 2 };

/** Like a BrowserWindow: once destroyed, reading webContents throws. */
function fakeWindow(contents: FakeContents): IpcWindow<FakeContents> & { destroy(): void } {
  let destroyed = false;
  return {
    get webContents() {
      if (destroyed) throw new Error('Object has been destroyed');
      return contents;
    },
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
    },
  };
}

const topFrame = (url: string) => ({ url, parent: null });
const event = (sender: FakeContents, senderFrame: { url: string; parent: unknown } | null) => ({ sender, senderFrame });

describe('isTrustedSender', () => {
  test('the window’s own top frame on one of our pages is trusted', () => {
    const window = fakeWindow(uiContents);
    assert.equal(isTrustedSender(event(uiContents, topFrame('app://ui/index.html')), window, isAppUrl), true);
  });

  test('another window’s contents are refused, even on our page', () => {
    const window = fakeWindow(uiContents);
    assert.equal(isTrustedSender(event(otherContents, topFrame('app://ui/index.html')), window, isAppUrl), false);
  });

  test('a subframe is refused, even inside the right window on our page', () => {
    const window = fakeWindow(uiContents);
    const iframe = { url: 'app://ui/index.html', parent: topFrame('app://ui/index.html') };
    assert.equal(isTrustedSender(event(uiContents, iframe), window, isAppUrl), false);
  });

  test('a frame that is gone (navigated away or destroyed) is refused', () => {
    assert.equal(isTrustedSender(event(uiContents, null), fakeWindow(uiContents), isAppUrl), false);
  });

  test('a page that is not ours is refused: another scheme, a file, a look-alike', () => {
    const window = fakeWindow(uiContents);
    for (const url of [
      'https://evil.example/',
      'http://app/index.html',
      'file:///tmp/index.html',
      'about:blank',
      'data:text/html,<p>hi</p>',
      '',
      'not a url',
    ]) {
      assert.equal(isTrustedSender(event(uiContents, topFrame(url)), window, isAppUrl), false, url);
    }
  });

  test('no window, or a destroyed one, trusts nobody (and a destroyed one is not even read)', () => {
    assert.equal(isTrustedSender(event(uiContents, topFrame('app://ui/index.html')), null, isAppUrl), false);
    const window = fakeWindow(uiContents);
    window.destroy();
    assert.equal(isTrustedSender(event(uiContents, topFrame('app://ui/index.html')), window, isAppUrl), false);
  });

  test('the media host’s channels trust only its page at app://media', () => {
    const window = fakeWindow(uiContents);
    const from = (url: string) => isTrustedSender(event(uiContents, topFrame(url)), window, isMediaPageUrl);
    assert.equal(from('app://media/index.html'), true);
    assert.equal(from('app://ui/index.html'), false);
    assert.equal(from('app://media.evil/index.html'), false);
    assert.equal(from('app://media@evil/index.html'), false);
    assert.equal(from('https://media/index.html'), false);
  });
});

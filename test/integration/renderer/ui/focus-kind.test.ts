// focusKindOf reads a real DOM: every kind of element, in and out of menus, dialogs and popovers,
// in Debian's Chromium. The decision it feeds is unit-tested in test/unit/renderer/ui/components.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { FocusKind } from '../../../../renderer/ui/components/focus-kind';
import { launchChromium } from '../../../support/chromium';

const modulePath = fileURLToPath(new URL('../../../../renderer/ui/components/focus-kind.ts', import.meta.url));

const fixture = `<!doctype html><html><body>
  <main tabindex="-1" id="main">
    <article id="card" tabindex="-1"><p id="text">Plain text</p></article>
    <table role="grid"><tbody><tr id="row" tabindex="0"><td>Row</td></tr></tbody></table>
    <button id="button">Button</button>
    <a id="link" href="#x">Link</a>
    <details><summary id="summary">More</summary></details>
    <input id="submit" type="submit">
    <div id="role-button" role="button" tabindex="0">Fake button</div>
    <input id="checkbox" type="checkbox"><input id="radio" type="radio"><input id="range" type="range">
    <input id="color" type="color"><input id="file" type="file">
    <div id="role-slider" role="slider" tabindex="0"></div><div id="role-tab" role="tab" tabindex="0"></div>
    <input id="text-input"><input id="search" type="search"><input id="number" type="number">
    <input id="password" type="password"><input id="date" type="datetime-local"><textarea id="textarea"></textarea>
    <div id="editable" contenteditable="true"><span id="in-editable">text</span></div>
    <div id="role-textbox" role="textbox" tabindex="0"></div>
    <input id="disabled-input" disabled><textarea id="readonly-textarea" readonly></textarea>
    <textarea id="aria-disabled-textarea" aria-disabled="true"></textarea>
    <div id="readonly-editable" contenteditable="true" aria-readonly="true"></div>
    <select id="select"><option>One</option></select>
    <div role="menu"><button id="menuitem" role="menuitem">Item</button><button id="in-menu">Plain</button></div>
    <div role="listbox"><div id="option" role="option" tabindex="0">Option</div></div>
    <div role="dialog" id="role-dialog"><button id="in-role-dialog">OK</button><input id="text-in-dialog"></div>
    <dialog id="dialog"><button id="in-dialog">OK</button></dialog>
    <dialog id="modal"><button id="in-modal">OK</button></dialog>
    <div id="popover" popover="auto"><button id="in-popover">OK</button><p id="popover-text">Note</p></div>
    <div id="toast" popover="manual">Saved</div>
  </main>
</body></html>`;

const expected: Readonly<Record<string, FocusKind>> = {
  main: 'page',
  card: 'page',
  text: 'page',
  row: 'page',
  button: 'button',
  link: 'button',
  summary: 'button',
  submit: 'button',
  'role-button': 'button',
  checkbox: 'other-control',
  radio: 'other-control',
  range: 'other-control',
  color: 'other-control',
  file: 'other-control',
  'role-slider': 'other-control',
  'role-tab': 'other-control',
  'text-input': 'text-field',
  search: 'text-field',
  number: 'text-field',
  password: 'text-field',
  date: 'text-field',
  textarea: 'text-field',
  editable: 'text-field',
  'in-editable': 'text-field',
  'role-textbox': 'text-field',
  'disabled-input': 'disabled-text-field',
  'readonly-textarea': 'disabled-text-field',
  'aria-disabled-textarea': 'disabled-text-field',
  'readonly-editable': 'disabled-text-field',
  select: 'menu',
  menuitem: 'menu',
  'in-menu': 'menu',
  option: 'menu',
  'in-role-dialog': 'dialog',
  'text-in-dialog': 'text-field',
  'in-dialog': 'dialog',
  'in-modal': 'dialog',
  'in-popover': 'dialog',
};

describe('focusKindOf in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    const bundle = await build({
      entryPoints: [modulePath],
      bundle: true,
      format: 'iife',
      globalName: 'focusKind',
      write: false,
      target: 'chrome120',
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent(fixture);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });

  after(async () => {
    await browser?.close();
  });

  function kindOf(selector: string | null): Promise<FocusKind> {
    return page.evaluate((which) => {
      const { focusKindOf } = (window as unknown as { focusKind: { focusKindOf(target: unknown): FocusKind } })
        .focusKind;
      if (which === null) return focusKindOf(null);
      if (which === 'document') return focusKindOf(document);
      if (which === 'window') return focusKindOf(window);
      return focusKindOf(document.querySelector(which));
    }, selector);
  }

  function run(script: string): Promise<void> {
    return page.evaluate(script);
  }

  test('every kind of element the UI has, with nothing open', async () => {
    const seen: Record<string, FocusKind> = {};
    for (const id of Object.keys(expected)) seen[id] = await kindOf(`#${id}`);
    assert.deepEqual(seen, expected);
  });

  test('the page itself, with nothing open, and while a modal dialog or a popover is open', async () => {
    for (const target of [null, 'document', 'window', 'body']) {
      assert.equal(await kindOf(target), 'page', String(target));
    }
    await run(`document.getElementById('toast').showPopover();`);
    assert.equal(await kindOf('body'), 'page', 'a notice is not something to work in');
    await run(`document.getElementById('modal').showModal();`);
    assert.equal(await kindOf('body'), 'dialog');
    assert.equal(await kindOf('#main'), 'dialog');
    await run(`document.getElementById('modal').close(); document.getElementById('popover').showPopover();`);
    assert.equal(await kindOf('body'), 'dialog');
    assert.equal(await kindOf('#card'), 'dialog');
    assert.equal(await kindOf('#button'), 'button', 'a control outside the open popover is still itself');
    await run(`document.getElementById('popover').hidePopover(); document.getElementById('toast').hidePopover();`);
    assert.equal(await kindOf('body'), 'page');
  });

  test('the real focus: a click into a read-only text field keeps the focus there', async () => {
    await page.click('#readonly-textarea');
    assert.equal(
      await page.evaluate(() =>
        (window as unknown as { focusKind: { focusKindOf(target: unknown): FocusKind } }).focusKind.focusKindOf(
          document.activeElement,
        ),
      ),
      'disabled-text-field',
    );
  });
});

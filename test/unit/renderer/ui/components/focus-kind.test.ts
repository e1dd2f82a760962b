import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyFocus } from '../../../../../renderer/ui/components/focus-kind';
import type { FocusFacts, FocusKind } from '../../../../../renderer/ui/components/focus-kind';

const elements: ReadonlyArray<FocusFacts['element']> = ['none', 'text', 'button', 'control', 'menu'];

function* everyFact(): Generator<FocusFacts> {
  for (const element of elements)
    for (const editable of [false, true])
      for (const insideMenu of [false, true])
        for (const insideDialog of [false, true])
          for (const overlayOpen of [false, true]) yield { element, editable, insideMenu, insideDialog, overlayOpen };
}

const page: FocusFacts = {
  element: 'none',
  editable: false,
  insideMenu: false,
  insideDialog: false,
  overlayOpen: false,
};

describe('classifyFocus', () => {
  test('each element on the page outside dialogs and menus', () => {
    assert.equal(classifyFocus(page), 'page');
    assert.equal(classifyFocus({ ...page, element: 'button' }), 'button');
    assert.equal(classifyFocus({ ...page, element: 'control' }), 'other-control');
    assert.equal(classifyFocus({ ...page, element: 'menu' }), 'menu');
    assert.equal(classifyFocus({ ...page, element: 'text', editable: true }), 'text-field');
    assert.equal(classifyFocus({ ...page, element: 'text', editable: false }), 'disabled-text-field');
  });

  test('a text field is where the supervisor types, wherever it is', () => {
    for (const facts of everyFact()) {
      if (facts.element !== 'text') continue;
      assert.equal(classifyFocus(facts), facts.editable ? 'text-field' : 'disabled-text-field', JSON.stringify(facts));
    }
  });

  test('inside a menu or a dialog nothing counts as the page, a button or a control', () => {
    for (const facts of everyFact()) {
      if (facts.element === 'text' || !(facts.insideMenu || facts.insideDialog)) continue;
      const kind = classifyFocus(facts);
      assert.equal(kind, facts.insideMenu || facts.element === 'menu' ? 'menu' : 'dialog', JSON.stringify(facts));
    }
  });

  test('the page while a modal dialog or a popover is open counts as the dialog; focused controls outside it do not', () => {
    assert.equal(classifyFocus({ ...page, overlayOpen: true }), 'dialog');
    assert.equal(classifyFocus({ ...page, element: 'button', overlayOpen: true }), 'button');
    assert.equal(classifyFocus({ ...page, element: 'control', overlayOpen: true }), 'other-control');
  });

  test('every kind is reachable and editable matters only for text', () => {
    const seen = new Set<FocusKind>();
    for (const facts of everyFact()) {
      seen.add(classifyFocus(facts));
      if (facts.element !== 'text')
        assert.equal(classifyFocus(facts), classifyFocus({ ...facts, editable: !facts.editable }));
    }
    assert.deepEqual([...seen].sort(), [
      'button',
      'dialog',
      'disabled-text-field',
      'menu',
      'other-control',
      'page',
      'text-field',
    ]);
  });
});

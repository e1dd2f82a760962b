/**
 * Where the keyboard's focus is, as far as the window's own shortcuts care. Every element the UI
 * has falls in exactly one kind; the shortcut mapping (features/voice/shortcuts.ts) decides per kind.
 */
export type FocusKind =
  /** The page itself, or an element of it that takes no keys of its own: a card, a table row, a region. */
  | 'page'
  /** Buttons, links and summaries: Enter and Space are theirs, letters are not. */
  | 'button'
  /** Checkboxes, radio buttons, sliders, tabs: arrows and Space are theirs, letters are not. */
  | 'other-control'
  /** Where letters are text: text inputs, text areas, anything contenteditable. */
  | 'text-field'
  /** A text field that takes no text now (disabled or read-only): what is typed there is still meant as text. */
  | 'disabled-text-field'
  /** Menus, listboxes, selects and comboboxes: letters pick an item there. */
  | 'menu'
  /** Inside a dialog or a popover, modal or not; or nowhere in particular while one is open. */
  | 'dialog';

/** What the DOM says about the focused element, read once so the decision stays a pure function. */
export interface FocusFacts {
  /** 'none' for the page itself and for elements that take no keys of their own. */
  readonly element: 'none' | 'text' | 'button' | 'control' | 'menu';
  /** A text element that takes typing now: not disabled, not read-only. */
  readonly editable: boolean;
  readonly insideMenu: boolean;
  readonly insideDialog: boolean;
  /** A modal dialog or a popover is open somewhere on the page. */
  readonly overlayOpen: boolean;
}

/** Text fields and menus first: a text field inside a dialog is still where the supervisor types. */
export function classifyFocus(facts: FocusFacts): FocusKind {
  if (facts.element === 'text') return facts.editable ? 'text-field' : 'disabled-text-field';
  if (facts.element === 'menu' || facts.insideMenu) return 'menu';
  if (facts.insideDialog) return 'dialog';
  switch (facts.element) {
    case 'none':
      // Focus on the page while a dialog or popover is open: the supervisor clicked inside it on something inert.
      return facts.overlayOpen ? 'dialog' : 'page';
    case 'button':
      return 'button';
    case 'control':
      return 'other-control';
  }
}

/** Input types where letters are text; date and time fields take typed digits and letters too. */
const textInputTypes = new Set([
  'text',
  'search',
  'email',
  'password',
  'url',
  'tel',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);
const buttonInputTypes = new Set(['button', 'submit', 'reset', 'image']);

const textRoles = new Set(['textbox', 'searchbox', 'spinbutton']);
const menuRoles = new Set([
  'menu',
  'menubar',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'listbox',
  'option',
  'combobox',
  'tree',
  'treeitem',
]);
const buttonRoles = new Set(['button', 'link']);
const controlRoles = new Set(['checkbox', 'radio', 'switch', 'slider', 'tab', 'scrollbar']);

const menuContainers = 'select, [role="menu"], [role="menubar"], [role="listbox"], [role="tree"], [role="combobox"]';
const dialogContainers = 'dialog, [role="dialog"], [role="alertdialog"], [popover]';
/** A manual popover is a notice (the toast), not something the supervisor is working in. */
const openOverlays = 'dialog:modal, :popover-open:not([popover="manual"])';

function roleOf(element: Element): string | null {
  return element.getAttribute('role')?.trim().split(/\s+/)[0]?.toLowerCase() ?? null;
}

function isTrue(element: Element, attribute: string): boolean {
  return element.getAttribute(attribute)?.toLowerCase() === 'true';
}

function elementKind(element: Element): FocusFacts['element'] {
  const role = roleOf(element);
  if (element instanceof HTMLTextAreaElement) return 'text';
  if (element instanceof HTMLInputElement) {
    const type = element.type.toLowerCase();
    if (textInputTypes.has(type)) return 'text';
    return buttonInputTypes.has(type) ? 'button' : 'control';
  }
  if (element instanceof HTMLElement && element.isContentEditable) return 'text';
  if (element instanceof HTMLSelectElement) return 'menu';
  if (role !== null && textRoles.has(role)) return 'text';
  if (role !== null && menuRoles.has(role)) return 'menu';
  if (element instanceof HTMLButtonElement || element.tagName === 'SUMMARY') return 'button';
  if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) return 'button';
  if (role !== null && buttonRoles.has(role)) return 'button';
  if (role !== null && controlRoles.has(role)) return 'control';
  return 'none';
}

function isEditable(element: Element): boolean {
  if (isTrue(element, 'aria-disabled') || isTrue(element, 'aria-readonly')) return false;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    return !element.disabled && !element.readOnly;
  }
  return true;
}

/** Reads the facts from the DOM; anything that is not an element of a page (null, window) is the page. */
export function focusFactsOf(target: EventTarget | null): FocusFacts {
  const page = target instanceof Node ? (target.ownerDocument ?? (target as Document)) : null;
  const overlayOpen = page?.querySelector(openOverlays) != null;
  if (!(target instanceof Element) || target === page?.body || target === page?.documentElement) {
    return { element: 'none', editable: false, insideMenu: false, insideDialog: false, overlayOpen };
  }
  const element = elementKind(target);
  return {
    element,
    editable: element === 'text' && isEditable(target),
    insideMenu: target.parentElement?.closest(menuContainers) != null,
    insideDialog: target.closest(dialogContainers) != null,
    overlayOpen,
  };
}

export function focusKindOf(target: EventTarget | null): FocusKind {
  return classifyFocus(focusFactsOf(target));
}

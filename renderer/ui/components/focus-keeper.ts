import { useEffect } from 'react';

/**
 * Keeps the keyboard's focus off the page body when the element holding it goes away under the
 * supervisor: a re-render removed or disabled it, or the popover it was in closed. On the body the
 * window's single-key shortcuts would act again, and a screen reader would start over at the top.
 *
 * Focus goes to the element that replaced the lost one: another element with the same
 * `data-focus-key` (Leave and the "Move now" that replaces it), else the nearest container that was
 * around it and can take focus (a card, a table row, a dialog: anything with a tabindex). Focus the
 * supervisor moved away on purpose (a click on empty space, another window) is left where it went.
 */
interface Held {
  readonly element: Element;
  readonly key: string | null;
  /** Focusable containers around the element, innermost first. */
  readonly homes: ReadonlyArray<Element>;
}

function canHoldFocus(element: Element): boolean {
  if (!element.isConnected || !(element instanceof HTMLElement || element instanceof SVGElement)) return false;
  if (element.matches(':disabled') || element.closest('[inert]') !== null) return false;
  return element.checkVisibility();
}

function homesOf(element: Element): Element[] {
  const homes: Element[] = [];
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
    if (parent.hasAttribute('tabindex')) homes.push(parent);
  }
  return homes;
}

function replacementOf(held: Held, document: Document): Element | null {
  if (held.key !== null) {
    for (const candidate of document.querySelectorAll(`[data-focus-key="${CSS.escape(held.key)}"]`)) {
      if (candidate !== held.element && canHoldFocus(candidate)) return candidate;
    }
  }
  return held.homes.find(canHoldFocus) ?? null;
}

function focusOnPage(document: Document): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

export function keepFocus(document: Document): () => void {
  let held: Held | null = null;

  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof Element)) return;
    const element = event.target;
    held = { element, key: element.getAttribute('data-focus-key'), homes: homesOf(element) };
  };

  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget !== null || held === null || event.target !== held.element) return;
    const lost = held;
    // A removed element says so during the removal itself; its replacement is in place once the render is done.
    const removed = !lost.element.isConnected;
    queueMicrotask(() => {
      if (!focusOnPage(document)) return;
      // Moved, not removed (a card reordered on the board): it takes the focus back.
      const next = canHoldFocus(lost.element) ? (removed ? lost.element : null) : replacementOf(lost, document);
      if (next instanceof HTMLElement || next instanceof SVGElement) next.focus({ preventScroll: true });
    });
  };

  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  return () => {
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
  };
}

export function useFocusKeeper(): void {
  useEffect(() => keepFocus(document), []);
}

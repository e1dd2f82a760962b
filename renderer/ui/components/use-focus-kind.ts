import { useSyncExternalStore } from 'react';
import { focusKindOf } from './focus-kind';
import type { FocusKind } from './focus-kind';

/** Focus moving, and dialogs and popovers opening or closing, change what the keys may do. */
const focusEvents = ['focusin', 'focusout', 'toggle', 'close'] as const;

function subscribe(notify: () => void): () => void {
  // Capture: toggle and close do not bubble.
  for (const type of focusEvents) document.addEventListener(type, notify, true);
  return () => {
    for (const type of focusEvents) document.removeEventListener(type, notify, true);
  };
}

/** The kind of element the keyboard's focus is in now, kept current as it moves. */
export function useFocusKind(): FocusKind {
  return useSyncExternalStore(subscribe, () => focusKindOf(document.activeElement));
}

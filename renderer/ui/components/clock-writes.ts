import { useLayoutEffect } from 'react';
import { useClock } from '../store/store-context';

/**
 * Runs `write` with the clock's time before the first paint and, while `ticking`, on every tick.
 * Durations and times in state change each second on every card and row on screen; writing their
 * text straight into their elements makes a tick a few text writes instead of a React render of
 * each ticking cell, which on a busy machine made the tick the longest frame of a busy board.
 * `write` should be stable (useCallback) so the subscription is kept between renders.
 */
export function useClockWrites(write: (now: number) => void, ticking = true): void {
  const clock = useClock();
  useLayoutEffect(() => {
    write(clock.now());
    if (!ticking) return;
    return clock.subscribe(() => write(clock.now()));
  }, [clock, write, ticking]);
}

/** Sets an element's text only when it differs, so an unchanged value invalidates nothing. */
export function writeText(element: Element | null, text: string): void {
  if (element !== null && element.textContent !== text) element.textContent = text;
}

/** Sets an attribute only when it differs. */
export function writeAttribute(element: Element | null, name: string, value: string): void {
  if (element !== null && element.getAttribute(name) !== value) element.setAttribute(name, value);
}

import { useSyncExternalStore } from 'react';
import type { Since } from '../../../../electron/common/models/agent';
import { useClock } from '../../store/store-context';
import { describeElapsed, sinceSource } from './duration';

/** Whole seconds since `since`, from the shared clock: a cell re-renders once a second, the table never. */
function useElapsedSeconds(since: Since): number {
  const clock = useClock();
  return useSyncExternalStore(clock.subscribe, () => Math.max(0, Math.floor((clock.now() - since.at) / 1000)));
}

/**
 * How long the agent has been in their status. Each cell subscribes to the shared clock on its own,
 * so the tick re-renders only these cells.
 */
export function TimeInState({ since }: { since: Since }) {
  const seconds = useElapsedSeconds(since);
  const { text, label } = describeElapsed(since, since.at + seconds * 1000);
  return (
    <time
      className="time-in-state"
      data-basis={since.basis}
      dateTime={`PT${seconds}S`}
      title={`${label}, ${sinceSource(since)}`}
    >
      {text}
    </time>
  );
}

/** The clock's time to the second, re-rendering once a second. */
export function useNow(): number {
  const clock = useClock();
  return useSyncExternalStore(clock.subscribe, () => Math.floor(clock.now() / 1000) * 1000);
}

/** An interaction's duration, for its badge: the text, and the words a screen reader says. */
export function useElapsed(since: Since): { text: string; label: string; seconds: number } {
  const seconds = useElapsedSeconds(since);
  return { ...describeElapsed(since, since.at + seconds * 1000), seconds };
}

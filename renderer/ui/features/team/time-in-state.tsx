import { useSyncExternalStore } from 'react';
import { useClock } from '../../store/store-context';
import { formatTimeInState } from './duration';

/**
 * Each cell subscribes to the shared clock on its own and snapshots whole seconds, so the tick
 * re-renders only these cells, never the table around them.
 */
export function TimeInState({ since }: { since: number }) {
  const clock = useClock();
  const elapsedSeconds = useSyncExternalStore(clock.subscribe, () =>
    Math.max(0, Math.floor((clock.now() - since) / 1000)),
  );
  const { text, label } = formatTimeInState(elapsedSeconds * 1000);
  return (
    <time className="time-in-state" dateTime={`PT${elapsedSeconds}S`} title={label}>
      {text}
    </time>
  );
}

import { useSyncExternalStore } from 'react';
import { useClock } from '../../store/store-context';
import { formatCallDuration } from './voice-model';

/** Ticks with the shared clock while the call (or chat) is up; an ended one shows its final length. */
export function CallDuration({
  startedAt,
  endedAt,
  what = 'Call',
}: {
  startedAt: number;
  endedAt: number | null;
  what?: string;
}) {
  const clock = useClock();
  const subscribe = endedAt === null ? clock.subscribe : subscribeNever;
  const elapsedSeconds = useSyncExternalStore(subscribe, () =>
    Math.max(0, Math.floor(((endedAt ?? clock.now()) - startedAt) / 1000)),
  );
  const { text, label } = formatCallDuration(elapsedSeconds * 1000);
  return (
    <time className="call-duration" dateTime={`PT${elapsedSeconds}S`} title={`${what} length: ${label}`}>
      {text}
    </time>
  );
}

function subscribeNever(): () => void {
  return () => {};
}

import { useCallback, useRef } from 'react';
import { useClockWrites, writeAttribute, writeText } from '../../components/clock-writes';
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
  const element = useRef<HTMLTimeElement>(null);
  const write = useCallback(
    (now: number) => {
      const seconds = Math.max(0, Math.floor(((endedAt ?? now) - startedAt) / 1000));
      const { text, label } = formatCallDuration(seconds * 1000);
      writeText(element.current, text);
      writeAttribute(element.current, 'datetime', `PT${seconds}S`);
      writeAttribute(element.current, 'title', `${what} length: ${label}`);
    },
    [startedAt, endedAt, what],
  );
  useClockWrites(write, endedAt === null);
  return <time ref={element} className="call-duration" />;
}

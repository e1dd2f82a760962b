import { useCallback, useRef } from 'react';
import type { Since } from '../../../../electron/common/models/agent';
import { useClockWrites, writeAttribute, writeText } from '../../components/clock-writes';
import { describeElapsed, sinceSource } from './duration';

/**
 * How long the agent has been in their status, rewritten on each tick of the shared clock: the
 * table never re-renders for time passing.
 */
export function TimeInState({ since }: { since: Since }) {
  const element = useRef<HTMLTimeElement>(null);
  const write = useCallback(
    (now: number) => {
      const { text, label, seconds } = describeElapsed(since, now);
      writeText(element.current, text);
      writeAttribute(element.current, 'datetime', `PT${seconds}S`);
      writeAttribute(element.current, 'title', `${label}, ${sinceSource(since)}`);
    },
    [since],
  );
  useClockWrites(write);
  return <time ref={element} className="time-in-state" data-basis={since.basis} />;
}

import type { Since } from '../../../../electron/common/models/agent';

export interface FormattedDuration {
  /** Compact clock text for the table cell: mm:ss under an hour, h:mm h from then on. */
  readonly text: string;
  /** The same span in words, for screen readers and tooltips. */
  readonly label: string;
  /** The whole seconds both count (a `<time>`'s machine-readable duration). */
  readonly seconds: number;
}

const SECOND = 1000;
const MINUTE = 60;
const HOUR = 60 * MINUTE;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Clocks on different machines and the moment main first saw a state can put `stateSince` a
 * little in the future; such spans read as zero rather than as a negative time.
 */
export function formatTimeInState(elapsedMs: number): FormattedDuration {
  const totalSeconds = Number.isFinite(elapsedMs) && elapsedMs > 0 ? Math.floor(elapsedMs / SECOND) : 0;
  const hours = Math.floor(totalSeconds / HOUR);
  const minutes = Math.floor((totalSeconds % HOUR) / MINUTE);
  const seconds = totalSeconds % MINUTE;
  const pad = (value: number) => String(value).padStart(2, '0');
  if (hours === 0) {
    return {
      text: `${pad(minutes)}:${pad(seconds)}`,
      label: minutes === 0 ? plural(seconds, 'second') : `${plural(minutes, 'minute')} ${plural(seconds, 'second')}`,
      seconds: totalSeconds,
    };
  }
  return {
    text: `${hours}:${pad(minutes)} h`,
    label: `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`,
    seconds: totalSeconds,
  };
}

/**
 * How long something has lasted, saying how sure that is: a time Earshot could only bound from
 * below reads "≥ 04:12" ("at least 4 minutes 12 seconds"), never an exact-looking 04:12.
 */
export function describeElapsed(since: Since, now: number): FormattedDuration {
  const duration = formatTimeInState(now - since.at);
  return since.basis === 'at-least'
    ? { ...duration, text: `≥ ${duration.text}`, label: `at least ${duration.label}` }
    : duration;
}

/** The tooltip that says where a time comes from. */
export function sinceSource(since: Since): string {
  switch (since.basis) {
    case 'reported':
      return 'as the contact center reports it';
    case 'seen':
      return 'since Earshot saw it begin';
    case 'at-least':
      return 'it was already going when Earshot first saw it';
  }
}

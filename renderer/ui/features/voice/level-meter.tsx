import { useEffect, useRef } from 'react';
import { hasSettled, meterFraction, smoothLevel } from './audio-level';

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Levels arrive with each state snapshot, a few times a second; between them the bar glides on
 * animation frames written straight to the DOM, so the meter never re-renders React.
 */
export function LevelMeter({ level, label }: { level: number; label: string }) {
  const bar = useRef<HTMLSpanElement>(null);
  const shown = useRef(0);

  useEffect(() => {
    const element = bar.current;
    if (element === null) return;
    const paint = () => {
      element.style.transform = `scaleX(${meterFraction(shown.current)})`;
    };
    if (prefersReducedMotion()) {
      shown.current = level;
      paint();
      return;
    }
    let last = performance.now();
    let frame = 0;
    const step = (now: number) => {
      shown.current = smoothLevel(shown.current, level, now - last);
      last = now;
      paint();
      if (!hasSettled(shown.current, level)) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [level]);

  const percent = Math.round(meterFraction(level) * 100);
  return (
    <span
      className="level-meter"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      data-testid="level-meter"
    >
      <span ref={bar} className="level-meter__bar" />
    </span>
  );
}

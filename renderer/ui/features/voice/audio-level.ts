/** A voice meter rises at once and falls slowly, so syllables read as speech instead of flicker. */
export const ATTACK_MS = 40;
export const RELEASE_MS = 350;

/** Below this the meter is empty: line noise and comfort noise sit around here. */
export const METER_FLOOR_DB = -50;

function clampUnit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * One step of an attack/release follower towards `target`, for `elapsedMs` of time. Exponential in
 * time, so the result does not depend on how often it is called (frame rate, snapshot rate).
 */
export function smoothLevel(previous: number, target: number, elapsedMs: number): number {
  const from = clampUnit(previous);
  const to = clampUnit(target);
  if (!Number.isFinite(elapsedMs) || elapsedMs <= 0) return from;
  const timeConstant = to > from ? ATTACK_MS : RELEASE_MS;
  const weight = 1 - Math.exp(-elapsedMs / timeConstant);
  return from + (to - from) * weight;
}

/**
 * WebRTC's audioLevel is linear amplitude (1 = full scale), where speech mostly sits well under
 * 0.3; a decibel scale spreads it over the bar the way an ear hears it.
 */
export function meterFraction(level: number): number {
  const amplitude = clampUnit(level);
  if (amplitude === 0) return 0;
  const decibels = 20 * Math.log10(amplitude);
  return clampUnit((decibels - METER_FLOOR_DB) / -METER_FLOOR_DB);
}

/** Close enough that further animation frames would not move the bar by a visible amount. */
export function hasSettled(current: number, target: number): boolean {
  return Math.abs(clampUnit(current) - clampUnit(target)) < 0.002;
}

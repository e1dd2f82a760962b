/** Outcome of an operation whose failure is an expected answer (bad input, wrong state), not a bug. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): Outcome<T> {
  return { ok: false, error };
}

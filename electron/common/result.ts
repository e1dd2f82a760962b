import { z } from 'zod';

/**
 * Failures cross every boundary as values. `message` is written for the supervisor: it says what
 * happened and what to do, so the UI can show it as it is.
 */
export const errorCodeSchema = z.enum([
  'invalid-input',
  'unauthorized',
  'not-supervisor',
  'unreachable',
  'not-gws',
  /** During a session that GWS has answered: something in front of it (or a transient fault) answered instead. */
  'gws-unavailable',
  'tls',
  'gws-refused',
  'session-expired',
  'not-signed-in',
  'busy',
  /** http:// or ws:// to another computer, and the supervisor has not agreed to it. */
  'unencrypted',
  'timeout',
  /** The supervisor cancelled what they had asked for (a sign-in); nothing to tell them. */
  'cancelled',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Technical detail for logs and diagnostics; never needed to act on the error. */
  detail: z.string().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, detail?: string): Result<T> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

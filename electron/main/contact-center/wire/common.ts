import { z } from 'zod';
import { isWellFormedText } from '../../../common/uri-text';

/**
 * Every GWS body carries statusCode (gws-api.md §1.3). One documented sample says `status`
 * instead (Chat Reject, §10.10); both are accepted and normalised to statusCode.
 */
export const statusBodySchema = z
  .looseObject({
    statusCode: z.number().int().optional(),
    status: z.number().int().optional(),
    statusMessage: z.string().optional(),
  })
  .refine((body) => body.statusCode !== undefined || body.status !== undefined, 'no statusCode in the response')
  .transform((body) => ({ ...body, statusCode: body.statusCode ?? body.status ?? 0 }));

/**
 * An id GWS hands out and Earshot puts back into request paths: it must be non-empty and
 * well-formed Unicode, or encoding it for the path would throw.
 */
export const wireIdSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine(isWellFormedText, 'an id that is not well-formed Unicode');

/** Longer than any call or chat lasts, and far from where seconds × 1000 stops being a usable number. */
const MAX_DURATION_SECONDS = 1e9;
/** The last instant a JavaScript Date can hold (ECMA-262 §21.4.1.1). */
const MAX_EPOCH_MILLIS = 8.64e15;

/** `duration` is a string of seconds in every sample; tolerate a number too. */
export const secondsSchema = z
  .union([z.number(), z.string().regex(/^\d+$/)])
  .transform((value) => Number(value))
  .pipe(z.number().min(0).max(MAX_DURATION_SECONDS, 'a duration beyond any call'));

/** `timestampSeconds` is really milliseconds, printed as a Java long (`1399313371000L`) in the docs. */
export const epochMillisSchema = z
  .union([z.number(), z.string().regex(/^\d+L?$/)])
  .transform((value) => (typeof value === 'number' ? value : Number(value.replace(/L$/, ''))))
  .pipe(z.number().min(0).max(MAX_EPOCH_MILLIS, 'a timestamp no date can hold'));

/**
 * GWS prints dates three ways: "2014-05-0511:08:45.000-0700" (no separator), "2016-03-16 09:55:18.000+1000",
 * and ISO 8601. Returns epoch ms, or null where the text is none of them.
 */
export function parseGwsDate(text: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})[ T]?(\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const [, date, time, zone] = match;
  const offset = zone === undefined ? 'Z' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = Date.parse(`${date}T${time}${offset}`);
  return Number.isNaN(millis) ? null : millis;
}

export const userStateSchema = z.looseObject({
  id: z.string().optional(),
  displayName: z.string().optional(),
  state: z.string(),
  reason: z.string().optional(),
  workMode: z.string().optional(),
});
export type WireUserState = z.infer<typeof userStateSchema>;

import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { fail, succeed, type Outcome } from '../result';
import type { Principal } from './auth';
import { parseJson, readBody, sendGwsError, sendJson } from './http-io';
import type { Json } from './resources';

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly principal: Principal;
}

/** A GWS error: the HTTP status, the statusCode in the body and its message (gws-api.md §1.3). */
export interface GwsFailure {
  readonly httpStatus: number;
  readonly statusCode: number;
  readonly message: string;
}

export const gwsFailures = {
  badInput: (message: string): GwsFailure => ({ httpStatus: 400, statusCode: 1, message }),
  wrongState: (message: string): GwsFailure => ({ httpStatus: 400, statusCode: 2, message }),
  forbidden: (message: string): GwsFailure => ({ httpStatus: 400, statusCode: 3, message }),
  noPermission: (message: string): GwsFailure => ({ httpStatus: 403, statusCode: 5, message }),
  notFound: (message: string): GwsFailure => ({ httpStatus: 404, statusCode: 6, message }),
  outOfRange: (message: string): GwsFailure => ({ httpStatus: 400, statusCode: 10, message }),
};

export function sendFailure(ctx: RequestContext, failure: GwsFailure): void {
  sendGwsError(ctx.res, failure.httpStatus, failure.statusCode, failure.message);
}

export function sendOk(ctx: RequestContext, body: Json = {}): void {
  sendJson(ctx.res, 200, { statusCode: 0, ...body });
}

/** statusCode 7: the operation took effect in part (gws-api.md §1.3). */
export function sendPartialSuccess(ctx: RequestContext, statusMessage: string, body: Json): void {
  sendJson(ctx.res, 200, { statusCode: 7, statusMessage, ...body });
}

const operationEnvelope = z.looseObject({ operationName: z.string().min(1) });

/** Reads a POST body as a GWS operation: a JSON object with an operationName. */
export async function readOperation(
  ctx: RequestContext,
): Promise<Outcome<{ readonly operationName: string; readonly body: Json }>> {
  const text = await readBody(ctx.req);
  if (!text.ok) return text;
  const json = parseJson(text.value);
  if (!json.ok) return json;
  const parsed = operationEnvelope.safeParse(json.value);
  if (!parsed.success) return fail('the body must be a JSON object with an operationName');
  return succeed({ operationName: parsed.data.operationName, body: parsed.data });
}

/** Describes a zod failure in one line, naming the offending parameter. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function isRangeError(error: z.ZodError): boolean {
  return error.issues.every((issue) => issue.code === 'too_small' || issue.code === 'too_big');
}

/** `?fields=*` or a comma list selects fields; absent means "links only" (gws-api.md §1.4). */
export function projectFields(item: Json, fields: string): Json {
  if (fields.trim() === '*') return item;
  const wanted = fields
    .split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  return Object.fromEntries(wanted.filter((field) => field in item).map((field) => [field, item[field]]));
}

export function sendCollection(
  ctx: RequestContext,
  name: string,
  items: readonly Json[],
  uris: readonly string[],
): void {
  const fields = ctx.url.searchParams.get('fields');
  if (fields === null) sendOk(ctx, { uris: [...uris] });
  else sendOk(ctx, { [name]: items.map((item) => projectFields(item, fields)) });
}

/** `?subresources=*` or a comma list; the names asked for, from those the resource knows. */
export function requestedSubresources(url: URL, known: readonly string[]): Set<string> {
  const value = url.searchParams.get('subresources');
  if (value === null) return new Set();
  const names = value.split(',').map((name) => name.trim());
  if (names.includes('*')) return new Set(known);
  return new Set(names.filter((name) => known.includes(name)));
}

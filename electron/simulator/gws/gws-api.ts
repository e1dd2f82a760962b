import type { IncomingMessage, ServerResponse } from 'node:http';
import { notificationsPath, type BayeuxHub } from '../bayeux/bayeux-hub';
import { csrfHeaderName, type Authenticator } from './auth';
import { CallRoutes } from './call-routes';
import { sendGwsError, sendJson, sendText } from './http-io';
import type { HttpSessionStore } from './http-sessions';
import { MeRoutes } from './me-routes';
import type { Notifier } from './notifier';
import { PeopleRoutes } from './people-routes';
import type { GwsTraffic } from './gws-traffic';
import { gwsFailures, sendFailure, type RequestContext } from './request-context';
import type { GwsWorld, Json } from './resources';
import { SupervisionRoutes } from './supervision-routes';

export const gwsVersion = '8.5.200.50';
const mutatingMethods = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export type RouteHandler = (ctx: RequestContext, params: readonly string[]) => void | Promise<void>;

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly pattern: RegExp;
  readonly handler: RouteHandler;
}

export interface GwsApiDeps {
  readonly world: GwsWorld;
  readonly sessions: HttpSessionStore;
  readonly auth: Authenticator;
  readonly notifier: Notifier;
  readonly bayeux: () => BayeuxHub;
  /** Routes tried before the built-in ones (chat and SMS supervision). */
  readonly extraRoutes?: readonly Route[];
  /** The chats or SMS sessions a supervisor is in, for GET /me?subresources. */
  readonly supervisedConversations?: (userId: string, kind: 'chat' | 'sms') => Json[];
  /** Counts each user's REST requests. */
  readonly traffic?: GwsTraffic;
}

/** Everything under /api/v2: auth, CSRF, then the resources (gws-api.md §1–4, 7). */
export class GwsApi {
  private readonly routes: readonly Route[];

  constructor(private readonly deps: GwsApiDeps) {
    const me = new MeRoutes(deps);
    const people = new PeopleRoutes(deps.world);
    const supervision = new SupervisionRoutes(deps.world);
    const callOperations = new CallRoutes(deps.world);
    const id = '([^/]+)';
    this.routes = [
      ...(deps.extraRoutes ?? []),
      { method: 'GET', pattern: /^\/me$/, handler: (ctx) => me.getMe(ctx) },
      { method: 'POST', pattern: /^\/me$/, handler: (ctx) => me.postMe(ctx) },
      { method: 'GET', pattern: /^\/me\/devices$/, handler: (ctx) => me.getDevices(ctx) },
      {
        method: 'GET',
        pattern: new RegExp(`^/me/devices/${id}$`),
        handler: (ctx, [deviceId]) => me.getDevice(ctx, deviceId ?? ''),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^/me/devices/${id}$`),
        handler: (ctx, [deviceId]) => supervision.postDevice(ctx, deviceId ?? ''),
      },
      { method: 'GET', pattern: /^\/me\/calls$/, handler: (ctx) => me.getCalls(ctx) },
      {
        method: 'GET',
        pattern: new RegExp(`^/me/calls/${id}$`),
        handler: (ctx, [callId]) => me.getCall(ctx, callId ?? ''),
      },
      {
        method: 'POST',
        pattern: new RegExp(`^/me/calls/${id}$`),
        handler: (ctx, [callId]) => callOperations.postCall(ctx, callId ?? ''),
      },
      { method: 'GET', pattern: /^\/me\/chats$/, handler: (ctx) => me.getTexts(ctx, 'chat') },
      {
        method: 'GET',
        pattern: new RegExp(`^/me/chats/${id}$`),
        handler: (ctx, [chatId]) => me.getText(ctx, 'chat', chatId ?? ''),
      },
      { method: 'GET', pattern: /^\/me\/smssessions$/, handler: (ctx) => me.getTexts(ctx, 'sms') },
      {
        method: 'GET',
        pattern: new RegExp(`^/me/smssessions/${id}$`),
        handler: (ctx, [smsId]) => me.getText(ctx, 'sms', smsId ?? ''),
      },
      { method: 'GET', pattern: /^\/me\/channels$/, handler: (ctx) => me.getChannels(ctx) },
      {
        method: 'GET',
        pattern: new RegExp(`^/me/channels/${id}$`),
        handler: (ctx, [name]) => me.getChannel(ctx, name ?? ''),
      },
      { method: 'POST', pattern: /^\/me\/channels\/voice$/, handler: (ctx) => me.postVoiceChannel(ctx) },
      { method: 'GET', pattern: /^\/contacts$/, handler: (ctx) => people.getContacts(ctx) },
      {
        method: 'GET',
        pattern: new RegExp(`^/contacts/${id}$`),
        handler: (ctx, [userId]) => people.getContact(ctx, userId ?? ''),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/devices/${id}$`),
        handler: (ctx, [deviceId]) => people.getDevice(ctx, deviceId ?? ''),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/chats/${id}$`),
        handler: (ctx, [chatId]) => me.getText(ctx, 'chat', chatId ?? ''),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/smssessions/${id}$`),
        handler: (ctx, [smsId]) => me.getText(ctx, 'sms', smsId ?? ''),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/users/${id}$`),
        handler: (ctx, [userId]) => people.getUser(ctx, userId ?? ''),
      },
      {
        method: 'GET',
        pattern: new RegExp(`^/users/${id}/devices$`),
        handler: (ctx, [userId]) => people.getUserDevices(ctx, userId ?? ''),
      },
    ];
  }

  /** Handles a request whose path starts with /api/v2. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice('/api/v2'.length).replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    if (path === '/diagnostics/version' && method === 'GET') {
      sendJson(res, 200, { statusCode: 0, version: gwsVersion });
      return;
    }
    if (url.pathname === notificationsPath || url.pathname.startsWith(`${notificationsPath}/`)) {
      if (/\.(js|map)$/.test(url.pathname)) {
        sendGwsError(res, 404, 6, 'Not found');
        return;
      }
      this.deps.bayeux().handle(req, res);
      return;
    }

    const mutating = mutatingMethods.has(method);
    const csrfSession = mutating ? this.deps.auth.cookieSession(req) : undefined;
    if (mutating && (!csrfSession || req.headers[csrfHeaderName.toLowerCase()] !== csrfSession.csrfToken)) {
      sendText(res, 403, 'Missing or invalid Csrf token');
      return;
    }
    const principal = this.deps.auth.authenticate(req, res);
    if (!principal) {
      sendGwsError(res, 401, 20, 'Access denied');
      return;
    }
    if (mutating && principal.session.id !== csrfSession?.id) {
      sendText(res, 403, 'Missing or invalid Csrf token');
      return;
    }
    if (method === 'GET') {
      res.setHeader('X-CSRF-HEADER', csrfHeaderName);
      res.setHeader(csrfHeaderName, principal.session.csrfToken);
    }

    const ctx: RequestContext = { req, res, url, principal };
    let pathKnown = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params = match.slice(1).map(safeDecode);
      this.deps.traffic?.record(principal.user.userName, method, routeLabel(path, match.slice(1)), url.search.slice(1));
      if (params.some((param) => param === null)) {
        sendFailure(ctx, gwsFailures.notFound(`No resource at ${url.pathname}`));
        return;
      }
      await route.handler(ctx, params as string[]);
      return;
    }
    this.deps.traffic?.record(principal.user.userName, method, pathKnown ? path : '(unknown path)');
    if (pathKnown) sendGwsError(res, 405, 3, `Method ${method} is not supported here`);
    else sendFailure(ctx, gwsFailures.notFound(`No resource at ${url.pathname}`));
  }
}

/** "/users/4ff5…/devices" → "/users/{id}/devices": one count per kind of request, not per agent. */
function routeLabel(path: string, rawParams: readonly (string | undefined)[]): string {
  const params = new Set(rawParams);
  return path
    .split('/')
    .map((segment) => (params.has(segment) ? '{id}' : segment))
    .join('/');
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

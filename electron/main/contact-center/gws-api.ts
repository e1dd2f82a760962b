import { z } from 'zod';
import { err, ok, type Result } from '../../common/result';
import { encodeUriComponentSafely } from '../../common/uri-text';
import type { Logger } from '../platform/logger';
import type { BasicCredentials, GwsRequest, HttpTransport } from './http-transport';
import {
  contactSchema,
  contactsResponseSchema,
  userResponseSchema,
  type WireContact,
  type WireUser,
} from './wire/users';

export interface ContactsPage {
  readonly contacts: readonly WireContact[];
  /** Entries on the page, counting those that could not be read. */
  readonly received: number;
  /** How many contacts match in all (GWS `totalCount`); null when the server does not say. */
  readonly totalCount: number | null;
}

/** GWS statusCode 6: "the contact center no longer knows that item" (gws-api.md §1.3). */
const itemUnknownStatus = 6;

/** [INF] GWS documents "per-channel details" on a partial success without their shape; read what matches. */
const partialSessionDetailsSchema = z.looseObject({
  statusMessage: z.string().optional(),
  channels: z.array(z.looseObject({ channel: z.string(), statusCode: z.number() })).optional(),
});

/**
 * The GWS operations Earshot uses, each parsing its response at the edge. Operations answer
 * "accepted"; their effect arrives later as a CometD notification (gws-api.md §1.2).
 */
export class GwsApi {
  constructor(
    private readonly http: HttpTransport,
    private readonly logger: Logger,
  ) {}

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** The first call of a session: Basic credentials create the HTTP session and its CSRF token. */
  async getMe(options: { subresources?: string; basicAuth?: BasicCredentials } = {}): Promise<Result<WireUser>> {
    const response = await this.http.request({
      method: 'GET',
      path: '/api/v2/me',
      query: { subresources: options.subresources },
      basicAuth: options.basicAuth,
    });
    return this.parse(response, userResponseSchema, 'GET /api/v2/me', (body) => body.user);
  }

  async getUser(userId: string, subresources: string): Promise<Result<WireUser>> {
    const path = `/api/v2/users/${encodeUriComponentSafely(userId)}`;
    const response = await this.http.request({ method: 'GET', path, query: { subresources } });
    return this.parse(response, userResponseSchema, `GET ${path}`, (body) => body.user);
  }

  /**
   * One page of the contact center's agents with their live availability (gws-api.md §7), sorted by
   * user name, or the agents with the given user names. `received` counts every entry the page
   * held, malformed ones too (logged and skipped), because the next page starts after all of them.
   */
  async getAgentContacts(page: {
    readonly offset: number;
    readonly limit: number;
    readonly userNames?: readonly string[];
  }): Promise<Result<ContactsPage>> {
    const response = await this.http.request({
      method: 'GET',
      path: '/api/v2/contacts',
      query: {
        type: 'User',
        roles: 'ROLE_AGENT',
        name: page.userNames === undefined ? undefined : page.userNames.join(','),
        offset: page.offset,
        limit: page.limit,
        sortBy: 'name',
        order: 'Ascending',
      },
    });
    return this.parse(response, contactsResponseSchema, 'GET /api/v2/contacts', (body) => ({
      totalCount: body.totalCount ?? null,
      received: body.contacts.length,
      contacts: body.contacts.flatMap((entry) => {
        const contact = contactSchema.safeParse(entry);
        if (contact.success) return [contact.data];
        this.logger.warn('Skipped a malformed contact', { reason: contact.error.message });
        return [];
      }),
    }));
  }

  /**
   * statusCode 7 (some channels failed) still starts the session. Answers what did not start: the
   * channels the per-channel details name as failed, else the server's statusMessage.
   */
  async startContactCenterSession(channels: readonly string[]): Promise<Result<{ notStarted: readonly string[] }>> {
    const response = await this.http.request({
      method: 'POST',
      path: '/api/v2/me',
      body: { operationName: 'StartContactCenterSession', channels },
      acceptStatusCodes: [7],
    });
    if (!response.ok) return response;
    if (response.value.body.statusCode !== 7) return ok({ notStarted: [] });
    this.logger.warn('Contact-center session started on some channels only', { response: response.value.body });
    const details = partialSessionDetailsSchema.safeParse(response.value.body);
    const failed = details.success
      ? (details.data.channels ?? []).filter((entry) => entry.statusCode !== 0).map((entry) => entry.channel)
      : [];
    if (failed.length > 0) return ok({ notStarted: failed });
    const statusMessage = details.success ? details.data.statusMessage?.trim() : undefined;
    return ok({ notStarted: [statusMessage || 'some channels (the server did not say which)'] });
  }

  async endContactCenterSession(): Promise<Result<null>> {
    return this.operation('/api/v2/me', { operationName: 'EndContactCenterSession' });
  }

  /** A GET whose body the caller parses; its statusCode is already checked. */
  async get(path: string, query?: GwsRequest['query']): Promise<Result<Record<string, unknown>>> {
    const response = await this.http.request({ method: 'GET', path, query });
    return response.ok ? ok(response.value.body) : response;
  }

  /** POST `{operationName, …}` to a resource; the answer only says whether GWS accepted it. */
  async operation(path: string, body: { operationName: string } & Record<string, unknown>): Promise<Result<null>> {
    const response = await this.http.request({ method: 'POST', path, body });
    return response.ok ? ok(null) : response;
  }

  /**
   * An operation that ends something (Hangup): statusCode 6, the server no longer knows the item, means
   * it ended already from the other side, which is what was asked, so it answers 'already-gone' quietly.
   */
  async endingOperation(
    path: string,
    body: { operationName: string } & Record<string, unknown>,
  ): Promise<Result<'done' | 'already-gone'>> {
    const response = await this.http.request({ method: 'POST', path, body, acceptStatusCodes: [itemUnknownStatus] });
    if (!response.ok) return response;
    return ok(response.value.body.statusCode === itemUnknownStatus ? 'already-gone' : 'done');
  }

  private parse<S extends z.ZodType, T>(
    response: Result<{ body: unknown }>,
    schema: S,
    where: string,
    pick: (body: z.output<S>) => T,
  ): Result<T> {
    if (!response.ok) return response;
    const parsed = schema.safeParse(response.value.body);
    if (!parsed.success) {
      this.logger.warn('Unexpected GWS response shape', { request: where, reason: parsed.error.message });
      return err(
        'not-gws',
        'The contact center answered in a form Earshot does not understand. Check that the address is a Genesys Web Services server.',
        `${where}: ${parsed.error.message}`,
      );
    }
    return ok(pick(parsed.data));
  }
}

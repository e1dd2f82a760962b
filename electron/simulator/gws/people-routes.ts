import { z } from 'zod';
import { isSupervisor } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import {
  describeIssues,
  gwsFailures,
  isRangeError,
  requestedSubresources,
  sendCollection,
  sendFailure,
  sendOk,
  type RequestContext,
} from './request-context';
import {
  contactJson,
  deviceJson,
  deviceUri,
  interactionSummaryJson,
  texts,
  userJson,
  type GwsWorld,
} from './resources';

const contactsQuery = z.object({
  type: z.enum(['User', 'Queue', 'Custom']).optional(),
  roles: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  filterName: z.literal('NamesOrPhoneNumberMatches').optional(),
  filterParameters: z.string().optional(),
  sortBy: z.enum(['name', 'userName', 'firstName', 'lastName']).optional(),
  order: z.enum(['Ascending', 'Descending']).optional(),
  /** Exact user names, comma-separated (gws-api.md §7: "name"). */
  name: z.string().optional(),
  /** [INF] Agent groups by name, comma-separated, as a public client passes them (§7). */
  includeUsersInBusinessUnits: z.string().optional(),
});

// One collator for every sort: localeCompare with options builds one per call, which a 2,000-agent sort feels.
const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });

function commaList(text: string): Set<string> {
  return new Set(
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
}

const userSubresources = ['devices', 'chats', 'smssessions'] as const;

/** A case-insensitive whole-value match where `*` stands for any run of characters. */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 'i');
  return (value) => regex.test(value);
}

function searchableValues(user: DirectoryUser): string[] {
  return [
    user.userName,
    user.firstName,
    user.lastName,
    `${user.firstName} ${user.lastName}`,
    `${user.lastName} ${user.firstName}`,
    user.device.phoneNumber,
  ];
}

/** Contacts (gws-api.md §7, A.13) and user resources (A.12): how a supervisor finds the team. */
export class PeopleRoutes {
  constructor(private readonly world: GwsWorld) {}

  getContacts(ctx: RequestContext): void {
    const parsed = contactsQuery.safeParse(Object.fromEntries(ctx.url.searchParams));
    if (!parsed.success) {
      const failure = isRangeError(parsed.error) ? gwsFailures.outOfRange : gwsFailures.badInput;
      return sendFailure(ctx, failure(describeIssues(parsed.error)));
    }
    const query = parsed.data;
    if (query.filterName && query.filterParameters === undefined) {
      return sendFailure(ctx, gwsFailures.badInput('filterParameters is required with filterName'));
    }
    let users = query.type === undefined || query.type === 'User' ? [...this.world.directory.all()] : [];
    if (query.roles) {
      const roles = commaList(query.roles);
      users = users.filter((user) => user.roles.some((role) => roles.has(role)));
    }
    if (query.name !== undefined) {
      const names = commaList(query.name);
      users = users.filter((user) => names.has(user.userName));
    }
    if (query.includeUsersInBusinessUnits !== undefined) {
      const groups = commaList(query.includeUsersInBusinessUnits);
      users = users.filter((user) => user.agentGroups.some((group) => groups.has(group.name)));
    }
    if (query.filterName && query.filterParameters !== undefined) {
      const matches = wildcardMatcher(query.filterParameters);
      users = users.filter((user) => searchableValues(user).some(matches));
    }
    if (query.sortBy) {
      const key = query.sortBy === 'name' ? 'userName' : query.sortBy;
      const direction = query.order === 'Descending' ? -1 : 1;
      users.sort((a, b) => direction * (nameCollator.compare(a[key], b[key]) || a.id.localeCompare(b.id)));
    }
    const { items, totalCount } = this.world.contactsPaging.page(users, query.offset ?? 0, query.limit);
    sendOk(ctx, { totalCount, contacts: items.map((user) => contactJson(this.world, user)) });
  }

  getContact(ctx: RequestContext, userId: string): void {
    const user = this.world.directory.byId(userId);
    if (!user) return sendFailure(ctx, gwsFailures.notFound(`Contact ${userId} not found`));
    sendOk(ctx, { contact: contactJson(this.world, user) });
  }

  /** The absolute device URIs resources carry resolve here: one's own device, or any for a supervisor. */
  getDevice(ctx: RequestContext, deviceId: string): void {
    const owner = this.world.directory.byDeviceId(deviceId);
    if (!owner) return sendFailure(ctx, gwsFailures.notFound(`Device ${deviceId} not found`));
    if (owner.id !== ctx.principal.user.id && !isSupervisor(ctx.principal.user)) {
      return sendFailure(ctx, gwsFailures.noPermission('Only a supervisor may read other users’ devices'));
    }
    sendOk(ctx, { device: deviceJson(this.world, owner) });
  }

  getUser(ctx: RequestContext, userId: string): void {
    const user = this.readableUser(ctx, userId);
    if (!user) return;
    const json = userJson(this.world, user);
    const wanted = requestedSubresources(ctx.url, userSubresources);
    if (wanted.has('devices')) json.devices = [deviceJson(this.world, user)];
    if (wanted.has('chats')) json.chats = texts(this.world, user, 'chat').map(interactionSummaryJson);
    if (wanted.has('smssessions')) json.smssessions = texts(this.world, user, 'sms').map(interactionSummaryJson);
    sendOk(ctx, { user: json });
  }

  getUserDevices(ctx: RequestContext, userId: string): void {
    const user = this.readableUser(ctx, userId);
    if (!user) return;
    sendCollection(ctx, 'devices', [deviceJson(this.world, user)], [deviceUri(this.world, user)]);
  }

  /** A supervisor may read any user; anyone else only themself. */
  private readableUser(ctx: RequestContext, userId: string): DirectoryUser | undefined {
    const self = ctx.principal.user;
    if (!isSupervisor(self) && userId !== self.id) {
      sendFailure(ctx, gwsFailures.noPermission('Only a supervisor may read other users'));
      return undefined;
    }
    const user = this.world.directory.byId(userId);
    if (!user) sendFailure(ctx, gwsFailures.notFound(`User ${userId} not found`));
    return user;
  }
}

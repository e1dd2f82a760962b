import type { Agent } from '../../common/models/agent';
import type { TeamLoad } from '../../common/models/app-state';
import { err, ok, type AppError, type Result } from '../../common/result';
import type { Logger } from '../platform/logger';
import { deriveAgent, teamGroups, type AgentFacts } from './agent-derivation';
import { readContact, readConversations } from './agent-mapping';
import type { ContactsPage, GwsApi } from './gws-api';
import type { WireContact } from './wire/users';

/*
 * The team, read from GWS and kept current within a fixed request budget.
 *
 * GWS pushes only the signed-in user's own events (/v2/me/*), never other agents' states, so the
 * team is polled. For a floor of hundreds that polling is most of what a supervisor costs GWS, so
 * it is bounded per supervisor whatever the team's size:
 *
 * - Signing in (and every resync after a lost connection) reads the whole team once: GET /contacts
 *   page by page until `totalCount`, at most 3 pages at a time: ⌈N / page size⌉ requests (5 for
 *   500 agents at the simulator's 100 a page), as one short burst.
 * - Then at most `requestsPerSecond` requests (default 2), one at a time, in a fixed cycle of four
 *   slots: [agents on screen, next page of the team, agents on screen, one agent's chats and SMS].
 *   "On screen" is the rows the UI says it shows plus every monitored agent, read in one
 *   `GET /contacts?name=a,b,…` (up to 60 names). A slot with nothing to do passes to the next one,
 *   so nothing is spent idle and nothing exceeds the budget. At the default that is, per supervisor:
 *   rows on screen re-read every second; the whole team re-read every ⌈N / page⌉ × 2 s (10 s for
 *   500 agents, 40 s for 2,000); the chats and SMS of agents who have some read 0.5 times a second,
 *   those on screen first (every 5 s at most), the others when their list is 30 s old.
 * - The burst is charged to the budget: the steady refresh waits until the average is back within it.
 */

export interface TeamRefreshSettings {
  /** The steady request budget per supervisor, whatever the team's size. */
  readonly requestsPerSecond: number;
  /** `limit` asked of GET /contacts; a server may send fewer a page, which paging follows. */
  readonly pageLimit: number;
  /** Pages read at once while loading the whole team. */
  readonly parallelPages: number;
  /** User names in one `GET /contacts?name=…`. */
  readonly namesPerRequest: number;
}

export const defaultTeamRefresh: TeamRefreshSettings = {
  requestsPerSecond: 2,
  pageLimit: 100,
  parallelPages: 3,
  namesPerRequest: 60,
};

/** Chats and SMS of agents on screen are re-read at most this often, the others at this age. */
export const conversationsAgeOnScreenMs = 5_000;
export const conversationsAgeOffScreenMs = 30_000;
/** Rows the UI may name as on screen; more than a 2560 px tall window shows. */
export const maxRowsOnScreen = 200;

export type TeamRequest =
  | { readonly kind: 'focus'; readonly userNames: readonly string[] }
  | { readonly kind: 'page'; readonly offset: number }
  | { readonly kind: 'conversations'; readonly agentId: string };

export const refreshCycle = ['focus', 'page', 'focus', 'conversations'] as const;

/**
 * The next request of the steady refresh: the cycle's slot if it has work, else the next slot
 * that has. Returns the request and the slot to start from next time.
 */
export function planRequest(input: {
  readonly slot: number;
  readonly focusUserNames: readonly string[];
  readonly nextPageOffset: number;
  readonly conversationsOf: string | null;
}): { request: TeamRequest; nextSlot: number } {
  for (let step = 0; step < refreshCycle.length; step += 1) {
    const index = (input.slot + step) % refreshCycle.length;
    const kind = refreshCycle[index];
    const nextSlot = (index + 1) % refreshCycle.length;
    if (kind === 'focus' && input.focusUserNames.length > 0) {
      return { request: { kind, userNames: input.focusUserNames }, nextSlot };
    }
    if (kind === 'conversations' && input.conversationsOf !== null) {
      return { request: { kind, agentId: input.conversationsOf }, nextSlot };
    }
    if (kind === 'page') return { request: { kind, offset: input.nextPageOffset }, nextSlot };
  }
  return { request: { kind: 'page', offset: input.nextPageOffset }, nextSlot: input.slot };
}

/**
 * Whose chats and SMS to read next: agents GWS shows busy on chat or SMS, those on screen (or
 * monitored) first, never read before first, then the longest unread; none when every list is fresh.
 */
export function pickConversationsToRead(
  facts: Iterable<AgentFacts>,
  onScreen: ReadonlySet<string>,
  now: number,
): string | null {
  let best: { id: string; rank: number; age: number } | null = null;
  for (const fact of facts) {
    const { busy } = fact.contact;
    if (!busy.chat && !busy.sms) continue;
    const focused = onScreen.has(fact.contact.id);
    const age = fact.conversationsReadAt === null ? Infinity : now - fact.conversationsReadAt;
    if (age < (focused ? conversationsAgeOnScreenMs : conversationsAgeOffScreenMs)) continue;
    const rank = (focused ? 0 : 2) + (age === Infinity ? 0 : 1);
    if (best === null || rank < best.rank || (rank === best.rank && age > best.age)) {
      best = { id: fact.contact.id, rank, age };
    }
  }
  return best?.id ?? null;
}

/**
 * No supervisor's team is larger: a server that announces more (or pages without end) is read this
 * far and reported short, so a wrong or hostile `totalCount` cannot queue reads without bound.
 */
const maxTeamSize = 10_000;

export interface WholeTeam {
  readonly contacts: readonly WireContact[];
  /** What the server said the team has; null when it gave no `totalCount`. */
  readonly expected: number | null;
  /** Every announced agent arrived. */
  readonly complete: boolean;
  readonly requests: number;
  /** Contacts the server sends a page: the first page's size where that page was not the last. */
  readonly pageSize: number;
}

/**
 * Reads every page of the team. The first page tells the total and the server's real page size
 * (it may send fewer than asked); the others are read up to `parallel` at a time, each continuing
 * from where the previous one really ended. A page that comes back empty before `totalCount` means
 * the server stops short: that is reported (`complete: false`), never hidden.
 */
export async function readWholeTeam(
  api: Pick<GwsApi, 'getAgentContacts'>,
  options: {
    readonly pageLimit: number;
    readonly parallel: number;
    readonly onPage?: (
      contacts: readonly WireContact[],
      progress: { received: number; expected: number | null },
    ) => void;
  },
): Promise<Result<WholeTeam>> {
  const byId = new Map<string, WireContact>();
  let requests = 0;
  let failure: AppError | null = null;
  const read = async (offset: number): Promise<ContactsPage | null> => {
    requests += 1;
    const page = await api.getAgentContacts({ offset, limit: options.pageLimit });
    if (!page.ok) {
      failure ??= page.error;
      return null;
    }
    for (const contact of page.value.contacts) byId.set(contact.id, contact);
    options.onPage?.(page.value.contacts, { received: byId.size, expected: page.value.totalCount });
    return page.value;
  };

  const first = await read(0);
  if (first === null) return err(failure!.code, failure!.message, failure!.detail);
  const expected = first.totalCount;
  const pageSize = first.received;
  if (expected === null) {
    // No totalCount: follow the pages until one comes back empty.
    let offset = first.received;
    let last = first;
    while (last.received > 0 && byId.size < maxTeamSize && requests < maxTeamSize) {
      const page = await read(offset);
      if (page === null) return err(failure!.code, failure!.message, failure!.detail);
      offset += page.received;
      last = page;
    }
    return ok({ contacts: [...byId.values()], expected: null, complete: true, requests, pageSize: options.pageLimit });
  }

  const reachable = Math.min(expected, maxTeamSize);
  const queue: number[] = [];
  for (let offset = pageSize; pageSize > 0 && offset < reachable; offset += pageSize) queue.push(offset);
  const maxRequests = 2 * queue.length + 10;
  const worker = async () => {
    while (queue.length > 0 && failure === null && requests < maxRequests) {
      const offset = queue.shift() as number;
      const page = await read(offset);
      if (page === null) return;
      // A page shorter than the server's own page size leaves a gap: read on from where it ended.
      const end = offset + page.received;
      const planned = offset + pageSize;
      if (page.received > 0 && end < Math.min(planned, reachable)) queue.push(end);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.parallel) }, worker));
  if (failure !== null) {
    const error: AppError = failure;
    return err(error.code, error.message, error.detail);
  }
  return ok({
    contacts: [...byId.values()],
    expected,
    complete: byId.size >= expected,
    requests,
    pageSize: pageSize > 0 && pageSize < expected ? pageSize : options.pageLimit,
  });
}

export interface TeamRosterOptions {
  readonly api: Pick<GwsApi, 'getAgentContacts' | 'getUser'>;
  readonly logger: Logger;
  readonly now?: () => number;
  /** The signed-in supervisor's user id, so their own entry says "you". */
  readonly selfId: string;
  readonly refresh?: Partial<TeamRefreshSettings>;
  /** Agents whose calls, chats or SMS the supervisor monitors: refreshed like rows on screen. */
  readonly monitoredAgentIds: () => readonly string[];
  readonly onAgents: (change: { agents: Agent[]; removed: string[]; groups: string[] }) => void;
  readonly onLoad: (load: TeamLoad) => void;
  readonly onError: (error: AppError) => void;
  /** A read answered: GWS's REST works, whatever it said about the team. */
  readonly onAnswered: () => void;
}

/**
 * Reads the team and keeps it current (see the budget above): holds what each agent's last reads
 * said, derives the agents from it (agent-derivation.ts) and hands on only those that changed.
 */
export class TeamRoster {
  private readonly settings: TeamRefreshSettings;
  private readonly now: () => number;
  private readonly facts = new Map<string, AgentFacts>();
  private readonly agents = new Map<string, Agent>();
  private onScreen: readonly string[] = [];
  private stopped = true;
  private loading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;
  private nextRequestAt = 0;
  private slot = 0;
  private focusCursor = 0;
  private nextPageOffset = 0;
  private expected: number | null = null;
  /** Contacts the server really sends a page (it may cap `limit`). */
  private pageSize: number;
  private complete = true;
  private sweepStartedAt = 0;
  private failures = 0;

  constructor(private readonly options: TeamRosterOptions) {
    this.settings = { ...defaultTeamRefresh, ...options.refresh };
    this.pageSize = this.settings.pageLimit;
    this.now = options.now ?? Date.now;
  }

  /** Starts reading the team; resolves once the first page is in, and goes on reading and refreshing. */
  start(): Promise<void> {
    this.stopped = false;
    let firstPage: () => void = () => undefined;
    const firstPageIn = new Promise<void>((resolve) => (firstPage = resolve));
    void this.reload(firstPage).finally(() => {
      firstPage();
      void this.refreshLoop();
    });
    return firstPageIn;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wake?.();
  }

  /** Reads the whole team again (after a reconnection); the steady refresh waits meanwhile. */
  reload(onFirstPage?: () => void): Promise<void> {
    this.loading ??= this.loadWholeTeam(onFirstPage).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** The rows the UI shows now (ids, top to bottom): they are refreshed first. */
  showRows(agentIds: readonly string[]): void {
    this.onScreen = agentIds.slice(0, maxRowsOnScreen);
  }

  private async loadWholeTeam(onFirstPage?: () => void): Promise<void> {
    const startedAt = this.now();
    const seenBefore = new Set(this.facts.keys());
    this.options.onLoad({ status: 'loading', received: 0, expected: this.expected });
    let pages = 0;
    const team = await readWholeTeam(this.options.api, {
      pageLimit: this.settings.pageLimit,
      parallel: this.settings.parallelPages,
      onPage: (contacts, progress) => {
        if (this.stopped) return;
        pages += 1;
        this.ingestContacts(contacts, this.now());
        this.options.onLoad({ status: 'loading', received: progress.received, expected: progress.expected });
        if (pages === 1) onFirstPage?.();
      },
    });
    if (this.stopped) return;
    if (!team.ok) {
      // The steady refresh reads the team page by page meanwhile; its first full sweep ends the loading.
      this.options.onError(team.error);
      return;
    }
    const arrived = new Set(team.value.contacts.map((contact) => contact.id));
    this.forget([...seenBefore].filter((id) => !arrived.has(id)));
    this.expected = team.value.expected;
    this.complete = team.value.complete;
    this.pageSize = team.value.pageSize;
    this.reportLoad();
    if (!team.value.complete) {
      this.options.logger.warn('The contact center announced more agents than it sent', {
        expected: team.value.expected,
        received: arrived.size,
      });
    }
    this.nextPageOffset = 0;
    this.sweepStartedAt = this.now();
    const spacing = 1000 / this.settings.requestsPerSecond;
    this.nextRequestAt = Math.max(this.nextRequestAt, startedAt + team.value.requests * spacing);
    this.options.logger.info('Team read', {
      agents: arrived.size,
      expected: team.value.expected,
      requests: team.value.requests,
      ms: this.now() - startedAt,
    });
  }

  private async refreshLoop(): Promise<void> {
    const spacing = 1000 / this.settings.requestsPerSecond;
    while (!this.stopped) {
      await this.sleepUntil(this.nextRequestAt);
      if (this.stopped) return;
      if (this.loading) {
        await this.loading;
        continue;
      }
      const now = this.now();
      this.nextRequestAt = Math.max(now, this.nextRequestAt) + spacing;
      const focusIds = this.focusIds();
      const { request, nextSlot } = planRequest({
        slot: this.slot,
        focusUserNames: this.focusChunk(focusIds),
        nextPageOffset: this.nextPageOffset,
        conversationsOf: pickConversationsToRead(this.facts.values(), new Set(focusIds), now),
      });
      this.slot = nextSlot;
      const failed = await this.perform(request);
      if (failed === null) {
        this.failures = 0;
        this.options.onAnswered();
      } else {
        this.failures += 1;
        this.nextRequestAt = this.now() + Math.max(spacing, Math.min(10_000, 500 * 2 ** this.failures));
        this.options.onError(failed);
      }
    }
  }

  /** Performs one request of the steady refresh; returns its failure, or null. */
  private async perform(request: TeamRequest): Promise<AppError | null> {
    try {
      switch (request.kind) {
        case 'focus': {
          const page = await this.options.api.getAgentContacts({
            offset: 0,
            limit: this.settings.pageLimit,
            userNames: request.userNames,
          });
          if (!page.ok) return page.error;
          if (!this.stopped && !this.loading) this.ingestContacts(page.value.contacts, this.now());
          return null;
        }
        case 'page': {
          const page = await this.options.api.getAgentContacts({
            offset: request.offset,
            limit: this.settings.pageLimit,
          });
          if (!page.ok) return page.error;
          if (!this.stopped && !this.loading) this.afterSweepPage(request.offset, page.value);
          return null;
        }
        case 'conversations': {
          const user = await this.options.api.getUser(request.agentId, 'chats,smssessions');
          if (!user.ok) return user.error;
          if (!this.stopped && !this.loading) this.ingestConversations(request.agentId, readConversations(user.value));
          return null;
        }
      }
    } catch (error) {
      return { code: 'internal', message: 'Reading the team failed unexpectedly.', detail: String(error) };
    }
  }

  private afterSweepPage(offset: number, page: ContactsPage): void {
    if (offset === 0) this.sweepStartedAt = this.now();
    this.ingestContacts(page.contacts, this.now());
    const expected = page.totalCount;
    const end = offset + page.received;
    if (page.received > 0 && (expected === null || end < expected)) {
      this.nextPageOffset = end;
      return;
    }
    // The sweep is over: agents no read has seen since it began have left the team.
    if (offset !== 0 || page.received > 0) {
      const stale = [...this.facts.values()]
        .filter((fact) => fact.contactReadAt < this.sweepStartedAt)
        .map((fact) => fact.contact.id);
      this.forget(stale);
    }
    this.expected = expected;
    // An empty page before the announced end: the server stops short.
    this.complete = expected === null || page.received > 0 || offset >= expected;
    this.reportLoad();
    this.nextPageOffset = 0;
  }

  private reportLoad(): void {
    const received = this.agents.size;
    const complete = this.complete && (this.expected === null || received >= this.expected);
    this.options.onLoad({ status: complete ? 'complete' : 'incomplete', received, expected: this.expected });
  }

  /** Monitored agents first, then the rows on screen; each once. */
  private focusIds(): string[] {
    return [...new Set([...this.options.monitoredAgentIds(), ...this.onScreen])].filter((id) => this.facts.has(id));
  }

  /** Up to `namesPerRequest` user names; a longer list is read a chunk at a time, in turn. */
  private focusChunk(focusIds: readonly string[]): string[] {
    const names = focusIds.flatMap((id) => {
      const userName = this.facts.get(id)?.contact.userName;
      return userName === undefined ? [] : [userName];
    });
    // A page cannot hold more than the server's page size, names or not.
    const size = Math.max(1, Math.min(this.settings.namesPerRequest, this.pageSize));
    if (names.length <= size) return names;
    const start = (this.focusCursor * size) % names.length;
    this.focusCursor += 1;
    return [...names, ...names].slice(start, start + size);
  }

  private ingestContacts(contacts: readonly WireContact[], readAt: number): void {
    const changed: Agent[] = [];
    for (const contact of contacts) {
      const before = this.facts.get(contact.id);
      const facts: AgentFacts = {
        contact: readContact(contact),
        contactReadAt: readAt,
        conversations: before?.conversations ?? null,
        conversationsReadAt: before?.conversationsReadAt ?? null,
      };
      this.facts.set(contact.id, facts);
      const agent = this.derive(facts, readAt, before?.contactReadAt ?? null);
      if (agent !== null) changed.push(agent);
    }
    this.publish(changed, []);
  }

  private ingestConversations(agentId: string, conversations: AgentFacts['conversations']): void {
    const before = this.facts.get(agentId);
    if (before === undefined) return;
    const readAt = this.now();
    const facts: AgentFacts = { ...before, conversations, conversationsReadAt: readAt };
    this.facts.set(agentId, facts);
    const previousReadAt = Math.max(before.contactReadAt, before.conversationsReadAt ?? -Infinity);
    const agent = this.derive(facts, readAt, previousReadAt);
    this.publish(agent === null ? [] : [agent], []);
  }

  /** The agent as derived from these facts, or null when that is what is shown already. */
  private derive(facts: AgentFacts, readAt: number, previousReadAt: number | null): Agent | null {
    const previous = this.agents.get(facts.contact.id);
    const agent = deriveAgent(previous, facts, { readAt, previousReadAt, selfId: this.options.selfId });
    if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(agent)) return null;
    this.agents.set(agent.id, agent);
    return agent;
  }

  private forget(agentIds: readonly string[]): void {
    const removed = agentIds.filter((id) => this.facts.delete(id));
    for (const id of removed) this.agents.delete(id);
    if (removed.length > 0) this.publish([], removed);
  }

  private publish(agents: Agent[], removed: string[]): void {
    if (this.stopped || (agents.length === 0 && removed.length === 0)) return;
    this.options.onAgents({ agents, removed, groups: teamGroups(this.agents.values()) });
  }

  private sleepUntil(at: number): Promise<void> {
    const delay = at - this.now();
    if (delay <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        resolve();
      };
      this.timer = setTimeout(() => this.wake?.(), delay);
    });
  }
}

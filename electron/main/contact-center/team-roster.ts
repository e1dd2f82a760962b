import type { AppError, Result } from '../../common/result';
import type { Logger } from '../platform/logger';
import type { AgentSnapshot } from '../state/app-state-reducers';
import { contactToAgent, hasMultimediaWork, type InteractionCounts } from './agent-mapping';
import type { GwsApi } from './gws-api';

/**
 * Reads the team: agents from the Contacts API with their availability, plus the number of chats and
 * SMS sessions of agents who have any (user subresources, gws-api.md §6 and A.12).
 * GWS pushes only the signed-in user's own events (/v2/me/*), never other agents' states, so the
 * roster is polled; see TeamRosterPoller.
 */
export async function readTeam(api: GwsApi, logger: Logger): Promise<Result<AgentSnapshot[]>> {
  const contacts = await api.getAgentContacts();
  if (!contacts.ok) return contacts;
  const busy = contacts.value.filter(hasMultimediaWork);
  const counts = new Map<string, InteractionCounts>();
  await forEachLimited(busy, 4, async (contact) => {
    const user = await api.getUser(contact.id, 'chats,smssessions');
    if (user.ok) {
      counts.set(contact.id, {
        chats: user.value.chats?.length ?? 0,
        smsSessions: user.value.smssessions?.length ?? 0,
      });
    } else {
      logger.debug('Could not count an agent’s interactions', {
        agentId: contact.id,
        reason: user.error.detail ?? user.error.message,
      });
    }
  });
  return { ok: true, value: contacts.value.map((contact) => contactToAgent(contact, counts.get(contact.id) ?? null)) };
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(workers);
}

export interface TeamRosterPollerOptions {
  readonly api: GwsApi;
  readonly logger: Logger;
  readonly intervalMs: number;
  readonly onTeam: (agents: AgentSnapshot[]) => void;
  readonly onError: (error: AppError) => void;
}

/** Polls the roster at a modest interval; one read at a time, and `refreshNow` for resyncs. */
export class TeamRosterPoller {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly options: TeamRosterPollerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async refreshNow(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    await this.readOnce();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.readOnce().finally(() => this.schedule(this.options.intervalMs));
    }, delayMs);
  }

  private readOnce(): Promise<void> {
    this.inFlight ??= (async () => {
      try {
        const team = await readTeam(this.options.api, this.options.logger);
        if (this.stopped) return;
        if (team.ok) this.options.onTeam(team.value);
        else this.options.onError(team.error);
      } catch (error) {
        this.options.onError({
          code: 'internal',
          message: 'Reading the team failed unexpectedly.',
          detail: String(error),
        });
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }
}

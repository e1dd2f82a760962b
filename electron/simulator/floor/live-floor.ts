import {
  notReadyReasons,
  type AgentStatus,
  type CallInteraction,
  type FloorModel,
  type Interaction,
} from './floor-model';
import { Prng } from './prng';

/** Durations in floor seconds (one tick is one second), each drawn uniformly from [min, max]. */
export const floorTimings = {
  ringing: [1, 3],
  call: [20, 90],
  afterCallWork: [5, 15],
  notReady: [15, 60],
  loggedOut: [30, 120],
  idleBeforeCall: [3, 25],
  idleBeforeBreak: [5, 40],
  idleBeforeLogout: [10, 60],
  watchedIdleBeforeCall: [2, 5],
  watchedAfterCallWork: [2, 4],
  chat: [30, 240],
  sms: [40, 300],
} as const satisfies Record<string, readonly [number, number]>;

export const maxTextInteractions = 3;
const chatArrivalPerSecond = 1 / 90;
const smsArrivalPerSecond = 1 / 120;
/** After this many seconds without any change a chat or SMS arrives, so a demo never looks frozen. */
const longestQuietSeconds = 2;

type AgentAction = 'login' | 'ready' | 'offerCall' | 'notReady' | 'logout' | 'none';

interface AgentPlan {
  /** The state the plan was made for; any other change (control API, a call) makes a new plan. */
  readonly signature: string;
  readonly dueAt: number;
  readonly action: AgentAction;
}

export interface LiveFloorOptions {
  readonly model: FloorModel;
  /** The agents the floor moves, in the order it visits them each second. */
  readonly agentIds: readonly string[];
  readonly seed: number;
  readonly tickMs?: number;
  /**
   * Agents a supervisor is monitoring: they take their next call soon and skip breaks, so a demo
   * supervisor hears a monitored call within seconds of the current one ending.
   */
  readonly isWatched?: (agentId: string) => boolean;
  /** Chats and SMS sessions end when their conversation script says so, not on the floor's timer. */
  readonly scriptedTexts?: boolean;
}

/**
 * Makes the floor look alive: a seeded, second-by-second walk through agent states and
 * interactions. Decisions depend only on the seed and the model's state, never on wall-clock
 * jitter, so a seed replays the same floor.
 */
export class LiveFloor {
  private readonly model: FloorModel;
  private readonly agentIds: readonly string[];
  private readonly prng: Prng;
  private readonly tickMs: number;
  private readonly isWatched: (agentId: string) => boolean;
  private readonly scriptedTexts: boolean;
  private second = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly agentPlans = new Map<string, AgentPlan>();
  private readonly interactionDue = new Map<string, number>();
  private changesThisSecond = 0;
  private quietSeconds = 0;

  constructor(options: LiveFloorOptions) {
    this.model = options.model;
    this.agentIds = options.agentIds;
    this.prng = new Prng(options.seed);
    this.tickMs = options.tickMs ?? 1000;
    this.isWatched = options.isWatched ?? (() => false);
    this.scriptedTexts = options.scriptedTexts ?? false;
    this.model.subscribe(() => {
      this.changesThisSecond += 1;
    });
  }

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    this.timer.unref();
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Puts work in progress on the floor, so a demo does not open on an empty room. */
  warmUp(): void {
    const now = this.model.now();
    for (const agentId of this.agentIds) {
      const status = this.model.status(agentId);
      if (!status || status.kind === 'LoggedOut') continue;
      if (status.kind === 'Ready' && this.prng.chance(0.55)) {
        const startedAt = now - this.prng.int(5, 60) * 1000;
        const call = this.model.offerCall(agentId, { startedAt });
        if (call.ok) this.model.establishCall(call.value.id, { startedAt: startedAt + 2000 });
      }
      if (status.kind === 'NotReady') continue;
      const chats = this.prng.int(0, 2);
      for (let i = 0; i < chats; i++)
        this.model.startText(agentId, 'chat', { startedAt: now - this.prng.int(10, 180) * 1000 });
      const sms = this.prng.int(0, 1);
      for (let i = 0; i < sms; i++)
        this.model.startText(agentId, 'sms', { startedAt: now - this.prng.int(10, 240) * 1000 });
    }
  }

  /** One floor second. */
  tick(): void {
    this.second += 1;
    this.changesThisSecond = 0;
    this.advanceInteractions();
    for (const agentId of this.agentIds) this.advanceAgent(agentId);
    for (const agentId of this.agentIds) this.maybeOfferText(agentId);
    this.quietSeconds = this.changesThisSecond > 0 ? 0 : this.quietSeconds + 1;
    if (this.quietSeconds >= longestQuietSeconds) this.breakTheSilence();
  }

  private breakTheSilence(): void {
    const kind = this.prng.chance(0.5) ? 'chat' : 'sms';
    const eligible = this.agentIds.filter((agentId) => {
      const status = this.model.status(agentId);
      return (
        status &&
        status.kind !== 'LoggedOut' &&
        status.kind !== 'NotReady' &&
        this.model.interactionsOf(agentId, kind).length < maxTextInteractions
      );
    });
    if (eligible.length === 0) return;
    const started = this.model.startText(this.prng.pick(eligible), kind);
    if (started.ok) this.planInteraction(started.value);
    this.quietSeconds = 0;
  }

  private advanceInteractions(): void {
    const liveKeys = new Set<string>();
    for (const item of this.model.interactions()) {
      const key = planKey(item);
      liveKeys.add(key);
      const dueAt = this.interactionDue.get(key) ?? this.planInteraction(item);
      if (this.second < dueAt || (item.kind !== 'call' && this.scriptedTexts)) continue;
      if (item.kind === 'call' && item.state === 'Ringing') {
        const established = this.model.establishCall(item.id);
        if (established.ok) {
          liveKeys.add(planKey(established.value));
          this.planInteraction(established.value);
        }
      } else {
        this.endInteraction(item);
      }
    }
    for (const key of this.interactionDue.keys()) if (!liveKeys.has(key)) this.interactionDue.delete(key);
  }

  /** Decides when an interaction moves on, counting from this second. */
  private planInteraction(item: Interaction): number {
    const dueAt = this.second + this.draw(durationFor(item));
    this.interactionDue.set(planKey(item), dueAt);
    return dueAt;
  }

  private endInteraction(item: Interaction): void {
    this.model.endInteraction(item.id);
    if (item.kind === 'call' && this.model.status(item.agentId)?.kind === 'Ready') {
      this.model.setState(item.agentId, 'AfterCallWork');
    }
  }

  private advanceAgent(agentId: string): void {
    const plan = this.currentPlan(agentId);
    if (!plan || plan.action === 'none' || this.second < plan.dueAt) return;
    switch (plan.action) {
      case 'login':
        if (this.prng.chance(0.7)) this.model.setState(agentId, 'Ready');
        else this.model.setState(agentId, 'NotReady', this.prng.pick(notReadyReasons));
        break;
      case 'ready':
        this.model.setState(agentId, 'Ready');
        break;
      case 'offerCall': {
        const call = this.model.offerCall(agentId);
        if (call.ok) this.planInteraction(call.value);
        break;
      }
      case 'notReady':
        this.model.setState(agentId, 'NotReady', this.prng.pick(notReadyReasons));
        break;
      case 'logout':
        this.model.setState(agentId, 'LoggedOut');
        break;
    }
    this.currentPlan(agentId);
  }

  /** The agent's plan, made afresh whenever the agent's situation changed since it was made. */
  private currentPlan(agentId: string): AgentPlan | undefined {
    const status = this.model.status(agentId);
    if (!status) return undefined;
    const call = this.model.callOf(agentId);
    const watched = this.isWatched(agentId);
    const signature = `${signatureOf(status, call)}|${watched ? 'watched' : ''}`;
    let plan = this.agentPlans.get(agentId);
    if (!plan || plan.signature !== signature) {
      plan = this.planFor(status, call, signature, watched);
      this.agentPlans.set(agentId, plan);
    }
    return plan;
  }

  private planFor(
    status: AgentStatus,
    call: CallInteraction | undefined,
    signature: string,
    watched: boolean,
  ): AgentPlan {
    const after = (range: readonly [number, number], action: AgentAction): AgentPlan => ({
      signature,
      dueAt: this.second + this.draw(range),
      action,
    });
    switch (status.kind) {
      case 'LoggedOut':
        return after(floorTimings.loggedOut, 'login');
      case 'NotReady':
        return after(floorTimings.notReady, 'ready');
      case 'AfterCallWork':
        return after(watched ? floorTimings.watchedAfterCallWork : floorTimings.afterCallWork, 'ready');
      case 'Ready': {
        if (call) return { signature, dueAt: Number.POSITIVE_INFINITY, action: 'none' };
        if (watched) return after(floorTimings.watchedIdleBeforeCall, 'offerCall');
        const roll = this.prng.next();
        if (roll < 0.85) return after(floorTimings.idleBeforeCall, 'offerCall');
        if (roll < 0.97) return after(floorTimings.idleBeforeBreak, 'notReady');
        return after(floorTimings.idleBeforeLogout, 'logout');
      }
    }
  }

  private maybeOfferText(agentId: string): void {
    const status = this.model.status(agentId);
    if (!status || status.kind === 'LoggedOut' || status.kind === 'NotReady') return;
    for (const [kind, perSecond] of [
      ['chat', chatArrivalPerSecond],
      ['sms', smsArrivalPerSecond],
    ] as const) {
      if (this.model.interactionsOf(agentId, kind).length >= maxTextInteractions || !this.prng.chance(perSecond))
        continue;
      const started = this.model.startText(agentId, kind);
      if (started.ok) this.planInteraction(started.value);
    }
  }

  private draw(range: readonly [number, number]): number {
    return this.prng.int(range[0], range[1]);
  }
}

function signatureOf(status: AgentStatus, call: CallInteraction | undefined): string {
  return `${status.kind}|${status.reason ?? ''}|${status.since}|${call ? 'call' : ''}`;
}

function planKey(item: Interaction): string {
  return item.kind === 'call' ? `${item.id}:${item.state}` : item.id;
}

function durationFor(item: Interaction): readonly [number, number] {
  if (item.kind === 'call') return item.state === 'Ringing' ? floorTimings.ringing : floorTimings.call;
  return item.kind === 'chat' ? floorTimings.chat : floorTimings.sms;
}

import { fail, succeed, type Outcome } from '../result';
import type { Customer, InteractionIds } from './interaction-ids';

export type AgentStateKind = 'Ready' | 'NotReady' | 'AfterCallWork' | 'LoggedOut';

export const notReadyReasons = ['Break', 'Lunch', 'Training', 'Meeting', 'Coaching'] as const;

export interface AgentStatus {
  readonly kind: AgentStateKind;
  /** Only a NotReady state carries a reason. */
  readonly reason: string | null;
  /** Epoch ms when this state began. */
  readonly since: number;
}

export type InteractionKind = 'call' | 'chat' | 'sms';

interface InteractionBase {
  readonly id: string;
  readonly agentId: string;
  /** Epoch ms when the interaction reached the agent. */
  readonly startedAt: number;
  readonly customer: Customer;
}

export interface CallInteraction extends InteractionBase {
  readonly kind: 'call';
  /** The id is the CallUUID; the ConnID is what T-Server would show next to it. */
  readonly connId: string;
  readonly state: 'Ringing' | 'Established';
  readonly establishedAt: number | null;
}

export interface TextInteraction extends InteractionBase {
  readonly kind: 'chat' | 'sms';
  readonly agentParticipantId: string;
  readonly customerParticipantId: string;
}

export type Interaction = CallInteraction | TextInteraction;

export type FloorEvent =
  | {
      readonly type: 'stateChanged';
      readonly userId: string;
      readonly status: AgentStatus;
      readonly previous: AgentStatus;
    }
  | { readonly type: 'interactionStarted'; readonly interaction: Interaction }
  | { readonly type: 'callEstablished'; readonly interaction: CallInteraction }
  /** The customer call moved to another agent (a single-step transfer); same call, new agentId. */
  | { readonly type: 'callTransferred'; readonly interaction: CallInteraction; readonly fromAgentId: string }
  /** A chat or SMS now belongs to another agent (a transfer, or its agent left a conference); same id. */
  | { readonly type: 'textTransferred'; readonly interaction: TextInteraction; readonly fromAgentId: string }
  | { readonly type: 'interactionEnded'; readonly interaction: Interaction; readonly endedAt: number };

export type FloorListener = (event: FloorEvent) => void;

export interface InitialState {
  readonly kind: AgentStateKind;
  readonly reason?: string;
}

export interface FloorModelOptions {
  readonly userIds: readonly string[];
  readonly initial: ReadonlyMap<string, InitialState>;
  readonly ids: InteractionIds;
  readonly now: () => number;
  /** Hears a listener's exception, which must not leave the floor half-updated. */
  readonly reportError?: (error: unknown) => void;
}

export interface StartOptions {
  /** Backdates the interaction (the live floor starts with work already in progress). */
  readonly startedAt?: number;
}

export interface TextOptions extends StartOptions {
  /** The customer's name instead of a drawn one. */
  readonly customerName?: string;
  /** A chat or SMS that was placed back in a queue reaches an agent again: same id, same customer. */
  readonly resume?: Pick<TextInteraction, 'id' | 'customer' | 'customerParticipantId'>;
}

export interface OfferOptions extends StartOptions {
  /** The caller's number instead of a drawn one (the name is still drawn). */
  readonly customerNumber?: string;
}

/**
 * What every user of the contact center is doing: agent state and live interactions. It is the
 * single source of truth that the GWS resources render and that notifications report; listeners
 * hear every change in the order it happened. Supervision (voice monitoring, chat transcripts)
 * hangs off these events and the interaction ids.
 */
export class FloorModel {
  private readonly statuses = new Map<string, AgentStatus>();
  private readonly live = new Map<string, Interaction>();
  /** Live interaction ids by agent: a floor of 2,000 agents asks "what is this agent doing" all the time. */
  private readonly byAgent = new Map<string, Set<string>>();
  /** Where each live interaction stands in `live`, so an agent's list keeps the floor's order. */
  private readonly order = new Map<string, number>();
  private nextOrder = 0;
  private readonly listeners = new Set<FloorListener>();
  private readonly ids: InteractionIds;
  private readonly reportError: (error: unknown) => void;
  readonly now: () => number;

  constructor(options: FloorModelOptions) {
    this.ids = options.ids;
    this.now = options.now;
    this.reportError = options.reportError ?? (() => undefined);
    const since = options.now();
    for (const userId of options.userIds) {
      const initial = options.initial.get(userId) ?? { kind: 'LoggedOut' };
      this.statuses.set(userId, { kind: initial.kind, reason: reasonFor(initial.kind, initial.reason), since });
    }
  }

  subscribe(listener: FloorListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(userId: string): AgentStatus | undefined {
    return this.statuses.get(userId);
  }

  interactions(): readonly Interaction[] {
    return [...this.live.values()];
  }

  interaction(id: string): Interaction | undefined {
    return this.live.get(id);
  }

  interactionsOf(userId: string, kind?: InteractionKind): readonly Interaction[] {
    const ids = this.byAgent.get(userId);
    if (ids === undefined || ids.size === 0) return [];
    const items: Interaction[] = [];
    for (const id of ids) {
      const item = this.live.get(id);
      if (item && (kind === undefined || item.kind === kind)) items.push(item);
    }
    return items.length > 1 ? items.sort((a, b) => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0)) : items;
  }

  callOf(userId: string): CallInteraction | undefined {
    return this.interactionsOf(userId, 'call')[0] as CallInteraction | undefined;
  }

  setState(userId: string, kind: AgentStateKind, reason?: string | null): Outcome<AgentStatus> {
    const previous = this.statuses.get(userId);
    if (!previous) return fail(`unknown user ${userId}`);
    const nextReason = reasonFor(kind, reason ?? undefined);
    if (previous.kind === kind && previous.reason === nextReason) return succeed(previous);
    if (kind === 'LoggedOut') {
      for (const item of this.interactionsOf(userId)) this.endInteraction(item.id);
    }
    const status: AgentStatus = { kind, reason: nextReason, since: this.now() };
    this.statuses.set(userId, status);
    this.emit({ type: 'stateChanged', userId, status, previous });
    return succeed(status);
  }

  /** A customer call starts ringing at the agent's device. */
  offerCall(agentId: string, options: OfferOptions = {}): Outcome<CallInteraction> {
    const refusal = this.refuseWork(agentId);
    if (refusal) return fail(refusal);
    if (this.callOf(agentId)) return fail('the agent is already on a call');
    const id = this.ids.callUuid();
    const connId = this.ids.connId();
    const customer = this.ids.customer();
    const call: CallInteraction = {
      kind: 'call',
      id,
      connId,
      agentId,
      startedAt: options.startedAt ?? this.now(),
      customer: options.customerNumber ? { ...customer, phoneNumber: options.customerNumber } : customer,
      state: 'Ringing',
      establishedAt: null,
    };
    this.track(call);
    this.emit({ type: 'interactionStarted', interaction: call });
    return succeed(call);
  }

  establishCall(callId: string, options: StartOptions = {}): Outcome<CallInteraction> {
    const call = this.live.get(callId);
    if (!call || call.kind !== 'call') return fail(`no call ${callId}`);
    if (call.state !== 'Ringing') return fail('the call is already established');
    const established: CallInteraction = {
      ...call,
      state: 'Established',
      establishedAt: options.startedAt ?? this.now(),
    };
    this.track(established);
    this.emit({ type: 'callEstablished', interaction: established });
    return succeed(established);
  }

  /**
   * A single-step transfer of an established call: the customer is now with `toAgentId`, the call
   * keeps its CallUUID. The first agent's wrap-up is the caller's business (the floor only moves work).
   */
  transferCall(callId: string, toAgentId: string): Outcome<CallInteraction> {
    const call = this.live.get(callId);
    if (!call || call.kind !== 'call') return fail(`no call ${callId}`);
    if (call.state !== 'Established') return fail('only an established call can be transferred');
    if (call.agentId === toAgentId) return fail('the call is already with that agent');
    const refusal = this.refuseWork(toAgentId);
    if (refusal) return fail(refusal);
    if (this.callOf(toAgentId)) return fail('the agent is already on a call');
    const transferred: CallInteraction = { ...call, agentId: toAgentId };
    this.track(transferred, call.agentId);
    this.emit({ type: 'callTransferred', interaction: transferred, fromAgentId: call.agentId });
    return succeed(transferred);
  }

  startText(agentId: string, kind: 'chat' | 'sms', options: TextOptions = {}): Outcome<TextInteraction> {
    const refusal = this.refuseWork(agentId);
    if (refusal) return fail(refusal);
    const { resume } = options;
    if (resume && this.live.has(resume.id)) return fail(`interaction ${resume.id} is already with an agent`);
    // The draws keep their order, so a seed replays the same ids whatever the options.
    const id = resume?.id ?? this.ids.interactionId();
    const customer = resume?.customer ?? this.ids.customer();
    const agentParticipantId = this.ids.participantId();
    const item: TextInteraction = {
      kind,
      id,
      agentId,
      startedAt: options.startedAt ?? this.now(),
      customer: options.customerName ? { ...customer, name: options.customerName } : customer,
      agentParticipantId,
      customerParticipantId: resume?.customerParticipantId ?? this.ids.participantId(),
    };
    this.track(item);
    this.emit({ type: 'interactionStarted', interaction: item });
    return succeed(item);
  }

  /** Hands a live chat or SMS to another agent, whose participant id in it is `agentParticipantId`. */
  transferText(id: string, toAgentId: string, agentParticipantId: string): Outcome<TextInteraction> {
    const item = this.live.get(id);
    if (!item || item.kind === 'call') return fail(`no chat or SMS session ${id}`);
    if (item.agentId === toAgentId) return fail('the interaction is already with that agent');
    const refusal = this.refuseWork(toAgentId);
    if (refusal) return fail(refusal);
    const transferred: TextInteraction = { ...item, agentId: toAgentId, agentParticipantId };
    this.track(transferred, item.agentId);
    this.emit({ type: 'textTransferred', interaction: transferred, fromAgentId: item.agentId });
    return succeed(transferred);
  }

  endInteraction(id: string): Outcome<Interaction> {
    const item = this.live.get(id);
    if (!item) return fail(`no interaction ${id}`);
    this.untrack(item);
    this.emit({ type: 'interactionEnded', interaction: item, endedAt: this.now() });
    return succeed(item);
  }

  /** Records an interaction, new or changed; `fromAgentId` is the agent it was with before a transfer. */
  private track(item: Interaction, fromAgentId?: string): void {
    if (!this.order.has(item.id)) this.order.set(item.id, this.nextOrder++);
    this.live.set(item.id, item);
    if (fromAgentId !== undefined && fromAgentId !== item.agentId) this.byAgent.get(fromAgentId)?.delete(item.id);
    let ids = this.byAgent.get(item.agentId);
    if (ids === undefined) {
      ids = new Set();
      this.byAgent.set(item.agentId, ids);
    }
    ids.add(item.id);
  }

  private untrack(item: Interaction): void {
    this.live.delete(item.id);
    this.order.delete(item.id);
    this.byAgent.get(item.agentId)?.delete(item.id);
  }

  private refuseWork(agentId: string): string | null {
    const status = this.statuses.get(agentId);
    if (!status) return `unknown user ${agentId}`;
    if (status.kind === 'LoggedOut') return 'the agent is logged out';
    return null;
  }

  private emit(event: FloorEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.reportError(error);
      }
    }
  }
}

function reasonFor(kind: AgentStateKind, reason: string | undefined): string | null {
  return kind === 'NotReady' && reason ? reason : null;
}

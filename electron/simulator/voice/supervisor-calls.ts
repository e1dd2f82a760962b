import type { Directory } from '../directory/directory';
import { isSupervisor } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { CallInteraction, FloorEvent, FloorModel } from '../floor/floor-model';
import type { Customer, InteractionIds } from '../floor/interaction-ids';
import type { VoiceMonitoringState, VoiceSubscription, VoiceSupervision } from './voice-supervision';
import type { MonitoringCall, MonitoringCallTimings, PhoneReoffer, PlaceCallOptions, RtpCount } from '../sip/index';
import {
  joinsCallInProgress,
  modeAfter,
  refusalOf,
  type SupervisorCallState,
  type SupervisorCallView,
  type SupervisorOperation,
} from './monitoring-rules';

/** The SIP side the B2BUA needs: whether a DN has a phone, and a call placed to it. */
export interface SupervisorPhones {
  isRegistered(user: string): boolean;
  placeMonitoringCall(options: PlaceCallOptions): Promise<MonitoringCall>;
}

export type SupervisorCallNotification = 'StatusChange' | 'ParticipantsUpdated' | 'MonitoredUserMutedStateChange';

/** The supervisor's leg of a monitored customer call, as GWS shows it on the supervisor's /v2/me/calls. */
export interface SupervisorCall {
  /** A CallUUID of its own; also sent to the phone as X-Genesys-CallUUID. */
  readonly id: string;
  readonly connId: string;
  readonly supervisorId: string;
  readonly monitoredCallId: string;
  /** The agent who has the customer now (changes when a Call-scope subscription follows a transfer). */
  readonly agentId: string;
  readonly customer: Customer;
  readonly subscription: VoiceSubscription;
  readonly mode: VoiceMonitoringState;
  readonly state: SupervisorCallState;
  readonly monitoredUserMuted: boolean;
  readonly createdAt: number;
  readonly establishedAt: number | null;
  readonly monitoredEstablishedAt: number;
  readonly releaseReason: string | null;
  /** The SIP leg once the phone answered. */
  readonly sip: MonitoringCall | null;
}

type MutableSupervisorCall = { -readonly [K in keyof SupervisorCall]: SupervisorCall[K] } & {
  abort: AbortController | null;
  /** GWS was asked to hang up and the leg's BYE is on its way: its end is that hang-up. */
  hangingUp: boolean;
};

export type SupervisorCallListener = (call: SupervisorCall, notification: SupervisorCallNotification) => void;

export interface SupervisorCallsOptions {
  readonly directory: Directory;
  readonly floor: FloorModel;
  readonly supervision: VoiceSupervision;
  /** The registrar/B2BUA; null until it runs (or when it is gone). */
  readonly phones: () => SupervisorPhones | null;
  readonly ids: InteractionIds;
  readonly log: (line: string) => void;
  /** SIP Server's `intrusion-enabled` at start; default on, as GWS documents BargeIn. */
  readonly intrusionEnabled?: boolean;
}

/** Released calls kept for the control API's report. */
const releasedHistoryLimit = 100;

const zeroRtp = (): Record<VoiceMonitoringState, RtpCount> => ({
  ListenIn: { packets: 0, packetsWithEnergy: 0, firstAt: null, lastAt: null },
  Coach: { packets: 0, packetsWithEnergy: 0, firstAt: null, lastAt: null },
  BargeIn: { packets: 0, packetsWithEnergy: 0, firstAt: null, lastAt: null },
});

/**
 * SIP Server's side of voice supervision (gws-api.md §4.4, §4.8, §9): when a watched agent's
 * customer call is established, the supervisor gets a new call and the B2BUA INVITEs the
 * supervisor's registered phone; the call follows transfers by scope, ends with the customer call,
 * and switches mode by the GWS rules. A supervisor has at most one monitoring call at a time [INF].
 */
export class SupervisorCalls {
  private readonly calls: MutableSupervisorCall[] = [];
  private readonly listeners = new Set<SupervisorCallListener>();
  /** Customer calls that existed when each subscription was made: a SIP Cluster never intrudes on them. */
  private readonly queuedAtSubscription = new WeakMap<VoiceSubscription, ReadonlySet<string>>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly unsubscribers: Array<() => void> = [];
  private clusterMode = false;
  private intrusion: boolean;
  private closed = false;

  constructor(private readonly options: SupervisorCallsOptions) {
    this.intrusion = options.intrusionEnabled ?? true;
  }

  /**
   * Starts following the floor and the subscriptions. Called after GWS's own listeners are in place,
   * so the agent's call events and the device confirmation go out before the supervisor's call.
   */
  start(): void {
    if (this.unsubscribers.length > 0 || this.closed) return;
    const { floor, supervision } = this.options;
    this.unsubscribers.push(
      floor.subscribe((event) => this.onFloorEvent(event)),
      supervision.onChange((_supervisorId, subscription) => {
        if (subscription) this.onSubscribed(subscription);
      }),
    );
  }

  /** SIP Cluster with routing-point monitoring (seed 004): Call scope only, no Coach, no intrusion. */
  private delayedOffers = false;

  get sipCluster(): boolean {
    return this.clusterMode;
  }

  setSipCluster(enabled: boolean): void {
    this.clusterMode = enabled;
    this.options.log(`voice: SIP Cluster mode ${enabled ? 'on' : 'off'}`);
  }

  /**
   * SIP Server's `intrusion-enabled` (gws-api.md §4.2, §4.8): on, a BargeIn subscription joins the
   * agent's call in progress at once; off, it waits for the next call as ListenIn and Coach always do.
   */
  get intrusionEnabled(): boolean {
    return this.intrusion;
  }

  setIntrusionEnabled(enabled: boolean): void {
    this.intrusion = enabled;
    this.options.log(`voice: intrusion-enabled ${enabled ? 'on' : 'off'}`);
  }

  /** On: monitoring INVITEs carry no SDP (delayed offer), as Genesys SIP Server commonly sends them. */
  get delayedOffer(): boolean {
    return this.delayedOffers;
  }

  setDelayedOffer(enabled: boolean): void {
    this.delayedOffers = enabled;
    this.options.log(`voice: delayed-offer INVITEs ${enabled ? 'on' : 'off'}`);
  }

  onChange(listener: SupervisorCallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every call still known, released ones last-in included (bounded). */
  all(): readonly SupervisorCall[] {
    return [...this.calls];
  }

  /** The supervisor's calls that are not released yet. */
  liveCallsOf(supervisorId: string): readonly SupervisorCall[] {
    return this.calls.filter((call) => call.supervisorId === supervisorId && call.state !== 'Released');
  }

  view(call: SupervisorCall): SupervisorCallView {
    return {
      state: call.state,
      mode: call.mode,
      monitoredUserMuted: call.monitoredUserMuted,
      sipCluster: this.clusterMode,
    };
  }

  /** What the supervisor's phone sent, per mode; zeros until the phone answered. */
  rtpFromSupervisor(call: SupervisorCall): Record<VoiceMonitoringState, RtpCount> {
    return call.sip?.rtpFromSupervisor() ?? zeroRtp();
  }

  /** The re-INVITEs the supervisor's phone sent on the call (an ICE restart after a network change). */
  reoffersFromPhone(call: SupervisorCall): readonly PhoneReoffer[] {
    return call.sip?.reoffersFromPhone() ?? [];
  }

  timings(call: SupervisorCall): Partial<MonitoringCallTimings> {
    return call.sip?.timings ?? {};
  }

  /** Carries out a supervisor's operation on one of their calls; returns why it is refused, or null. */
  operate(supervisorId: string, callId: string, operation: SupervisorOperation): string | null {
    const call = this.calls.find(
      (item) => item.id === callId && item.supervisorId === supervisorId && item.state !== 'Released',
    );
    if (!call) return `Call ${callId} is not one of this supervisor's live calls`;
    const refusal = refusalOf(this.view(call), operation);
    if (refusal) return refusal;
    const target = modeAfter(operation);
    if (target) {
      call.mode = target;
      call.sip?.setMode(target);
      this.options.log(`voice: ${callId} switched to ${target}`);
      this.emit(call, 'StatusChange');
      return null;
    }
    switch (operation) {
      case 'Answer':
        // The phone's SIP answer is what connects the call; a CTI Answer only agrees with it.
        return null;
      case 'Hangup':
        this.hangUpLikeSipServer(call);
        return null;
      case 'MuteMonitoredUser':
      case 'UnmuteMonitoredUser':
        call.monitoredUserMuted = operation === 'MuteMonitoredUser';
        this.emit(call, 'MonitoredUserMutedStateChange');
        return null;
      default:
        return `Unsupported operation ${operation}`;
    }
  }

  /** Releases every call (BYE or CANCEL on the SIP side) and stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    for (const call of this.calls) this.release(call, 'the demo contact center stopped');
    await Promise.allSettled([...this.pending]);
  }

  private onFloorEvent(event: FloorEvent): void {
    switch (event.type) {
      case 'callEstablished':
        this.deliverToWatcher(event.interaction);
        return;
      case 'callTransferred':
        this.followTransfer(event.interaction, event.fromAgentId);
        return;
      case 'interactionEnded':
        if (event.interaction.kind !== 'call') return;
        for (const call of this.liveOn(event.interaction.id)) this.release(call, 'the monitored call ended');
        return;
      case 'stateChanged': {
        if (event.status.kind !== 'LoggedOut') return;
        for (const call of this.liveCallsOf(event.userId))
          this.release(call as MutableSupervisorCall, 'the supervisor logged out');
        return;
      }
      case 'interactionStarted':
        return;
    }
  }

  private onSubscribed(subscription: VoiceSubscription): void {
    const existing = this.options.floor.interactionsOf(subscription.targetUserId, 'call').map((item) => item.id);
    this.queuedAtSubscription.set(subscription, new Set(existing));
    const call = this.options.floor.callOf(subscription.targetUserId);
    if (call?.state !== 'Established') return;
    if (joinsCallInProgress(subscription.state, { intrusionEnabled: this.intrusion, sipCluster: this.clusterMode })) {
      this.deliver(subscription, call);
    } else {
      this.options.log(`voice: ${subscription.state} waits for the call after ${call.id}`);
    }
  }

  private deliverToWatcher(customerCall: CallInteraction): void {
    const subscription = this.options.supervision.watching(customerCall.agentId);
    if (subscription) this.deliver(subscription, customerCall);
  }

  private followTransfer(customerCall: CallInteraction, fromAgentId: string): void {
    for (const call of this.liveOn(customerCall.id)) {
      // The call is the new agent's now, so its release names them (as its dnis), as a call's
      // notifications always name whom the call is with.
      call.agentId = customerCall.agentId;
      if (call.subscription.scope === 'Agent') {
        this.release(call, 'the call was transferred away from the monitored agent (Agent scope)');
        continue;
      }
      this.options.log(
        `voice: ${call.id} follows the call from ${fromAgentId} to ${customerCall.agentId} (Call scope)`,
      );
      this.emit(call, 'ParticipantsUpdated');
    }
    this.deliverToWatcher(customerCall);
  }

  private liveOn(customerCallId: string): MutableSupervisorCall[] {
    return this.calls.filter((call) => call.monitoredCallId === customerCallId && call.state !== 'Released');
  }

  private deliver(subscription: VoiceSubscription, customerCall: CallInteraction): void {
    if (this.closed) return;
    const { directory, floor, log } = this.options;
    const supervisor = directory.byId(subscription.supervisorId);
    const agent = directory.byId(customerCall.agentId);
    if (!supervisor || !agent || !isSupervisor(supervisor)) return;
    if (floor.status(supervisor.id)?.kind === 'LoggedOut') return;
    if (this.clusterMode && this.queuedAtSubscription.get(subscription)?.has(customerCall.id)) {
      log(
        `voice: ${customerCall.id} was already queued when ${supervisor.userName} subscribed; a SIP Cluster does not intrude`,
      );
      return;
    }
    if (this.liveCallsOf(supervisor.id).length > 0) {
      log(`voice: ${supervisor.userName} is already on a monitoring call; ${customerCall.id} is not delivered`);
      return;
    }
    const call: MutableSupervisorCall = {
      id: this.options.ids.callUuid(),
      connId: this.options.ids.connId(),
      supervisorId: supervisor.id,
      monitoredCallId: customerCall.id,
      agentId: agent.id,
      customer: customerCall.customer,
      subscription,
      mode: subscription.state,
      state: 'Ringing',
      monitoredUserMuted: false,
      createdAt: floor.now(),
      establishedAt: null,
      monitoredEstablishedAt: customerCall.establishedAt ?? floor.now(),
      releaseReason: null,
      sip: null,
      abort: null,
      hangingUp: false,
    };
    this.calls.push(call);
    this.trimHistory();
    log(`voice: ${supervisor.userName} gets ${call.id} (${call.mode}) on ${agent.userName}'s call ${customerCall.id}`);
    this.emit(call, 'StatusChange');
    this.placeLeg(call, supervisor, agent);
  }

  private placeLeg(call: MutableSupervisorCall, supervisor: DirectoryUser, agent: DirectoryUser): void {
    const phones = this.options.phones();
    const dn = supervisor.device.phoneNumber;
    if (!phones || !phones.isRegistered(dn)) {
      this.release(call, `${dn} has no registered phone`);
      return;
    }
    const abort = new AbortController();
    call.abort = abort;
    const placing = phones
      .placeMonitoringCall({
        toUser: dn,
        callUuid: call.id,
        fromDisplayName: `${agent.firstName} ${agent.lastName} (${agent.device.phoneNumber}) with ${call.customer.phoneNumber}`,
        fromUser: agent.device.phoneNumber,
        autoAnswer: true,
        mode: call.mode,
        signal: abort.signal,
        delayedOffer: this.delayedOffers,
      })
      .then(
        (leg) => {
          call.sip = leg;
          if (call.state === 'Released') {
            this.track(leg.hangUp());
            return;
          }
          leg.setMode(call.mode);
          leg.onEnded((reason) =>
            this.release(
              call,
              call.hangingUp ? 'the supervisor hung up' : `the supervisor's phone left the call (${reason})`,
            ),
          );
          call.state = 'Established';
          call.establishedAt = this.options.floor.now();
          this.emit(call, 'StatusChange');
        },
        (error: unknown) => this.release(call, error instanceof Error ? error.message : String(error)),
      );
    this.track(placing);
  }

  /**
   * SIP Server's order for a supervisor's Hangup: the supervisor's leg gets its BYE first and the party
   * is released (the Released notification) once the phone has answered it, so a client sees its leg end
   * before GWS confirms, and a second end from either side finds the call gone.
   */
  private hangUpLikeSipServer(call: MutableSupervisorCall): void {
    const leg = call.sip;
    if (!leg || call.hangingUp) return this.release(call, 'the supervisor hung up');
    call.hangingUp = true;
    this.track(leg.hangUp().finally(() => this.release(call, 'the supervisor hung up')));
  }

  private release(call: MutableSupervisorCall, reason: string): void {
    if (call.state === 'Released') return;
    call.state = 'Released';
    call.releaseReason = reason;
    call.abort?.abort();
    if (call.sip) this.track(call.sip.hangUp());
    this.options.log(`voice: ${call.id} released: ${reason}`);
    this.emit(call, 'StatusChange');
    const { supervision } = this.options;
    // NextCall is one call: once it is over the subscription ends by itself (gws-api.md §4.3 [INF]).
    if (call.subscription.mode === 'NextCall' && supervision.of(call.supervisorId) === call.subscription) {
      supervision.cancel(call.supervisorId);
    }
  }

  /**
   * Offers the supervisor's phone this call a second time, as a misbehaving B2BUA or a failover
   * might: on a dialog of its own, with the same Call-ID or a new one. Resolves with the phone's
   * final answer; a phone that keeps one leg per call refuses it.
   */
  async offerAgain(callId: string, sameCallId: boolean): Promise<{ readonly status: number }> {
    const call = this.calls.find((item) => item.id === callId && item.state !== 'Released');
    const phones = this.options.phones();
    const supervisor = call ? this.options.directory.byId(call.supervisorId) : undefined;
    const agent = call ? this.options.directory.byId(call.agentId) : undefined;
    if (!call || !phones || !supervisor || !agent) return { status: 481 };
    try {
      const leg = await phones.placeMonitoringCall({
        toUser: supervisor.device.phoneNumber,
        callUuid: call.id,
        fromDisplayName: `${agent.firstName} ${agent.lastName} (${agent.device.phoneNumber}) again`,
        fromUser: agent.device.phoneNumber,
        autoAnswer: true,
        mode: call.mode,
        ...(sameCallId && call.sip ? { callId: call.sip.callId } : {}),
      });
      this.options.log(`voice: the phone answered a second INVITE for ${call.id}`);
      this.track(leg.hangUp());
      return { status: 200 };
    } catch (error) {
      return { status: error instanceof Error && 'status' in error ? Number(error.status) : 500 };
    }
  }

  /** The contact center renegotiates the supervisor's leg offering two-way audio. */
  async reInvite(callId: string): Promise<{ readonly status: number; readonly answerDirection: string | null }> {
    const call = this.calls.find((item) => item.id === callId && item.state !== 'Released');
    if (!call?.sip) return { status: 481, answerDirection: null };
    return call.sip.reInvite();
  }

  private trimHistory(): void {
    while (this.calls.length > releasedHistoryLimit) {
      const index = this.calls.findIndex((call) => call.state === 'Released');
      if (index < 0) return;
      this.calls.splice(index, 1);
    }
  }

  private track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      (error: unknown) => this.options.log(`voice: SIP work failed: ${String(error)}`),
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
  }

  private emit(call: SupervisorCall, notification: SupervisorCallNotification): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(call, notification);
      } catch (error) {
        this.options.log(
          `voice: call listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  }
}

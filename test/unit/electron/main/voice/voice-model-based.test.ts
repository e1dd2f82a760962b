/**
 * Model-based search for a way to be heard while the screen says nobody can hear: random sequences
 * of supervisor commands and keys, GWS notifications and answers (in any order the network allows),
 * server-side changes, SIP events, media host outcomes, crashes and timers, run through the real
 * voice core against a simulated GWS, SIP network and media host. After every step the invariants of
 * issue 8 are checked against what is really happening (which legs capture and send). A failing
 * sequence is shrunk by fast-check and printed with its seed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { MediaCommand, MediaCommandName } from '../../../../../electron/common/contract/media-host-contract';
import {
  louderAudience,
  type Audience,
  type MonitoredCall,
  type VoiceMode,
} from '../../../../../electron/common/models/voice';
import { callAudience, modeAudience, type GwsCallOperation } from '../../../../../electron/main/voice/call-machine';
import {
  initialVoiceCore,
  step,
  type VoiceCore,
  type VoiceCoreEvent,
  type VoiceEffect,
} from '../../../../../electron/main/voice/voice-core';
import { renderVoice, type VoiceView } from '../../../../../electron/main/voice/voice-view';
import { trayState } from '../../../../../electron/main/state/tray-state';
import { initialAppState } from '../../../../../electron/main/state/app-state-reducers';
import { assertNever } from '../../../../../electron/common/result';
import { keyTargetCall } from '../../../../../electron/common/models/voice-targets';
import {
  focusKinds,
  goesLive,
  shortcutAction,
  shortcutsActIn,
  type FocusKind,
} from '../../../../../renderer/ui/features/voice/shortcuts';
import { describeAudience, describeCallAudience } from '../../../../../renderer/ui/features/voice/voice-model';

// ——— the simulated world ———

interface ServerCall {
  readonly id: string;
  readonly callUuid: string;
  agentId: string;
  mode: VoiceMode;
  state: 'Ringing' | 'Established' | 'Released';
  agentMuted: boolean;
}

interface TruthLeg {
  readonly id: string;
  readonly sipCallId: string;
  /** The server call this leg carries; null for an ordinary call. */
  readonly callId: string | null;
  state: 'offered' | 'established' | 'ended';
  /** What the page really does with the microphone on this leg. */
  mic: 'none' | 'held' | 'sending';
  /** Which media host page holds it: a page that lost its link may hold calls main no longer sees. */
  readonly page: number;
}

/** As GWS offers them (gws-api.md §4.5): a mode never offers a switch to itself, and Coach cannot be re-entered. */
const capabilitiesIn: Readonly<Record<VoiceMode, readonly string[]>> = {
  ListenIn: ['SwitchToBargeIn', 'MuteMonitoredUser', 'UnmuteMonitoredUser', 'Hangup'],
  Coach: ['SwitchToListenIn', 'SwitchToBargeIn', 'Hangup'],
  BargeIn: ['SwitchToListenIn', 'MuteMonitoredUser', 'UnmuteMonitoredUser', 'Hangup'],
};
const agents = ['a1', 'a2'] as const;

class World {
  core: VoiceCore = initialVoiceCore({ status: 'running', reason: null, reopenable: false });
  now = 1_000;
  readonly serverCalls: ServerCall[] = [];
  subscriptionMode: VoiceMode | null = null;
  readonly legs = new Map<string, TruthLeg>();
  mediaConnected = true;
  /** The phone line as the SIP controller reports it: a drop, then a return, are line-lost and line-restored. */
  lineRegistered = true;
  /** The media host page now (or last) connected; each reconnection is a fresh (reloaded) page. */
  page = 0;
  /** Commands main sent that the media host has not carried out yet. */
  readonly mediaQueue: MediaCommand[] = [];
  /** What the media host reported that main has not read yet. */
  readonly mediaEvents: VoiceCoreEvent[] = [];
  /** CometD deliveries, in order. */
  readonly notifications: VoiceCoreEvent[] = [];
  /** GWS operations sent and not answered yet; HTTP answers may come in any order. */
  readonly gwsOps: Array<{ callId: string; operation: GwsCallOperation }> = [];
  readonly timers = new Set<string>();
  /** Legs main asked to end: until they have, they may belong to no card. */
  readonly hangUpAsked = new Set<string>();
  duplicatesRefused = 0;
  /** The widest audience the supervisor chose for each call (by a click, a key, the subscription, an answer). */
  readonly consent = new Map<string, Audience>();
  /** Calls the server made live without the supervisor: changed from outside, or delivered live unasked. */
  readonly liveUnasked = new Set<string>();
  private counter = 0;
  readonly log: string[] = [];

  fresh(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  dispatch(event: VoiceCoreEvent): boolean {
    this.now += 10;
    const known = new Set(this.core.calls.map((machine) => machine.id));
    // What the screen showed as the supervisor's choice when the call came: the subscription it showed.
    const shown = renderVoice(this.core).subscription;
    const shownChoice = shown && shown.status !== 'cancelling' ? shown.mode : 'ListenIn';
    const result = step(this.core, event, { now: this.now, inputDeviceId: null, initialVolume: 1 });
    this.core = result.core;
    for (const machine of this.core.calls) {
      if (known.has(machine.id)) continue;
      const chosen = machine.kind === 'ordinary' ? 'caller' : modeAudience(shownChoice);
      this.consent.set(machine.id, chosen);
      const heard = machine.server ? modeAudience(machine.server.mode) : 'nobody';
      if (louderAudience(heard, chosen) !== chosen) this.liveUnasked.add(machine.id);
    }
    for (const effect of result.effects) this.carryOut(effect);
    return result.refusal === null;
  }

  /** The supervisor's choice for a call, once main took the command. */
  choose(callId: string, audience: Audience): void {
    this.consent.set(callId, audience);
  }

  private carryOut(effect: VoiceEffect): void {
    switch (effect.type) {
      case 'media':
        if (effect.command.type === 'hangUp' || effect.command.type === 'decline') {
          this.hangUpAsked.add(effect.command.callId);
        }
        if (effect.command.type === 'decline' && effect.command.statusCode === 482) this.duplicatesRefused += 1;
        if (effect.command.type === 'attachMicrophone') this.checkAttachIsAllowed(effect.command.callId);
        if (!this.mediaConnected) {
          // The link answers every command sent while no page is there with a failure.
          if ('callId' in effect.command) {
            this.mediaEvents.push({
              type: 'leg-command-failed',
              legId: effect.command.callId,
              command: effect.command.type,
              reason: 'not running',
            });
          }
          return;
        }
        this.mediaQueue.push(effect.command);
        return;
      case 'gws':
        this.gwsOps.push({ callId: effect.callId, operation: effect.operation });
        return;
      case 'start-timer':
        this.timers.add(effect.key);
        return;
      case 'cancel-timer':
        this.timers.delete(effect.key);
        return;
      case 'audit':
      case 'log':
        return;
    }
  }

  /**
   * Main attaches the microphone on a monitoring call only where the server already is in a live
   * mode. (A monitoring INVITE nothing matched rings; answered, it is an ordinary call, two-way by
   * the supervisor's choice, and its card says the caller hears them.)
   */
  private checkAttachIsAllowed(legId: string): void {
    const leg = this.legs.get(legId);
    const card = this.core.calls.find((machine) => machine.leg?.id === legId);
    if (!leg || leg.callId === null || card?.kind !== 'monitoring') return;
    const call = this.serverCalls.find((candidate) => candidate.id === leg.callId);
    // Earshot can act only on what GWS has told it: a change still on its way is judged once it arrives.
    const changeOnItsWay = this.notifications.some(
      (event) => event.type === 'gws-call' && event.call.id === leg.callId,
    );
    assert.ok(
      call === undefined || call.mode !== 'ListenIn' || changeOnItsWay,
      `attach on ${legId} while the server has ${leg.callId} in ListenIn: the supervisor would be heard in silence`,
    );
  }

  // ——— GWS ———

  notify(call: ServerCall, monitoring: boolean | null = null): void {
    this.notifications.push({
      type: 'gws-call',
      call: {
        id: call.id,
        callUuid: call.callUuid,
        state: call.state,
        mute: call.mode === 'ListenIn',
        capabilities: call.state === 'Released' ? [] : capabilitiesIn[call.mode],
        agentMuted: call.agentMuted,
        monitoring,
        agent: { id: call.agentId, name: call.agentId.toUpperCase() },
        customerNumber: '+1555',
        startedAt: this.now,
      },
    });
  }

  liveServerCall(): ServerCall | undefined {
    return this.serverCalls.find((call) => call.state !== 'Released');
  }

  release(call: ServerCall): void {
    if (call.state === 'Released') return;
    call.state = 'Released';
    this.notify(call);
    for (const leg of this.legs.values()) {
      if (leg.callId === call.id && leg.state !== 'ended') this.endLeg(leg, 'The other side hung up.');
    }
  }

  answerGwsOp(index: number, outcome: 'ok' | 'refused' | 'timeout'): void {
    if (this.gwsOps.length === 0) return;
    const [op] = this.gwsOps.splice(index % this.gwsOps.length, 1);
    if (!op) return;
    const call = this.serverCalls.find((candidate) => candidate.id === op.callId);
    // A timeout may or may not have reached the server; the refusal never did.
    const carriedOut = outcome === 'ok' || (outcome === 'timeout' && index % 2 === 0);
    if (call && call.state !== 'Released' && carriedOut) {
      switch (op.operation) {
        case 'SwitchToBargeIn':
          if (call.state === 'Established') {
            call.mode = 'BargeIn';
            this.notify(call);
          }
          break;
        case 'SwitchToListenIn':
          if (call.state === 'Established') {
            call.mode = 'ListenIn';
            this.notify(call);
          }
          break;
        case 'MuteMonitoredUser':
        case 'UnmuteMonitoredUser':
          call.agentMuted = op.operation === 'MuteMonitoredUser';
          this.notify(call);
          break;
        case 'Hangup':
          this.release(call);
          break;
      }
    }
    const missing = !call || call.state === 'Released';
    this.dispatch({
      type: 'gws-result',
      callId: op.callId,
      operation: op.operation,
      error:
        outcome === 'ok' && !missing
          ? null
          : outcome === 'timeout'
            ? { code: 'timeout', message: 'GWS did not answer in time.' }
            : { code: 'gws-refused', message: missing ? 'Call not found' : 'Operation forbidden' },
    });
  }

  // ——— SIP and the media host ———

  offer(leg: TruthLeg, genesysCallUuid: string | null): void {
    this.legs.set(leg.id, leg);
    this.mediaEvents.push({
      type: 'leg-offered',
      leg: {
        id: leg.id,
        sipCallId: leg.sipCallId,
        genesysCallUuid,
        from: 'sip:5001@demo',
        displayName: null,
        at: this.now,
      },
    });
  }

  endLeg(leg: TruthLeg, reason: string | null): void {
    if (leg.state === 'ended') return;
    const hadMicrophone = leg.mic !== 'none';
    leg.state = 'ended';
    leg.mic = 'none';
    if (hadMicrophone)
      this.mediaEvents.push({ type: 'leg-microphone', legId: leg.id, report: 'released', error: null });
    this.mediaEvents.push({ type: 'leg-state', legId: leg.id, state: 'ended', reason });
    const call = this.serverCalls.find((candidate) => candidate.id === leg.callId);
    // The supervisor's phone leaving the monitoring call releases it at the server.
    if (call && call.state !== 'Released') {
      call.state = 'Released';
      this.notify(call);
    }
  }

  runMediaCommand(fail: boolean): void {
    const command = this.mediaQueue.shift();
    if (!command) return;
    // The page knows only its own calls.
    const known = 'callId' in command ? this.legs.get(command.callId) : undefined;
    const leg = known?.page === this.page ? known : undefined;
    const gone = (name: MediaCommandName) => {
      if ('callId' in command) {
        this.mediaEvents.push({
          type: 'leg-command-failed',
          legId: command.callId,
          command: name,
          reason: 'There is no call.',
        });
      }
    };
    switch (command.type) {
      case 'answer':
        if (!leg || leg.state !== 'offered') return gone('answer');
        leg.state = 'established';
        this.mediaEvents.push({ type: 'leg-state', legId: leg.id, state: 'answering', reason: null });
        this.mediaEvents.push({ type: 'leg-state', legId: leg.id, state: 'established', reason: null });
        {
          const call = this.serverCalls.find((candidate) => candidate.id === leg.callId);
          if (call && call.state === 'Ringing') {
            call.state = 'Established';
            this.notify(call);
          }
        }
        return;
      case 'decline':
        if (!leg || leg.state !== 'offered') return gone('decline');
        leg.state = 'ended';
        this.mediaEvents.push({ type: 'leg-state', legId: leg.id, state: 'ended', reason: 'Declined.' });
        return;
      case 'hangUp':
        if (!leg || leg.state === 'ended') return gone('hangUp');
        return this.endLeg(leg, null);
      case 'acquireMicrophone':
        if (!leg || leg.state === 'ended') return gone('acquireMicrophone');
        if (fail || leg.state !== 'established') {
          this.mediaEvents.push({
            type: 'leg-microphone',
            legId: leg.id,
            report: 'failed',
            error: 'Permission denied',
          });
          return;
        }
        leg.mic = leg.mic === 'sending' ? 'sending' : 'held';
        this.mediaEvents.push({ type: 'leg-microphone', legId: leg.id, report: 'acquired', error: null });
        return;
      case 'attachMicrophone':
        if (!leg || leg.state === 'ended') return gone('attachMicrophone');
        if (fail || leg.mic === 'none') {
          leg.mic = 'none';
          this.mediaEvents.push({
            type: 'leg-microphone',
            legId: leg.id,
            report: 'failed',
            error: 'renegotiation refused',
          });
          return;
        }
        leg.mic = 'sending';
        this.mediaEvents.push({ type: 'leg-microphone', legId: leg.id, report: 'sending', error: null });
        return;
      case 'releaseMicrophone':
        if (!leg || leg.state === 'ended') return gone('releaseMicrophone');
        leg.mic = 'none';
        this.mediaEvents.push({ type: 'leg-microphone', legId: leg.id, report: 'released', error: null });
        return;
      case 'restartIce':
        // The move changes the path only: the microphone stays as it is. A failed one (the server no
        // longer has the call) ends the leg, as JsSIP does, after saying why.
        if (!leg || leg.state === 'ended') return gone('restartIce');
        if (leg.state !== 'established') {
          this.mediaEvents.push({ type: 'leg-ice-restart', legId: leg.id, outcome: 'refused', reason: 'not up' });
          return;
        }
        this.mediaEvents.push({
          type: 'leg-ice-restart',
          legId: leg.id,
          outcome: fail ? 'call-gone' : 'restarted',
          reason: fail ? 'The SIP server no longer has this call.' : null,
        });
        if (fail) this.endLeg(leg, 'Dialog Error');
        return;
      case 'setVolume':
      case 'setOutputDevice':
      case 'register':
      case 'unregister':
      case 'reconnect':
      case 'listDevices':
        return;
      default:
        assertNever(command);
    }
  }

  deliverMediaEvent(): void {
    const event = this.mediaEvents.shift();
    if (event) this.dispatch(event);
  }

  /** The media host goes away: its legs end with it. A crash releases everything; a dropped socket cannot say so. */
  /**
   * The media host goes away. A crash or a closed window takes its calls and tracks with it; a dropped
   * socket leaves the page running with whatever it held until it notices (or reloads), and main
   * cannot know which.
   */
  loseMediaHost(processGone: boolean): void {
    if (!this.mediaConnected) return;
    this.mediaConnected = false;
    this.mediaQueue.length = 0;
    this.mediaEvents.length = 0;
    if (processGone) this.endPageLegs();
    this.dispatch({
      type: 'media-lost',
      microphoneReleased: processGone,
      reason: 'The audio window was closed.',
      restarting: processGone,
      reopenable: !processGone,
    });
  }

  /** The cut-off page notices and ends its calls and tracks (its bridge's onLost). */
  pageNoticesLoss(): void {
    if (!this.mediaConnected) this.endPageLegs();
  }

  /** The page reloads as its link comes back: what it held ends with the old document. */
  reconnectMediaHost(): void {
    if (this.mediaConnected) return;
    this.endPageLegs();
    this.page += 1;
    this.mediaConnected = true;
    this.dispatch({ type: 'media-ready', heldLegs: [] });
  }

  private endPageLegs(): void {
    for (const leg of this.legs.values()) {
      if (leg.page === this.page && leg.state !== 'ended') this.endLeg(leg, null);
    }
  }

  // ——— the supervisor ———

  cards() {
    return renderVoice(this.core).calls;
  }
}

// ——— the actions fast-check draws ———

type Action =
  | { kind: 'subscribe'; mode: VoiceMode; confirm: boolean }
  | { kind: 'cancel-subscription' }
  | { kind: 'deliver-call'; inviteFirst: boolean }
  | { kind: 'duplicate-invite'; leg: number }
  /** The same monitoring call offered on a second dialog (a new Call-ID): never a second answered leg. */
  | { kind: 'second-invite' }
  | { kind: 'ordinary-invite' }
  | { kind: 'sip-cancel'; leg: number }
  | { kind: 'customer-hangs-up' }
  | { kind: 'outside-mode'; mode: VoiceMode }
  | { kind: 'transfer' }
  | { kind: 'notification' }
  | { kind: 'gws-answer'; index: number; outcome: 'ok' | 'refused' | 'timeout' }
  | { kind: 'media-command'; fail: boolean }
  | { kind: 'media-event' }
  | { kind: 'media-lost'; processGone: boolean }
  | { kind: 'media-back' }
  | { kind: 'page-notices-loss' }
  | { kind: 'line'; registered: boolean }
  | { kind: 'timer'; index: number }
  | {
      kind: 'ui';
      card: number;
      command: 'barge-in' | 'listen' | 'talk' | 'stop-talking' | 'mute' | 'hang-up' | 'volume';
    }
  | { kind: 'incoming'; index: number; answer: boolean }
  | { kind: 'key'; key: string; shift: boolean; ctrl: boolean; alt: boolean; focus: FocusKind; singleKeys: boolean }
  | { kind: 'sign-out' }
  /**
   * Lets what is in flight arrive, each arrival a checked step, in an order drawn for it (queues
   * keep their own order): reaches deep states quickly and still interleaves them.
   */
  | { kind: 'settle'; order: number[] };

/** True about one time in seven. */
const rarely = fc.constantFrom(false, false, false, false, false, false, true);

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('subscribe' as const),
      mode: fc.constantFrom<VoiceMode>('ListenIn', 'Coach', 'Coach', 'BargeIn', 'BargeIn'),
      confirm: fc.constantFrom(true, true, true, false),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel-subscription' as const }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver-call' as const), inviteFirst: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-invite' as const), leg: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'ordinary-invite' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'second-invite' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sip-cancel' as const), leg: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'customer-hangs-up' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('outside-mode' as const),
      mode: fc.constantFrom<VoiceMode>('ListenIn', 'BargeIn'),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'transfer' as const }) },
  { weight: 8, arbitrary: fc.constant({ kind: 'notification' as const }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('gws-answer' as const),
      index: fc.nat(3),
      outcome: fc.constantFrom<'ok' | 'refused' | 'timeout'>('ok', 'ok', 'ok', 'refused', 'timeout'),
    }),
  },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('media-command' as const), fail: rarely }) },
  { weight: 8, arbitrary: fc.constant({ kind: 'media-event' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('media-lost' as const), processGone: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'media-back' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'page-notices-loss' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('line' as const), registered: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('timer' as const), index: fc.nat(4) }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('ui' as const),
      card: fc.nat(2),
      command: fc.constantFrom(
        'barge-in',
        'barge-in',
        'barge-in',
        'listen',
        'listen',
        'talk',
        'talk',
        'stop-talking',
        'mute',
        'hang-up',
        'volume',
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('incoming' as const), index: fc.nat(2), answer: fc.boolean() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('key' as const),
      key: fc.constantFrom('b', 'B', 'l', 'm', 'h', 'H', 'e', ' ', 'Enter'),
      shift: fc.boolean(),
      ctrl: rarely,
      alt: rarely,
      focus: fc.constantFrom<FocusKind>(...focusKinds),
      singleKeys: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'sign-out' as const }) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      order: fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }),
    }),
  },
);

const SETTLE_LIMIT = 60;

function apply(world: World, action: Action, check: () => void): void {
  switch (action.kind) {
    case 'settle':
      for (let round = 0; round < SETTLE_LIMIT; round += 1) {
        const queues = [
          world.notifications.length > 0 ? () => apply(world, { kind: 'notification' }, check) : null,
          world.mediaQueue.length > 0 ? () => world.runMediaCommand(false) : null,
          world.mediaEvents.length > 0 ? () => world.deliverMediaEvent() : null,
          world.gwsOps.length > 0 ? () => world.answerGwsOp(0, 'ok') : null,
        ].filter((next) => next !== null);
        if (queues.length === 0) return;
        const pick = action.order[round % action.order.length] ?? 0;
        (queues[pick % queues.length] as () => void)();
        check();
      }
      return;
    case 'subscribe': {
      world.subscriptionMode = action.mode;
      const facts = {
        agentId: 'a1',
        agentName: 'A1',
        mode: action.mode,
        scope: 'Call' as const,
        frequency: 'AllCalls' as const,
      };
      world.dispatch({ type: 'subscription-request', request: { kind: 'requesting', facts }, error: null });
      if (action.confirm) world.notifications.push({ type: 'subscription', facts });
      return;
    }
    case 'cancel-subscription':
      world.subscriptionMode = null;
      world.dispatch({ type: 'subscription-request', request: { kind: 'cancelling' }, error: null });
      world.notifications.push({ type: 'subscription', facts: null });
      return;
    case 'deliver-call': {
      if (world.subscriptionMode === null || world.liveServerCall()) return;
      const call: ServerCall = {
        id: world.fresh('call-'),
        callUuid: world.fresh('uuid-'),
        agentId: 'a1',
        mode: world.subscriptionMode,
        state: 'Ringing',
        agentMuted: false,
      };
      world.serverCalls.push(call);
      const leg: TruthLeg = {
        id: world.fresh('leg-'),
        sipCallId: world.fresh('sip-'),
        callId: call.id,
        state: 'offered',
        mic: 'none',
        page: world.page,
      };
      if (!world.mediaConnected) {
        world.notify(call, true);
        return;
      }
      if (action.inviteFirst) {
        world.offer(leg, call.callUuid);
        world.notify(call, true);
      } else {
        world.notify(call, true);
        world.offer(leg, call.callUuid);
      }
      return;
    }
    case 'duplicate-invite': {
      const existing = [...world.legs.values()];
      const original = existing[action.leg % Math.max(1, existing.length)];
      if (!original || !world.mediaConnected) return;
      const call = world.serverCalls.find((candidate) => candidate.id === original.callId);
      world.offer(
        {
          id: world.fresh('leg-'),
          sipCallId: original.sipCallId,
          callId: original.callId,
          state: 'offered',
          mic: 'none',
          page: world.page,
        },
        call?.callUuid ?? null,
      );
      return;
    }
    case 'second-invite': {
      const call = world.liveServerCall();
      if (!call || !world.mediaConnected) return;
      world.offer(
        {
          id: world.fresh('leg-'),
          sipCallId: world.fresh('sip-'),
          callId: call.id,
          state: 'offered',
          mic: 'none',
          page: world.page,
        },
        call.callUuid,
      );
      return;
    }
    case 'ordinary-invite':
      if (!world.mediaConnected) return;
      world.offer(
        {
          id: world.fresh('leg-'),
          sipCallId: world.fresh('sip-'),
          callId: null,
          state: 'offered',
          mic: 'none',
          page: world.page,
        },
        null,
      );
      return;
    case 'sip-cancel': {
      const offered = [...world.legs.values()].filter((leg) => leg.state === 'offered');
      const leg = offered[action.leg % Math.max(1, offered.length)];
      if (leg) world.endLeg(leg, 'The caller hung up before you answered.');
      return;
    }
    case 'customer-hangs-up': {
      const call = world.liveServerCall();
      if (call) world.release(call);
      return;
    }
    case 'outside-mode': {
      const call = world.liveServerCall();
      if (!call || call.mode === action.mode) return;
      call.mode = action.mode;
      if (action.mode !== 'ListenIn') world.liveUnasked.add(call.id);
      world.notify(call);
      return;
    }
    case 'transfer': {
      const call = world.liveServerCall();
      if (!call) return;
      call.agentId = call.agentId === agents[0] ? agents[1] : agents[0];
      world.notify(call);
      return;
    }
    case 'notification': {
      const event = world.notifications.shift();
      if (event) world.dispatch(event);
      return;
    }
    case 'gws-answer':
      world.answerGwsOp(action.index, action.outcome);
      return;
    case 'media-command':
      world.runMediaCommand(action.fail);
      return;
    case 'media-event':
      world.deliverMediaEvent();
      return;
    case 'media-lost':
      world.loseMediaHost(action.processGone);
      return;
    case 'media-back':
      world.reconnectMediaHost();
      return;
    case 'page-notices-loss':
      world.pageNoticesLoss();
      return;
    case 'line':
      // The phone line drops, or registers again after a drop: live calls are to move to the new network.
      if (action.registered === world.lineRegistered) return;
      world.lineRegistered = action.registered;
      world.dispatch({ type: action.registered ? 'line-restored' : 'line-lost' });
      return;
    case 'timer': {
      const keys = [...world.timers];
      const key = keys[action.index % Math.max(1, keys.length)];
      if (!key) return;
      world.timers.delete(key);
      world.dispatch({ type: 'timer', key });
      return;
    }
    case 'ui': {
      const cards = world.cards();
      const card = cards[action.card % Math.max(1, cards.length)];
      if (!card) return;
      const commands = {
        'barge-in': { type: 'switch', target: 'BargeIn' },
        listen: { type: 'switch', target: 'ListenIn' },
        talk: { type: 'talk' },
        'stop-talking': { type: 'stop-talking' },
        mute: { type: 'mute-agent', muted: !card.agentMuted },
        'hang-up': { type: 'hang-up' },
        volume: { type: 'set-volume', volume: 0.5 },
      } as const;
      if (world.dispatch({ type: 'command', callId: card.id, command: commands[action.command] })) {
        chosen(world, card, action.command);
      }
      return;
    }
    case 'incoming': {
      const ringing = renderVoice(world.core).incoming;
      const call = ringing[action.index % Math.max(1, ringing.length)];
      if (!call) return;
      world.dispatch({ type: action.answer ? 'answer-incoming' : 'decline-incoming', legId: call.id });
      return;
    }
    case 'key': {
      const key = {
        key: action.key,
        shiftKey: action.shift,
        ctrlKey: action.ctrl,
        metaKey: false,
        altKey: action.alt,
        repeat: false,
      };
      const shortcut = shortcutAction(key, action.focus, keyTargetCall(world.cards()), {
        singleKeyShortcuts: action.singleKeys,
      });
      // (f) No single unmodified key makes anyone hear the supervisor, and no key acts where it is text.
      if (shortcut !== null) {
        assert.ok(!goesLive(shortcut) || action.ctrl, `the key ${action.key} alone went live`);
        assert.ok(shortcutsActIn(action.focus), `a key acted with focus in a ${action.focus}`);
      }
      if (shortcut === null) return;
      const card = world.cards().find((candidate) => candidate.id === shortcut.callId);
      if (!card) return;
      switch (shortcut.kind) {
        case 'switch':
          return apply(
            world,
            {
              kind: 'ui',
              card: world.cards().indexOf(card),
              command: shortcut.mode === 'BargeIn' ? 'barge-in' : 'listen',
            },
            check,
          );
        case 'muteAgent':
          return apply(world, { kind: 'ui', card: world.cards().indexOf(card), command: 'mute' }, check);
        case 'hangUp':
          return apply(world, { kind: 'ui', card: world.cards().indexOf(card), command: 'hang-up' }, check);
      }
      return;
    }
    case 'sign-out':
      // The session ends: its CometD deliveries stop with it.
      world.subscriptionMode = null;
      world.notifications.length = 0;
      world.dispatch({ type: 'reset', reason: 'You signed out.' });
      return;
  }
}

type UiCommand = Extract<Action, { kind: 'ui' }>['command'];

function chosen(world: World, card: MonitoredCall, command: UiCommand): void {
  switch (command) {
    case 'barge-in':
      world.choose(card.id, card.mode === 'BargeIn' || card.mode === 'ListenIn' ? 'everyone' : 'everyone');
      return;
    case 'talk':
      world.choose(card.id, card.kind === 'ordinary' ? 'caller' : card.mode ? modeAudience(card.mode) : 'nobody');
      return;
    case 'listen':
    case 'stop-talking':
    case 'hang-up':
      world.choose(card.id, 'nobody');
      return;
    case 'mute':
    case 'volume':
      return;
  }
}

// ——— the invariants ———

function checkInvariants(world: World, view: VoiceView): void {
  const machines = world.core.calls;
  const liveLegs = [...world.legs.values()].filter((leg) => leg.state !== 'ended');
  const capturing = liveLegs.filter((leg) => leg.mic !== 'none');
  // A command to open the microphone on a leg that has ended can open nothing: the media host refuses it.
  const pendingOpen = new Set(
    world.mediaQueue.flatMap((command) =>
      (command.type === 'acquireMicrophone' || command.type === 'attachMicrophone') &&
      world.legs.get(command.callId)?.state !== 'ended'
        ? [command.callId]
        : [],
    ),
  );

  // (a) An indicator that says nobody hears: no leg it covers has an open or opening microphone.
  if (view.audience === 'nobody') {
    assert.deepEqual(
      capturing.map((leg) => `${leg.id}:${leg.mic}`),
      [],
      'the header says nobody hears you while a microphone is open',
    );
    assert.deepEqual([...pendingOpen], [], 'the header says nobody hears you while a microphone is being opened');
  }
  for (const card of view.calls) {
    const machine = machines.find((candidate) => candidate.id === card.id);
    const leg = machine?.leg ? world.legs.get(machine.leg.id) : undefined;
    if (card.audience === 'nobody' && leg) {
      assert.equal(leg.mic, 'none', `card ${card.id} says nobody hears you while its leg's microphone is ${leg.mic}`);
      assert.ok(!pendingOpen.has(leg.id), `card ${card.id} says nobody hears you while its microphone is being opened`);
    }
  }
  for (const agent of view.monitoredAgents) {
    if (agent.audience !== 'nobody') continue;
    for (const machine of machines.filter((candidate) => candidate.agentId === agent.agentId)) {
      const leg = machine.leg ? world.legs.get(machine.leg.id) : undefined;
      assert.ok(!leg || leg.mic === 'none', `${agent.agentId}'s row says silent while ${machine.id} captures`);
    }
  }

  // (b) Every answered SIP leg belongs to exactly one card, unless main is ending it or lost sight of its page.
  for (const leg of liveLegs) {
    if (leg.state !== 'established' || world.hangUpAsked.has(leg.id)) continue;
    if (!world.mediaConnected || leg.page !== world.page) continue;
    const owners = machines.filter((machine) => machine.leg?.id === leg.id);
    assert.equal(owners.length, 1, `answered leg ${leg.id} belongs to ${owners.length} cards`);
  }

  // (c) No card points at a leg that ended, once main has been told.
  const endNoticeInFlight = new Set(
    world.mediaEvents.flatMap((event) => (event.type === 'leg-state' && event.state === 'ended' ? [event.legId] : [])),
  );
  for (const machine of machines) {
    if (!machine.leg) continue;
    const leg = world.legs.get(machine.leg.id);
    assert.ok(
      leg !== undefined && (leg.state !== 'ended' || endNoticeInFlight.has(leg.id) || !world.mediaConnected),
      `card ${machine.id} still points at ended leg ${machine.leg.id}`,
    );
  }

  // (d) In ListenIn, with nothing on its way, the microphone is closed (or closing).
  for (const card of view.calls) {
    if (card.mode === 'ListenIn' && card.pendingCommand === null) {
      assert.ok(
        card.microphone === 'closed' || card.microphone === 'closing',
        `card ${card.id} in ListenIn with the microphone ${card.microphone}`,
      );
    }
  }

  // (d') Silence is asked of the server too: a connected call the server keeps live while the microphone
  // is closed and nothing is on its way was made so outside Earshot, or the card says why.
  for (const card of view.calls) {
    if (card.state !== 'established' || card.pendingCommand !== null || card.microphone !== 'closed') continue;
    if (card.mode === 'Coach' || card.mode === 'BargeIn') {
      assert.ok(
        card.modeChangedOutside || card.error !== null,
        `card ${card.id} is left in ${card.mode} at the server with the microphone closed and no word why`,
      );
    }
  }

  // (i) Never louder than the supervisor chose: a microphone on a call only ever sends to whom they agreed.
  for (const machine of machines) {
    if (machine.microphone !== 'sending' || machine.step !== null) continue;
    const agreed = world.consent.get(machine.id) ?? 'nobody';
    assert.equal(
      louderAudience(callAudience(machine), agreed),
      agreed,
      `call ${machine.id} sends to ${callAudience(machine)} though the supervisor chose ${agreed}`,
    );
  }

  // (j) "Changed outside Earshot" only where the server really went live without the supervisor.
  for (const card of view.calls) {
    if (card.modeChangedOutside) {
      assert.ok(world.liveUnasked.has(card.id), `card ${card.id} blames a change outside Earshot that did not happen`);
    }
  }

  // (h) Once everything in flight has arrived, no call still waits for what the server already did.
  const quiet =
    world.notifications.length === 0 &&
    world.mediaQueue.length === 0 &&
    world.mediaEvents.length === 0 &&
    world.gwsOps.length === 0;
  if (quiet) {
    for (const machine of machines) {
      const truth = world.serverCalls.find((call) => call.id === machine.id);
      const step = machine.step;
      if (!truth || !step || step.kind === 'hangUp' || step.phase !== 'confirm') continue;
      const done = step.kind === 'live' ? truth.mode === step.target : truth.mode === 'ListenIn';
      assert.ok(!done, `call ${machine.id} still waits for a confirmation the server gave (${truth.mode})`);
    }
  }

  // (e) Card, row, header and tray tell the same truth.
  let widest: Audience = world.core.unconfirmed?.audience ?? 'nobody';
  for (const card of view.calls) widest = louderAudience(widest, card.audience);
  assert.equal(view.audience, widest, 'the header is the widest audience over the cards');
  for (const agent of view.monitoredAgents) {
    const ofAgent = view.calls.filter((card) => card.kind === 'monitoring' && card.agentId === agent.agentId);
    if (ofAgent.length === 0) continue;
    const agentWidest = ofAgent.reduce<Audience>((audience, card) => louderAudience(audience, card.audience), 'nobody');
    assert.equal(agent.audience, agentWidest, `${agent.agentId}'s row and its cards disagree`);
  }
  const app = { ...initialAppState(0), voice: { ...initialAppState(0).voice, ...view } };
  const tray = trayState(app);
  assert.equal(tray.status === 'live', view.audience !== 'nobody', 'the tray and the header disagree');
  for (const card of view.calls) {
    assert.equal(
      describeCallAudience(card).label,
      describeAudience(card.audience).label,
      'the card words its audience',
    );
  }
}

// ——— the search ———

/** EARSHOT_MODEL_REPLAY='[…]' replays one sequence (as fast-check prints it) and prints each step. */
const replay = process.env.EARSHOT_MODEL_REPLAY;

const RUNS = 1200;
const STEPS = 100;

/** How often the search reached the states that matter, so a model that stopped exploring them fails. */
interface Coverage {
  steps: number;
  /** Every state checked, the arrivals inside a settle included. */
  checks: number;
  sending: number;
  held: number;
  bargedIn: number;
  ordinarySending: number;
  lostWhileLive: number;
  duplicateRefused: number;
  outsideLive: number;
}

test('a replayed sequence', { skip: replay === undefined }, () => {
  const world = new World();
  for (const action of JSON.parse(replay ?? '[]') as Action[]) {
    apply(world, action, () => {
      console.log(
        '  ·',
        JSON.stringify(world.core.calls.map((m) => [m.id, m.server?.mode, m.microphone, m.step, m.modeChangedOutside])),
      );
      checkInvariants(world, renderVoice(world.core));
    });
    console.log(
      JSON.stringify(action),
      JSON.stringify(
        renderVoice(world.core).calls.map((call) => [
          call.id,
          call.mode,
          call.microphone,
          call.audience,
          call.pendingCommand,
        ]),
      ),
    );
    checkInvariants(world, renderVoice(world.core));
  }
});

test(`no sequence of ${RUNS} × ${STEPS} steps makes the supervisor heard while any indicator says they are not`, () => {
  const coverage: Coverage = {
    steps: 0,
    checks: 0,
    sending: 0,
    held: 0,
    bargedIn: 0,
    ordinarySending: 0,
    lostWhileLive: 0,
    duplicateRefused: 0,
    outsideLive: 0,
  };
  fc.assert(
    fc.property(fc.array(actionArbitrary, { minLength: 1, maxLength: STEPS, size: 'max' }), (actions) => {
      const world = new World();
      const checked = (action: Action | null, liveBefore: boolean) => {
        const view = renderVoice(world.core);
        checkInvariants(world, view);
        coverage.checks += 1;
        if ([...world.legs.values()].some((leg) => leg.mic === 'sending')) coverage.sending += 1;
        if (world.core.calls.some((machine) => machine.microphone === 'held')) coverage.held += 1;
        if (view.calls.some((card) => card.mode === 'BargeIn' && card.microphone === 'open')) coverage.bargedIn += 1;
        if (view.calls.some((card) => card.kind === 'ordinary' && card.microphone === 'open'))
          coverage.ordinarySending += 1;
        if (view.calls.some((card) => card.modeChangedOutside)) coverage.outsideLive += 1;
        if (action?.kind === 'media-lost' && liveBefore) coverage.lostWhileLive += 1;
      };
      for (const action of actions) {
        const liveBefore = renderVoice(world.core).audience !== 'nobody';
        const declinedBefore = world.duplicatesRefused;
        apply(world, action, () => checked(null, false));
        checked(action, liveBefore);
        coverage.steps += 1;
        if (world.duplicatesRefused > declinedBefore) coverage.duplicateRefused += 1;
      }
    }),
    { numRuns: RUNS },
  );
  console.log('Model-based search coverage:', JSON.stringify(coverage));
  assert.ok(coverage.steps >= 10_000, `only ${coverage.steps} steps were searched`);
  for (const [reached, count] of Object.entries(coverage)) {
    assert.ok(count > 0, `the search never reached: ${reached}`);
  }
});

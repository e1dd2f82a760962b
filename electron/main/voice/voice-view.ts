import type {
  Audience,
  MicrophoneState,
  MonitoredAgent,
  MonitoredCall,
  SubscriptionStatus,
  VoiceState,
  VoiceSubscription,
} from '../../common/models/voice';
import { louderAudience } from '../../common/models/voice';
import {
  callAudience,
  canHangUp,
  canMuteAgent,
  canStopTalking,
  canTalk,
  isLegUp,
  pendingCommandOf,
  switchTargetsOf,
  type CallMachine,
  type Microphone,
} from './call-machine';
import type { VoiceCore } from './voice-core';

/**
 * The voice part of the app state, derived from the voice core in one place. Every indicator of who
 * can hear the supervisor (card, agent row, header, tray, window title, notifications) reads what
 * this computes; none derives it again.
 */
export type VoiceView = Pick<
  VoiceState,
  'audioEngine' | 'subscription' | 'subscriptionError' | 'calls' | 'incoming' | 'audience' | 'monitoredAgents'
>;

const microphoneStates: Readonly<Record<Microphone, MicrophoneState>> = {
  closed: 'closed',
  acquiring: 'opening',
  held: 'opening',
  attaching: 'opening',
  sending: 'open',
  releasing: 'closing',
};

function callState(machine: CallMachine): MonitoredCall['state'] {
  if (machine.kind === 'monitoring' && machine.server?.state === 'Ringing' && !isLegUp(machine)) return 'ringing';
  const serverUp = machine.kind === 'ordinary' || machine.server?.state === 'Established';
  return serverUp && isLegUp(machine) ? 'established' : 'connecting';
}

/** Machines are immutable, so a rendered card is kept with its machine: unchanged calls keep their objects. */
const rendered = new WeakMap<CallMachine, MonitoredCall>();

export function renderCall(machine: CallMachine): MonitoredCall {
  const cached = rendered.get(machine);
  if (cached) return cached;
  const call = renderCallOnce(machine);
  rendered.set(machine, call);
  return call;
}

function renderCallOnce(machine: CallMachine): MonitoredCall {
  return {
    id: machine.id,
    kind: machine.kind,
    agentId: machine.agentId,
    agentName: machine.agentName,
    customerNumber: machine.customerNumber,
    state: callState(machine),
    startedAt: machine.startedAt,
    mode: machine.server?.mode ?? null,
    modeChangedOutside: machine.modeChangedOutside,
    audience: callAudience(machine),
    microphone: microphoneStates[machine.microphone],
    switchTargets: switchTargetsOf(machine),
    canTalk: canTalk(machine),
    canStopTalking: canStopTalking(machine),
    agentMuted: machine.server?.agentMuted ?? false,
    canMuteAgent: canMuteAgent(machine, true),
    canUnmuteAgent: canMuteAgent(machine, false),
    canHangUp: canHangUp(machine),
    volume: machine.volume,
    audio: machine.audio,
    pendingCommand: pendingCommandOf(machine),
    error: machine.error,
  };
}

function subscriptionStatus(core: VoiceCore, agentId: string | null, scopeIsCall: boolean): SubscriptionStatus {
  if (core.subscriptionRequest?.kind === 'requesting') return 'requesting';
  if (core.subscriptionRequest?.kind === 'cancelling') return 'cancelling';
  if (core.engine.status !== 'running') return 'paused';
  const onCall = core.calls.some(
    (machine) =>
      machine.kind === 'monitoring' && (machine.agentId === agentId || (scopeIsCall && machine.agentId !== null)),
  );
  return onCall ? 'on-call' : 'waiting';
}

function renderSubscription(core: VoiceCore): VoiceSubscription | null {
  const request = core.subscriptionRequest;
  const facts = request?.kind === 'requesting' ? request.facts : core.subscription;
  if (!facts) return null;
  return { ...facts, status: subscriptionStatus(core, facts.agentId, facts.scope === 'Call') };
}

function renderMonitoredAgents(core: VoiceCore, subscription: VoiceSubscription | null): MonitoredAgent[] {
  const agents = new Map<string, MonitoredAgent>();
  for (const machine of core.calls) {
    if (machine.kind !== 'monitoring' || machine.agentId === null || !machine.server) continue;
    const before = agents.get(machine.agentId);
    const audience = callAudience(machine);
    agents.set(machine.agentId, {
      agentId: machine.agentId,
      status: 'on-call',
      mode: machine.server.mode,
      audience: before ? louderAudience(before.audience, audience) : audience,
    });
  }
  if (subscription?.agentId && !agents.has(subscription.agentId)) {
    agents.set(subscription.agentId, {
      agentId: subscription.agentId,
      status: subscription.status,
      mode: subscription.mode,
      audience: 'nobody',
    });
  }
  return [...agents.values()];
}

/** The widest audience over every live call and over a microphone main lost sight of. */
export function overallAudience(core: VoiceCore): Audience {
  let audience: Audience = core.unconfirmed?.audience ?? 'nobody';
  for (const machine of core.calls) audience = louderAudience(audience, callAudience(machine));
  return audience;
}

export function renderVoice(core: VoiceCore): VoiceView {
  const subscription = renderSubscription(core);
  return {
    audioEngine: core.engine,
    subscription,
    subscriptionError: core.subscriptionError,
    calls: core.calls.map(renderCall),
    incoming: core.invites
      .filter((invite) => invite.status === 'ringing')
      .map((invite) => ({
        id: invite.leg.id,
        from: invite.leg.from,
        displayName: invite.leg.displayName,
        at: invite.leg.at,
      })),
    audience: overallAudience(core),
    monitoredAgents: renderMonitoredAgents(core, subscription),
  };
}

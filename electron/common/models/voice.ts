import { z } from 'zod';
import { appErrorSchema } from '../result';
import { registrationStateSchema } from './sip-registration';

/** GWS voice supervision modes (gws-api.md §4.2): ListenIn is silent, Coach reaches the agent, BargeIn everyone. */
export const voiceModeSchema = z.enum(['ListenIn', 'Coach', 'BargeIn']);
export type VoiceMode = z.infer<typeof voiceModeSchema>;

/** The modes a running monitoring call can switch to (GWS has no voice SwitchToCoach). */
export const switchTargetSchema = z.enum(['ListenIn', 'BargeIn']);
export type SwitchTarget = z.infer<typeof switchTargetSchema>;

/** Call: follow the call through transfers (default). Agent: only while that agent has it. */
export const monitoringScopeSchema = z.enum(['Call', 'Agent']);
export type MonitoringScope = z.infer<typeof monitoringScopeSchema>;

/** AllCalls: until cancelled (default). NextCall: one call, then monitoring ends by itself. */
export const voiceFrequencySchema = z.enum(['AllCalls', 'NextCall']);
export type VoiceFrequency = z.infer<typeof voiceFrequencySchema>;

/**
 * Who can hear the supervisor. Derived once, in main, from each call's state machine (see
 * electron/main/voice/audience.ts); every indicator shows this value and never derives its own.
 * `caller` is the other party of an ordinary (not monitoring) call the supervisor answered.
 */
export const audienceSchema = z.enum(['nobody', 'agent', 'caller', 'everyone']);
export type Audience = z.infer<typeof audienceSchema>;

/**
 * The supervisor's microphone on a call, as the media host last confirmed it. `opening` covers the
 * whole way to sending (device, server, sender); `closing` lasts until the media host confirms the
 * tracks ended; `unconfirmed` is a microphone main lost sight of (the audio window went away while it
 * was open) until a media host confirms it holds none.
 */
export const microphoneStateSchema = z.enum(['closed', 'opening', 'open', 'closing', 'unconfirmed']);
export type MicrophoneState = z.infer<typeof microphoneStateSchema>;

/** A call command on its way, as the card names it. */
export const voiceCommandSchema = z.enum([
  'listen',
  'barge-in',
  'talk',
  'stop-talking',
  'mute-agent',
  'unmute-agent',
  'hang-up',
]);
export type VoiceCommand = z.infer<typeof voiceCommandSchema>;

/** monitoring: a call GWS placed for this supervisor's monitoring. ordinary: a call the supervisor answered. */
export const callKindSchema = z.enum(['monitoring', 'ordinary']);
export type CallKind = z.infer<typeof callKindSchema>;

export const callAudioSchema = z.object({
  /** Epoch ms of the first audio packet; null until audio arrives. */
  firstAudioAt: z.number().nullable(),
  level: z.number().min(0).max(1),
  /** How far behind live the supervisor hears: jitter buffer plus half the round trip, ms. */
  behindLiveMs: z.number().nullable(),
  packetLossPercent: z.number().nullable(),
  packetsSent: z.number(),
});
export type CallAudio = z.infer<typeof callAudioSchema>;

export const monitoredCallSchema = z.object({
  /** The supervisor's call id in GWS; for an ordinary call, its SIP leg's id. */
  id: z.string(),
  kind: callKindSchema,
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  /** The customer's number on a monitoring call; the caller's on an ordinary one. */
  customerNumber: z.string().nullable(),
  /** A call leaves the board as it ends; the history has it from there. */
  state: z.enum(['ringing', 'connecting', 'established']),
  startedAt: z.number(),
  /** The supervision mode as the server reports it; null on an ordinary call. */
  mode: voiceModeSchema.nullable(),
  /**
   * The server went to Coach or Barge in without this supervisor asking here (another client, a
   * server-side change). The microphone stays closed until the supervisor chooses to talk.
   */
  modeChangedOutside: z.boolean(),
  audience: audienceSchema,
  microphone: microphoneStateSchema,
  /** Modes the call may switch to now, from GWS's rules, the call's capabilities and what is in flight. */
  switchTargets: z.array(switchTargetSchema).readonly(),
  /** The supervisor may open the microphone in the current mode (an ordinary call, or a mode set outside). */
  canTalk: z.boolean(),
  /** The supervisor may close the microphone and stay on the call (an ordinary call). */
  canStopTalking: z.boolean(),
  agentMuted: z.boolean(),
  canMuteAgent: z.boolean(),
  canUnmuteAgent: z.boolean(),
  canHangUp: z.boolean(),
  volume: z.number().min(0).max(1),
  audio: callAudioSchema,
  /** The command on its way, so the card can show it and refuse a second click. */
  pendingCommand: voiceCommandSchema.nullable(),
  error: appErrorSchema.nullable(),
});
export type MonitoredCall = z.infer<typeof monitoredCallSchema>;

/** requesting: GWS was asked and has not confirmed yet. waiting: armed, no call of it up. paused: no audio window. */
export const subscriptionStatusSchema = z.enum(['requesting', 'waiting', 'on-call', 'paused', 'cancelling']);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

/** The supervisor device's monitoring subscription, as the last DeviceStateChangeMessage said. */
export const voiceSubscriptionSchema = z.object({
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  mode: voiceModeSchema,
  scope: monitoringScopeSchema,
  frequency: voiceFrequencySchema,
  status: subscriptionStatusSchema,
});
export type VoiceSubscription = z.infer<typeof voiceSubscriptionSchema>;

/** What an agent's row says about monitoring that agent's calls, derived in main with the rest. */
export const monitoredAgentSchema = z.object({
  agentId: z.string(),
  status: subscriptionStatusSchema,
  /** The live call's mode as the server reports it; else the subscription's. */
  mode: voiceModeSchema,
  audience: audienceSchema,
});
export type MonitoredAgent = z.infer<typeof monitoredAgentSchema>;

/**
 * The media host (the hidden audio window, or the browser edition's audio page). `lost`: gone and
 * not restarting by itself; `reopenable` says the supervisor can bring it back from the UI.
 */
export const audioEngineSchema = z.object({
  status: z.enum(['starting', 'running', 'lost']),
  reason: z.string().nullable(),
  reopenable: z.boolean(),
});
export type AudioEngine = z.infer<typeof audioEngineSchema>;

/** A call to the supervisor that is not monitoring this supervisor started: it rings, never auto-answers. */
export const incomingCallSchema = z.object({
  id: z.string(),
  from: z.string(),
  displayName: z.string().nullable(),
  at: z.number(),
});
export type IncomingCall = z.infer<typeof incomingCallSchema>;

/**
 * Whether calls can be sent to a chosen output: unknown until the audio engine has listed the
 * devices, and unavailable where its browser cannot pick one (no setSinkId).
 */
export const outputSelectionSchema = z.enum(['waiting', 'available', 'unavailable']);
export type OutputSelection = z.infer<typeof outputSelectionSchema>;

export const audioDeviceOptionSchema = z.object({ deviceId: z.string(), label: z.string() });

export const sipStatusSchema = z.object({
  registration: registrationStateSchema,
  reason: z.string().nullable(),
  /** The SIP address the supervisor registers as (no credentials). */
  address: z.string().nullable(),
});
export type SipStatus = z.infer<typeof sipStatusSchema>;

export const voiceStateSchema = z.object({
  sip: sipStatusSchema,
  audioEngine: audioEngineSchema,
  subscription: voiceSubscriptionSchema.nullable(),
  subscriptionError: appErrorSchema.nullable(),
  /**
   * What happened to monitoring while Earshot was away (asleep, network changed), in the supervisor's
   * words: the server dropped a subscription and Earshot asked for it again, or a live call could not
   * be resumed on the new network and was ended. Until dismissed.
   */
  subscriptionNotice: z.object({ message: z.string(), at: z.number() }).nullable(),
  calls: z.array(monitoredCallSchema).readonly(),
  incoming: z.array(incomingCallSchema).readonly(),
  /** The widest audience over every call, and over a microphone main lost sight of: the header, tray and title. */
  audience: audienceSchema,
  monitoredAgents: z.array(monitoredAgentSchema).readonly(),
  devices: z.object({
    outputs: z.array(audioDeviceOptionSchema).readonly(),
    inputs: z.array(audioDeviceOptionSchema).readonly(),
    selectedOutputId: z.string().nullable(),
    selectedInputId: z.string().nullable(),
    outputSelection: outputSelectionSchema,
  }),
});
export type VoiceState = z.infer<typeof voiceStateSchema>;

const audienceRank: Readonly<Record<Audience, number>> = { nobody: 0, agent: 1, caller: 2, everyone: 3 };

/** The louder of two audiences: where two states are in play, indicators say the wider one. */
export function louderAudience(a: Audience, b: Audience): Audience {
  return audienceRank[a] >= audienceRank[b] ? a : b;
}

import { z } from 'zod';
import { appErrorSchema } from '../result';
import { registrationStateSchema } from './sip-registration';

/** GWS voice supervision modes (gws-api.md §4.2): ListenIn is silent, Coach reaches the agent, BargeIn everyone. */
export const voiceModeSchema = z.enum(['ListenIn', 'Coach', 'BargeIn']);
export type VoiceMode = z.infer<typeof voiceModeSchema>;

/** Call: follow the call through transfers (default). Agent: only while that agent has it. */
export const monitoringScopeSchema = z.enum(['Call', 'Agent']);
export type MonitoringScope = z.infer<typeof monitoringScopeSchema>;

/** AllCalls: until cancelled (default). NextCall: one call, then monitoring ends by itself. */
export const voiceFrequencySchema = z.enum(['AllCalls', 'NextCall']);
export type VoiceFrequency = z.infer<typeof voiceFrequencySchema>;

/** Who hears the supervisor right now, derived from the microphone's real state, never from intent. */
export const audienceSchema = z.enum(['nobody', 'agent', 'everyone']);
export type Audience = z.infer<typeof audienceSchema>;

/** The supervisor device's monitoring subscription, as the last DeviceStateChangeMessage said. */
export const voiceSubscriptionSchema = z.object({
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  mode: voiceModeSchema,
  scope: monitoringScopeSchema,
  frequency: voiceFrequencySchema,
  /** A command for the subscription (start or cancel) is on its way. */
  pending: z.boolean(),
});
export type VoiceSubscription = z.infer<typeof voiceSubscriptionSchema>;

export const microphoneStateSchema = z.enum(['closed', 'opening', 'open', 'closing', 'failed']);
export type MicrophoneState = z.infer<typeof microphoneStateSchema>;

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
  /** The supervisor's call id in GWS. */
  id: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  customerNumber: z.string().nullable(),
  state: z.enum(['ringing', 'connecting', 'established', 'ended']),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  mode: voiceModeSchema,
  audience: audienceSchema,
  microphone: microphoneStateSchema,
  /** Modes the call may switch to now, from GWS's rules and the call's capabilities. */
  switchTargets: z.array(z.enum(['ListenIn', 'BargeIn'])).readonly(),
  agentMuted: z.boolean(),
  canMuteAgent: z.boolean(),
  canUnmuteAgent: z.boolean(),
  volume: z.number().min(0).max(1),
  audio: callAudioSchema,
  /** The command on its way, so the card can show it and refuse a second click. */
  pendingCommand: z.string().nullable(),
  error: appErrorSchema.nullable(),
});
export type MonitoredCall = z.infer<typeof monitoredCallSchema>;

/** A call to the supervisor that is not monitoring this supervisor started: it rings, never auto-answers. */
export const incomingCallSchema = z.object({
  id: z.string(),
  from: z.string(),
  displayName: z.string().nullable(),
  at: z.number(),
});
export type IncomingCall = z.infer<typeof incomingCallSchema>;

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
  subscription: voiceSubscriptionSchema.nullable(),
  subscriptionError: appErrorSchema.nullable(),
  calls: z.array(monitoredCallSchema).readonly(),
  history: z.array(monitoredCallSchema).readonly(),
  incoming: z.array(incomingCallSchema).readonly(),
  devices: z.object({
    outputs: z.array(audioDeviceOptionSchema).readonly(),
    inputs: z.array(audioDeviceOptionSchema).readonly(),
    selectedOutputId: z.string().nullable(),
    selectedInputId: z.string().nullable(),
    outputSelectionSupported: z.boolean(),
  }),
});
export type VoiceState = z.infer<typeof voiceStateSchema>;

export function audienceFor(mode: VoiceMode, microphone: MicrophoneState): Audience {
  // While the microphone is (or may be) live, say the widest audience the mode allows.
  if (microphone === 'closed' || microphone === 'failed') return 'nobody';
  return mode === 'Coach' ? 'agent' : 'everyone';
}

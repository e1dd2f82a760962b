import { z } from 'zod';
import { registrationStateSchema } from '../models/sip-registration';

/**
 * The contract between main (SIP controller) and the media host, the hidden page where JsSIP and
 * WebRTC run. Main decides everything (register, answer, microphone); the media host executes and
 * reports. Both directions are parsed at the receiving end.
 */

export const mediaSipAccountSchema = z.object({
  webSocketUrl: z.string(),
  /** Full SIP URI, e.g. sip:5005@demo.earshot.local. */
  sipUri: z.string(),
  authorizationUser: z.string(),
  password: z.string(),
  displayName: z.string(),
});
export type MediaSipAccount = z.infer<typeof mediaSipAccountSchema>;

export const mediaCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('register'), account: mediaSipAccountSchema }),
  z.object({ type: z.literal('unregister') }),
  /** Always receive-only: answering never opens the microphone. */
  z.object({ type: z.literal('answer'), callId: z.string() }),
  z.object({ type: z.literal('decline'), callId: z.string() }),
  z.object({ type: z.literal('hangUp'), callId: z.string() }),
  z.object({
    type: z.literal('setMicrophone'),
    callId: z.string(),
    open: z.boolean(),
    inputDeviceId: z.string().nullable(),
  }),
  z.object({ type: z.literal('setOutputDevice'), deviceId: z.string().nullable() }),
  z.object({ type: z.literal('setVolume'), callId: z.string(), volume: z.number().min(0).max(1) }),
  z.object({ type: z.literal('listDevices') }),
]);
export type MediaCommand = z.infer<typeof mediaCommandSchema>;

const audioDeviceSchema = z.object({ deviceId: z.string(), label: z.string() });
export type AudioDevice = z.infer<typeof audioDeviceSchema>;

export const callStatsSchema = z.object({
  packetsReceived: z.number().nonnegative(),
  packetsLost: z.number(),
  /** RFC 3550 interarrival jitter, ms. */
  jitterMs: z.number().nonnegative(),
  /** Average time audio waits in the jitter buffer before playout, ms. */
  jitterBufferDelayMs: z.number().nonnegative(),
  /** 0..1, the loudness of what the supervisor hears right now. */
  audioLevel: z.number().min(0).max(1),
  /** Audio RTP packets this machine has sent on the call; zero while silent. */
  packetsSent: z.number().nonnegative(),
  roundTripMs: z.number().nonnegative().nullable(),
});
export type CallStats = z.infer<typeof callStatsSchema>;

export const mediaEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('registration'), state: registrationStateSchema, reason: z.string().nullable() }),
  z.object({
    type: z.literal('incomingCall'),
    callId: z.string(),
    remoteUri: z.string(),
    remoteDisplayName: z.string().nullable(),
    /** X-Genesys-CallUUID of the monitored call, when the server sends it. */
    genesysCallUuid: z.string().nullable(),
    /** Call-Info answer-after, seconds, when the server asks for auto-answer. */
    answerAfter: z.number().nullable(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('callState'),
    callId: z.string(),
    state: z.enum(['answering', 'established', 'ended']),
    reason: z.string().nullable(),
    at: z.number(),
  }),
  /** The first audio packet arrived (the remote track unmuted). */
  z.object({ type: z.literal('firstAudio'), callId: z.string(), at: z.number() }),
  z.object({ type: z.literal('callStats'), callId: z.string(), at: z.number(), stats: callStatsSchema }),
  z.object({
    type: z.literal('microphone'),
    callId: z.string(),
    open: z.boolean(),
    /** Why opening failed (permission denied, no device); null when it did what was asked. */
    error: z.string().nullable(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('devices'),
    outputs: z.array(audioDeviceSchema),
    inputs: z.array(audioDeviceSchema),
    outputSelectionSupported: z.boolean(),
  }),
  z.object({ type: z.literal('commandFailed'), command: z.string(), reason: z.string() }),
]);
export type MediaEvent = z.infer<typeof mediaEventSchema>;

export const MEDIA_SOCKET_PATH = '/media-bridge';
export const MEDIA_BRIDGE_GLOBAL_NAME = 'earshotMedia';

/** What the media host page sees: the preload (Electron) or the page bridge (browser) provides it. */
export interface MediaHostBridge {
  onCommand(listener: (command: MediaCommand) => void): () => void;
  emit(event: MediaEvent): void;
}

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
  /**
   * The network changed under the page (wake from sleep, a new address, a VPN): the SIP WebSocket may be
   * dead without knowing it. Open a fresh one and register again; calls stay.
   */
  z.object({ type: z.literal('reconnect') }),
  /** Always receive-only: answering never opens the microphone. */
  z.object({ type: z.literal('answer'), callId: z.string() }),
  /** Refuses a call that rings (or waits) with a final response. */
  z.object({ type: z.literal('decline'), callId: z.string(), statusCode: z.number().int().min(400).max(699) }),
  z.object({ type: z.literal('hangUp'), callId: z.string() }),
  /**
   * Opens the input device and holds its track, not yet on the call: nothing is sent until
   * `attachMicrophone`. Main asks GWS to go live only once this is confirmed.
   */
  z.object({ type: z.literal('acquireMicrophone'), callId: z.string(), inputDeviceId: z.string().nullable() }),
  /** Puts the held track on the call (two-way audio): the supervisor is heard from here. */
  z.object({ type: z.literal('attachMicrophone'), callId: z.string() }),
  /** Stops sending and ends the tracks at once; the call goes back to receive-only afterwards. */
  z.object({ type: z.literal('releaseMicrophone'), callId: z.string() }),
  /**
   * Moves a live call to the page's current network: a re-INVITE with fresh ICE credentials, once the
   * SIP connection it travels on is up. What the call sends does not change: the transceiver keeps its
   * direction and its sender its track (receive-only stays receive-only).
   */
  z.object({ type: z.literal('restartIce'), callId: z.string() }),
  z.object({ type: z.literal('setOutputDevice'), deviceId: z.string().nullable() }),
  z.object({ type: z.literal('setVolume'), callId: z.string(), volume: z.number().min(0).max(1) }),
  z.object({ type: z.literal('listDevices') }),
]);
export type MediaCommand = z.infer<typeof mediaCommandSchema>;

/** Which command a failure is about: one of the commands, or `malformed` for one that was not. */
export const mediaCommandNameSchema = z.enum([
  ...mediaCommandSchema.options.map((option) => option.shape.type.value),
  'malformed',
]);
export type MediaCommandName = z.infer<typeof mediaCommandNameSchema>;

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

/** acquired: device open, track held, nothing sent. sending: on the call. released: tracks ended, nothing sent. */
export const microphoneReportSchema = z.enum(['acquired', 'sending', 'released', 'failed']);
export type MicrophoneReport = z.infer<typeof microphoneReportSchema>;

/**
 * How a call's ICE restart ended: `restarted` (the far end took the new path), `call-gone` (481: the
 * server no longer has the call), `no-answer` (no final answer in time, or the connection failed) or
 * `refused` (any other refusal, or the call ended meanwhile).
 */
export const iceRestartOutcomeSchema = z.enum(['restarted', 'call-gone', 'no-answer', 'refused']);
export type IceRestartOutcome = z.infer<typeof iceRestartOutcomeSchema>;

/** A call the media host still holds when it (re)connects: main ends it, so no leg outlives main's knowledge. */
const heldCallSchema = z.object({ callId: z.string(), microphoneLive: z.boolean() });

export const mediaEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), calls: z.array(heldCallSchema).max(100) }),
  /** The page is going away (closed or reloaded) and has ended every track and call. */
  z.object({ type: z.literal('goodbye') }),
  z.object({ type: z.literal('registration'), state: registrationStateSchema, reason: z.string().nullable() }),
  z.object({
    type: z.literal('incomingCall'),
    /** The media host's id for this leg (JsSIP session id: Call-ID plus From tag). */
    callId: z.string(),
    /** The SIP Call-ID header: a second INVITE with a Call-ID already known is never answered. */
    sipCallId: z.string(),
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
  /** The far end renegotiated (re-INVITE); the media host answered without opening the microphone. */
  z.object({ type: z.literal('reoffer'), callId: z.string(), offeredDirection: z.string(), at: z.number() }),
  /** What came of a `restartIce`; a failed one is reported before the call's end, when it ends. */
  z.object({
    type: z.literal('iceRestart'),
    callId: z.string(),
    outcome: iceRestartOutcomeSchema,
    /** The far end's answer or what went wrong, in words; null when restarted. */
    reason: z.string().nullable(),
    at: z.number(),
  }),
  /** The first audio packet arrived (the remote track unmuted). */
  z.object({ type: z.literal('firstAudio'), callId: z.string(), at: z.number() }),
  z.object({ type: z.literal('callStats'), callId: z.string(), at: z.number(), stats: callStatsSchema }),
  z.object({
    type: z.literal('microphone'),
    callId: z.string(),
    state: microphoneReportSchema,
    /** Why it failed (permission denied, no device, renegotiation refused); null otherwise. */
    error: z.string().nullable(),
    at: z.number(),
  }),
  z.object({
    type: z.literal('devices'),
    outputs: z.array(audioDeviceSchema),
    inputs: z.array(audioDeviceSchema),
    outputSelectionSupported: z.boolean(),
  }),
  z.object({
    type: z.literal('commandFailed'),
    command: mediaCommandNameSchema,
    /** The leg the command was for, where it had one. */
    callId: z.string().nullable(),
    reason: z.string(),
  }),
]);
export type MediaEvent = z.infer<typeof mediaEventSchema>;

export const MEDIA_SOCKET_PATH = '/media-bridge';
/** Electron IPC channels of the media host window: commands from main, events to main. */
export const MEDIA_COMMAND_CHANNEL = 'media:command';
export const MEDIA_EVENT_CHANNEL = 'media:event';
export const MEDIA_BRIDGE_GLOBAL_NAME = 'earshotMedia';

/** What the media host page sees: the preload (Electron) or the page bridge (browser) provides it. */
export interface MediaHostBridge {
  onCommand(listener: (command: MediaCommand) => void): () => void;
  /**
   * The link to main is lost while the page lives on (the browser edition's socket dropped): the
   * page must end its calls and microphone at once. Electron's IPC is never lost while the page lives.
   */
  onLost(listener: () => void): () => void;
  emit(event: MediaEvent): void;
  /**
   * Someone sees the page: the browser edition's audio window is on screen, Electron's media window
   * is never shown. The page runs its level meters and call clocks only where someone sees them.
   */
  readonly shown: boolean;
}

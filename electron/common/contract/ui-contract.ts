import { z } from 'zod';
import { stateChangesFrameSchema, stateSnapshotSchema } from '../models/state-changes';
import { auditExportSchema, auditFilterSchema, auditPageSchema, auditQuerySchema } from '../models/audit';
import { messagingChannelSchema, messagingFrequencySchema, messagingModeSchema } from '../models/messaging';
import {
  caCertificatePemSchema,
  caCertificateSummarySchema,
  profileSignInRequestSchema,
  serverProfileIdSchema,
  serverProfileInputSchema,
  settingsPatchSchema,
} from '../models/settings';
import { monitoringScopeSchema, switchTargetSchema, voiceFrequencySchema, voiceModeSchema } from '../models/voice';
import { signInDefaultsSchema, signInRequestSchema } from './sign-in';

const callRef = { callId: z.string().min(1) };

/**
 * The one contract between main and the UI window. Channels are `domain:verb` and take one payload
 * object. Every invoke resolves to a Result (see ../result.ts); errors are data, never exceptions.
 * Both transports (Electron IPC and the browser host's WebSocket) carry exactly this.
 */
export const uiInvokeContract = {
  'session:getSignInDefaults': { request: z.object({}).strict(), response: signInDefaultsSchema },
  'session:signIn': { request: signInRequestSchema, response: z.null() },
  /** Signs in with a saved server profile; a password left out means "use the remembered one". */
  'session:signInWithProfile': { request: profileSignInRequestSchema, response: z.null() },
  'session:signOut': { request: z.object({}).strict(), response: z.null() },
  'session:cancelSignIn': { request: z.object({}).strict(), response: z.null() },
  /** The state as of the last change sent: where a window starts, and what it asks for on a gap. */
  'state:get': { request: z.object({}).strict(), response: stateSnapshotSchema },
  /**
   * The team rows on screen now, top to bottom. Main refreshes those agents first within its GWS
   * request budget; the UI sends it when the rows in view change.
   */
  'team:showRows': {
    request: z.object({ agentIds: z.array(z.string().min(1)).max(200) }).strict(),
    response: z.null(),
  },
  'voice:monitor': {
    request: z
      .object({
        agentId: z.string().min(1),
        mode: voiceModeSchema,
        scope: monitoringScopeSchema.default('Call'),
        frequency: voiceFrequencySchema.default('AllCalls'),
      })
      .strict(),
    response: z.null(),
  },
  'voice:cancelMonitoring': { request: z.object({}).strict(), response: z.null() },
  'voice:dismissSubscriptionNotice': { request: z.object({}).strict(), response: z.null() },
  'voice:switchMode': {
    request: z.object({ ...callRef, mode: switchTargetSchema }).strict(),
    response: z.null(),
  },
  /** Opens (talk) or closes the supervisor's own microphone in the call's current mode. */
  'voice:setMicrophone': { request: z.object({ ...callRef, open: z.boolean() }).strict(), response: z.null() },
  'voice:muteAgent': { request: z.object({ ...callRef, muted: z.boolean() }).strict(), response: z.null() },
  'voice:hangUp': { request: z.object(callRef).strict(), response: z.null() },
  'voice:setVolume': {
    request: z.object({ ...callRef, volume: z.number().min(0).max(1) }).strict(),
    response: z.null(),
  },
  'voice:answerIncoming': { request: z.object(callRef).strict(), response: z.null() },
  'voice:declineIncoming': { request: z.object(callRef).strict(), response: z.null() },
  /** Browser edition: the address of a fresh audio page, for the UI to open after the supervisor closed it. */
  'audio:reopenEngine': { request: z.object({}).strict(), response: z.object({ url: z.string() }) },
  'audio:selectOutput': { request: z.object({ deviceId: z.string().nullable() }).strict(), response: z.null() },
  'audio:selectInput': { request: z.object({ deviceId: z.string().nullable() }).strict(), response: z.null() },
  'messaging:monitor': {
    request: z
      .object({
        agentId: z.string().min(1),
        channel: messagingChannelSchema,
        mode: messagingModeSchema,
        frequency: messagingFrequencySchema.default('AllChats'),
        nickname: z.string().trim().max(64).optional(),
      })
      .strict(),
    response: z.null(),
  },
  'messaging:cancelMonitoring': {
    request: z.object({ agentId: z.string().min(1), channel: messagingChannelSchema }).strict(),
    response: z.null(),
  },
  'messaging:switchMode': {
    request: z.object({ conversationId: z.string().min(1), mode: messagingModeSchema }).strict(),
    response: z.null(),
  },
  'messaging:send': {
    request: z
      .object({ conversationId: z.string().min(1), text: z.string().trim().min(1, 'Write a message first').max(4000) })
      .strict(),
    response: z.null(),
  },
  'messaging:leave': {
    request: z.object({ conversationId: z.string().min(1), farewell: z.string().trim().max(1000).optional() }).strict(),
    response: z.null(),
  },
  /** The settings commands answer once main holds the change; the settings come in the state. */
  'settings:update': { request: settingsPatchSchema, response: z.null() },
  'settings:dismissNotice': { request: z.object({}).strict(), response: z.null() },
  'settings:saveServerProfile': { request: serverProfileInputSchema, response: z.null() },
  /** Reads a CA certificate file before it is saved with a profile: what it is, or why it cannot be used. */
  'settings:inspectCaCertificate': {
    request: z.object({ pem: caCertificatePemSchema }).strict(),
    response: z.array(caCertificateSummarySchema).readonly(),
  },
  'settings:deleteServerProfile': {
    request: z.object({ profileId: serverProfileIdSchema }).strict(),
    response: z.null(),
  },
  'audit:list': { request: auditQuerySchema, response: auditPageSchema },
  /** The CSV comes back as text, so both editions can save it as a download. */
  'audit:exportCsv': { request: auditFilterSchema, response: auditExportSchema },
  'diagnostics:get': { request: z.object({}).strict(), response: z.object({ text: z.string() }) },
} as const;

export const uiEventContract = {
  /** What changed, numbered (models/state-changes.ts). */
  'state:changes': stateChangesFrameSchema,
} as const;

export type UiInvokeChannel = keyof typeof uiInvokeContract;
export type UiEventChannel = keyof typeof uiEventContract;
export type UiRequest<C extends UiInvokeChannel> = z.input<(typeof uiInvokeContract)[C]['request']>;
export type UiParsedRequest<C extends UiInvokeChannel> = z.output<(typeof uiInvokeContract)[C]['request']>;
export type UiResponse<C extends UiInvokeChannel> = z.output<(typeof uiInvokeContract)[C]['response']>;
export type UiEventPayload<C extends UiEventChannel> = z.output<(typeof uiEventContract)[C]>;

export function isUiInvokeChannel(value: unknown): value is UiInvokeChannel {
  return typeof value === 'string' && Object.hasOwn(uiInvokeContract, value);
}

export function isUiEventChannel(value: unknown): value is UiEventChannel {
  return typeof value === 'string' && Object.hasOwn(uiEventContract, value);
}

import { z } from 'zod';
import { appStateSchema } from '../models/app-state';
import { signInDefaultsSchema, signInRequestSchema } from './sign-in';

/**
 * The one contract between main and the UI window. Channels are `domain:verb` and take one payload
 * object. Every invoke resolves to a Result (see ../result.ts); errors are data, never exceptions.
 * Both transports (Electron IPC and the browser host's WebSocket) carry exactly this.
 */
export const uiInvokeContract = {
  'session:getSignInDefaults': { request: z.object({}).strict(), response: signInDefaultsSchema },
  'session:signIn': { request: signInRequestSchema, response: z.null() },
  'session:signOut': { request: z.object({}).strict(), response: z.null() },
  'state:get': { request: z.object({}).strict(), response: appStateSchema },
} as const;

export const uiEventContract = {
  'state:changed': appStateSchema,
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

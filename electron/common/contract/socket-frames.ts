import { z } from 'zod';

/**
 * How the browser host carries the UI contract over a WebSocket: the same invokes and events as
 * Electron IPC, wrapped in frames. Both ends parse every frame.
 */
export const clientFrameSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(100),
    payload: z.unknown(),
  }),
  /** The supervisor chose "Use here" in a tab that waits: it becomes the one in use. */
  z.object({ kind: z.literal('takeOver') }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/**
 * Only one tab controls Earshot at a time. `in-use`: this one (it gets events and may invoke);
 * `in-use-elsewhere`: another one, so this tab waits until the supervisor takes over here.
 */
export const uiPresenceSchema = z.enum(['in-use', 'in-use-elsewhere']);
export type UiPresence = z.infer<typeof uiPresenceSchema>;

export const serverFrameSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ kind: z.literal('event'), channel: z.string(), payload: z.unknown() }),
  z.object({ kind: z.literal('presence'), presence: uiPresenceSchema }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;

export const UI_SOCKET_PATH = '/ui-bridge';
/** The query parameter with the tab's own id, the same across its reloads. */
export const UI_SOCKET_TAB_PARAMETER = 'tab';
/** The close code a tab gets when another one took over: it says so instead of reconnecting. */
export const UI_SOCKET_TAKEN_OVER = 4409;

/** The media page's socket names the policy generation it was served with (MediaPagePolicy). */
export const MEDIA_SOCKET_POLICY_PARAMETER = 'policy';
/** The close code that tells a media page to reload at once: its policy no longer allows the SIP server. */
export const MEDIA_SOCKET_RELOAD = 4001;

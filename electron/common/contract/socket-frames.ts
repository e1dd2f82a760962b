import { z } from 'zod';

/**
 * How the browser host carries the UI contract over a WebSocket: the same invokes and events as
 * Electron IPC, wrapped in frames. Both ends parse every frame.
 */
export const clientFrameSchema = z.object({
  kind: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export type ClientFrame = z.infer<typeof clientFrameSchema>;

export const serverFrameSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ kind: z.literal('event'), channel: z.string(), payload: z.unknown() }),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;

export const UI_SOCKET_PATH = '/ui-bridge';

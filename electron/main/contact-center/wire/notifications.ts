import { z } from 'zod';
import { deviceSchema } from './users';

/**
 * A CometD delivery. Real servers send `{channel, data:{messageType…}}`; several doc pages show the
 * bare `data` object (gws-api.md §3.3), so both are accepted and normalised to the envelope.
 */
export const notificationEnvelopeSchema = z.union([
  z.looseObject({ channel: z.string(), data: z.looseObject({ messageType: z.string() }) }),
  z.looseObject({ messageType: z.string() }).transform((data) => ({ channel: '', data })),
]);
export type NotificationEnvelope = z.infer<typeof notificationEnvelopeSchema>;

export const deviceStateChangeMessageSchema = z.looseObject({
  messageType: z.literal('DeviceStateChangeMessage'),
  devices: z.array(deviceSchema),
});

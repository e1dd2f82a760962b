import { z } from 'zod';
import { secondsSchema, wireIdSchema } from './common';

/**
 * Call participants come as objects in 8.5.2+ and as plain strings (with `participantsInfo`) in
 * older pages (gws-api.md §10.7); both become phone numbers.
 */
const participantSchema = z.union([
  z.string().transform((phoneNumber) => ({ phoneNumber })),
  z
    .looseObject({
      phoneNumber: z.string().optional(),
      digits: z.string().optional(),
      formattedPhoneNumber: z.string().optional(),
    })
    .transform((participant) => ({
      phoneNumber: participant.phoneNumber ?? participant.digits ?? participant.formattedPhoneNumber ?? '',
    })),
]);

const onOffSchema = z
  .union([z.enum(['On', 'Off']), z.boolean()])
  .transform((value) => value === 'On' || value === true);

export const callSchema = z.looseObject({
  id: wireIdSchema,
  state: z.string(),
  callUuid: z.string().optional(),
  connId: z.string().optional(),
  callType: z.string().optional(),
  deviceUri: z.string().optional(),
  ani: z.string().optional(),
  dnis: z.string().optional(),
  participants: z.array(participantSchema).optional(),
  capabilities: z.array(z.string()).optional(),
  duration: secondsSchema.optional(),
  /** The supervisor's own leg: On while listening silently. */
  mute: onOffSchema.optional(),
  monitoredUserMuted: z.boolean().optional(),
  supervisorListeningIn: z.boolean().optional(),
  monitoring: z.boolean().optional(),
  userData: z.record(z.string(), z.unknown()).optional(),
});
export type WireCall = z.infer<typeof callSchema>;

export const callStateChangeMessageSchema = z.looseObject({
  messageType: z.literal('CallStateChangeMessage'),
  notificationType: z.string().optional(),
  call: callSchema,
  phoneNumber: z.string().optional(),
});

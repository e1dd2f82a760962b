import { z } from 'zod';
import { userStateSchema, wireIdSchema } from './common';

export const supervisorMonitoringStateSchema = z.looseObject({
  state: z.string(),
  mode: z.string().optional(),
  scope: z.string().optional(),
  /** Empty when monitoring was requested by phone number (8.6.0, seed 004). */
  targetDeviceUri: z.string().optional(),
  phoneNumber: z.string().optional(),
  switchName: z.string().optional(),
});

export const deviceSchema = z.looseObject({
  id: wireIdSchema,
  deviceState: z.string().optional(),
  userState: userStateSchema.optional(),
  phoneNumber: z.string().optional(),
  e164Number: z.string().optional(),
  telephonyNetwork: z.string().optional(),
  doNotDisturb: z.string().optional(),
  capabilities: z.array(z.string()).default([]),
  supervisorMonitoringState: supervisorMonitoringStateSchema.optional(),
  uri: z.string().optional(),
});
export type WireDevice = z.infer<typeof deviceSchema>;

/** An agent's live chat or SMS session as listed under user subresources (A.12). */
export const interactionSummarySchema = z.looseObject({
  id: wireIdSchema,
  receivedDate: z.string().optional(),
  capabilities: z.array(z.string()).optional(),
});

export const userSchema = z.looseObject({
  id: wireIdSchema,
  userName: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  roles: z.array(z.string()).default([]),
  enabled: z.boolean().optional(),
  uri: z.string().optional(),
  devices: z.array(deviceSchema).optional(),
  chats: z.array(interactionSummarySchema).optional(),
  smssessions: z.array(interactionSummarySchema).optional(),
  /** Only on the signed-in user's own resource; parsed where they are used (calls.ts). */
  calls: z.array(z.unknown()).optional(),
});
export type WireUser = z.infer<typeof userSchema>;

export const userResponseSchema = z.looseObject({ statusCode: z.literal(0), user: userSchema });

export const availabilityChannelSchema = z.looseObject({
  channel: z.string(),
  available: z.boolean().optional(),
  phoneNumber: z.string().optional(),
  userActivity: z.string().optional(),
  userState: userStateSchema.optional(),
});
export type WireAvailabilityChannel = z.infer<typeof availabilityChannelSchema>;

export const contactSchema = z.looseObject({
  id: wireIdSchema,
  type: z.string().optional(),
  name: z.string().optional(),
  userName: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  roles: z.array(z.string()).optional(),
  phoneNumbers: z
    .array(
      z.looseObject({ phoneNumber: z.string(), description: z.string().optional(), switchName: z.string().optional() }),
    )
    .optional(),
  availability: z.looseObject({ channels: z.array(availabilityChannelSchema).default([]) }).optional(),
  /**
   * Agent groups. The A.13 sample shows only `[]`; names or `{id, name}` objects are both taken,
   * and an entry without a name is dropped rather than failing the contact.
   */
  businessUnits: z
    .array(z.unknown())
    .optional()
    .transform((units) => (units ?? []).flatMap(businessUnitName)),
});
export type WireContact = z.infer<typeof contactSchema>;

const namedUnitSchema = z.looseObject({ name: z.string().optional(), displayName: z.string().optional() });

function businessUnitName(unit: unknown): string[] {
  if (typeof unit === 'string') return unit.trim() === '' ? [] : [unit.trim()];
  const named = namedUnitSchema.safeParse(unit);
  const name = named.success ? (named.data.displayName ?? named.data.name ?? '').trim() : '';
  return name === '' ? [] : [name];
}

export const contactsResponseSchema = z.looseObject({
  statusCode: z.literal(0),
  totalCount: z.number().int().optional(),
  contacts: z.array(z.unknown()).default([]),
});

import { z } from 'zod';

/** The SIP user agent's registration as the media host reports it and the header shows it. */
export const registrationStateSchema = z.enum(['unregistered', 'connecting', 'registered', 'failed']);
export type RegistrationState = z.infer<typeof registrationStateSchema>;

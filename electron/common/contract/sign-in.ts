import { z } from 'zod';

const httpUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter the server address as http://host:port or https://host:port' }));

const sipWebSocketUrl = z
  .string()
  .trim()
  .pipe(
    z.url({
      protocol: /^wss?$/,
      error: 'Enter the SIP WebSocket address as ws://host:port/path or wss://host:port/path',
    }),
  );

export const sipAccountSchema = z.object({
  webSocketUrl: sipWebSocketUrl,
  /** sip:5005@example.com, or the bare extension. */
  sipUri: z.string().trim().min(1, 'Enter the SIP URI or extension'),
  authorizationUser: z.string().trim(),
  password: z.string(),
});
export type SipAccount = z.infer<typeof sipAccountSchema>;

export const serverChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({ kind: z.literal('gws'), baseUrl: httpUrl }),
]);

export const signInRequestSchema = z.object({
  server: serverChoiceSchema,
  userName: z.string().trim().min(1, 'Enter your user name'),
  password: z.string(),
  /** Omitted for the demo contact center, whose SIP account main fills in itself. */
  sip: sipAccountSchema.optional(),
  /** The supervisor agreed to sign in over http:// or ws:// to another computer (transport-security.ts). */
  acceptUnencrypted: z.boolean().optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInDefaultsSchema = z.object({
  demo: z.object({ available: z.boolean(), userName: z.string(), password: z.string() }),
  lastServer: z.object({ baseUrl: z.string(), userName: z.string() }).nullable(),
});
export type SignInDefaults = z.infer<typeof signInDefaultsSchema>;

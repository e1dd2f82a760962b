import { z } from 'zod';
import { messagingFrequencySchema, messagingModeSchema } from './messaging';
import { monitoringScopeSchema, voiceFrequencySchema, voiceModeSchema } from './voice';

/**
 * The settings file (settings.json in the user-data folder). It holds no passwords: a profile only
 * says whether its passwords are remembered, and those live encrypted in the secret store.
 * Missing sections take their defaults, so a hand-written file may leave out what it does not change.
 */
export const SETTINGS_VERSION = 1;

const gwsUrlSchema = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter the server address as http://host:port or https://host:port' }));

const sipWebSocketUrlSchema = z
  .string()
  .trim()
  .pipe(
    z.url({
      protocol: /^wss?$/,
      error: 'Enter the SIP WebSocket address as ws://host:port/path or wss://host:port/path',
    }),
  );

/** A SIP account without its password. */
export const sipProfileSchema = z.object({
  webSocketUrl: sipWebSocketUrlSchema,
  sipUri: z.string().trim().min(1, 'Enter the SIP URI or extension').max(256),
  authorizationUser: z.string().trim().max(128),
});

export const serverProfileIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A server profile id is 1–64 letters, digits, - or _');

/**
 * The organisation's CA certificate(s) as PEM text, imported when the profile is saved: a path to a
 * file would break sign-in silently once the file moved. Main checks the certificates themselves
 * (node:crypto) on save and at sign-in; this only bounds the text.
 */
export const caCertificatePemSchema = z
  .string()
  .max(64_000, 'The CA certificate file is too large: choose the file with only the CA certificate')
  .includes('-----BEGIN CERTIFICATE-----', {
    error: 'Choose a CA certificate in PEM form (-----BEGIN CERTIFICATE-----)',
  });

/** What the sign-in screen shows of a CA certificate, read by main. */
export const caCertificateSummarySchema = z.object({
  subject: z.string(),
  /** When it stops being valid, epoch ms. */
  expiresAt: z.number(),
});
export type CaCertificateSummary = z.infer<typeof caCertificateSummarySchema>;

/** One named Genesys server the supervisor signs in to, with the SIP account that plays its calls. */
export const serverProfileSchema = z.object({
  id: serverProfileIdSchema,
  name: z.string().trim().min(1, 'Give the server a name').max(80),
  gwsUrl: gwsUrlSchema,
  userName: z.string().trim().max(128),
  sip: sipProfileSchema.nullable(),
  rememberPassword: z.boolean(),
  /** The http:// and ws:// addresses of this profile the supervisor agreed to use unencrypted. */
  acceptedUnencryptedUrls: z.array(z.string().max(2048)).max(2).default([]),
  /**
   * Trusted for this server's https:// (GWS) and, in the desktop app, wss:// (SIP) besides the
   * system's CAs; null for the system's alone. Added within version 1: older files have none.
   */
  caCertificate: caCertificatePemSchema.nullable().default(null),
});
export type ServerProfile = z.infer<typeof serverProfileSchema>;

export const serversSettingsSchema = z
  .object({
    profiles: z.array(serverProfileSchema).max(50),
    /** The profile the sign-in screen preselects; null for the demo contact center. */
    lastProfileId: serverProfileIdSchema.nullable(),
  })
  .superRefine((servers, context) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    servers.profiles.forEach((profile, index) => {
      if (ids.has(profile.id))
        context.addIssue({
          code: 'custom',
          path: ['profiles', index, 'id'],
          message: `Two server profiles share the id “${profile.id}”`,
        });
      const name = profile.name.toLowerCase();
      if (names.has(name))
        context.addIssue({
          code: 'custom',
          path: ['profiles', index, 'name'],
          message: `Two server profiles are named “${profile.name}”`,
        });
      ids.add(profile.id);
      names.add(name);
    });
  });
export type ServersSettings = z.infer<typeof serversSettingsSchema>;

/** What the monitor menus preselect. */
export const monitoringDefaultsSchema = z.object({
  voice: z.object({ mode: voiceModeSchema, scope: monitoringScopeSchema, frequency: voiceFrequencySchema }),
  messaging: z.object({
    mode: messagingModeSchema,
    frequency: messagingFrequencySchema,
    /** The name customers and agents see when the supervisor writes; null for the user name. */
    nickname: z.string().trim().min(1).max(64).nullable(),
  }),
});
export type MonitoringDefaults = z.infer<typeof monitoringDefaultsSchema>;

export const audioSettingsSchema = z.object({
  /** Null follows the system default device. */
  outputDeviceId: z.string().max(512).nullable(),
  inputDeviceId: z.string().max(512).nullable(),
  /** The volume a new monitored call starts at. */
  volume: z.number().min(0).max(1),
});
export type AudioSettings = z.infer<typeof audioSettingsSchema>;

export const hotkeyActionSchema = z.enum(['listen', 'bargeIn', 'toggleCoach', 'hangUp']);
export type HotkeyAction = z.infer<typeof hotkeyActionSchema>;

/**
 * Electron accelerator strings ("CommandOrControl+Alt+Shift+L"), or null for no hotkey. Their
 * grammar and conflicts are checked in main (platform/hotkeys.ts), which registers them.
 */
export const hotkeySettingsSchema = z.object({
  listen: z.string().max(100).nullable(),
  bargeIn: z.string().max(100).nullable(),
  toggleCoach: z.string().max(100).nullable(),
  hangUp: z.string().max(100).nullable(),
});
export type HotkeySettings = z.infer<typeof hotkeySettingsSchema>;

/** Keys inside Earshot's own window (not the global hotkeys). */
export const keyboardSettingsSchema = z.object({
  /**
   * Shortcuts of one character key (L, M, Shift+H, /). Off leaves only the modifier chord and the
   * buttons, for supervisors whose speech input or stray keys would set them off (WCAG 2.1.4).
   */
  singleKeyShortcuts: z.boolean(),
});
export type KeyboardSettings = z.infer<typeof keyboardSettingsSchema>;

export const themeSchema = z.enum(['light', 'dark', 'system']);
export type Theme = z.infer<typeof themeSchema>;

export const notificationSettingsSchema = z.object({
  voice: z.boolean(),
  chat: z.boolean(),
  sms: z.boolean(),
  /** Voice notices while a monitored call's audio plays: off by default, the supervisor is listening already. */
  voiceWhileAudioPlays: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

interface SettingsSections {
  servers: ServersSettings;
  monitoring: MonitoringDefaults;
  audio: AudioSettings;
  hotkeys: HotkeySettings;
  keyboard: KeyboardSettings;
  theme: Theme;
  notifications: NotificationSettings;
}

/** Fresh objects every call, so no caller can change another's defaults. */
const defaultSections = (): SettingsSections => ({
  servers: { profiles: [], lastProfileId: null },
  monitoring: {
    voice: { mode: 'ListenIn', scope: 'Call', frequency: 'AllCalls' },
    messaging: { mode: 'Monitor', frequency: 'AllChats', nickname: null },
  },
  audio: { outputDeviceId: null, inputDeviceId: null, volume: 1 },
  // Three modifiers: a global hotkey fires in every application, and a stray Barge in is heard by the customer.
  hotkeys: {
    listen: 'CommandOrControl+Alt+Shift+L',
    bargeIn: 'CommandOrControl+Alt+Shift+B',
    toggleCoach: 'CommandOrControl+Alt+Shift+C',
    hangUp: 'CommandOrControl+Alt+Shift+H',
  },
  keyboard: { singleKeyShortcuts: true },
  theme: 'system',
  notifications: { voice: true, chat: true, sms: true, voiceWhileAudioPlays: false },
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  servers: serversSettingsSchema.default(() => defaultSections().servers),
  monitoring: monitoringDefaultsSchema.default(() => defaultSections().monitoring),
  audio: audioSettingsSchema.default(() => defaultSections().audio),
  hotkeys: hotkeySettingsSchema.default(() => defaultSections().hotkeys),
  // Added within version 1: a file written before it has no such section and takes the default.
  keyboard: keyboardSettingsSchema.default(() => defaultSections().keyboard),
  theme: themeSchema.default('system'),
  notifications: notificationSettingsSchema.default(() => defaultSections().notifications),
});
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, ...defaultSections() };
}

/** A change from the settings screen: each section given replaces that section whole. Servers change one profile at a time. */
export const settingsPatchSchema = z
  .object({
    monitoring: monitoringDefaultsSchema,
    audio: audioSettingsSchema,
    hotkeys: hotkeySettingsSchema,
    keyboard: keyboardSettingsSchema,
    theme: themeSchema,
    notifications: notificationSettingsSchema,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Shown once after start-up when the settings file could not be used as it was. */
export const settingsNoticeSchema = z.object({
  message: z.string(),
  /** Where the unusable file was moved, so the supervisor can copy anything from it. */
  keptAs: z.string().nullable(),
});
export type SettingsNotice = z.infer<typeof settingsNoticeSchema>;

/** Whether this edition of Earshot can do something, and if not why, in words for the supervisor. */
export const featureSupportSchema = z.object({
  available: z.boolean(),
  /** Why the option is disabled, in words for the supervisor; null when available. */
  unavailableReason: z.string().nullable(),
});

/** What the settings screen and the sign-in screen read, pushed by main in the app state (`settings`). */
export const settingsViewSchema = z.object({
  settings: settingsSchema,
  notice: settingsNoticeSchema.nullable(),
  rememberPassword: featureSupportSchema,
  /**
   * What the desktop app does outside its window: global hotkeys, the tray icon and system
   * notifications. The browser edition cannot, and says so rather than offer them.
   */
  desktopFeatures: featureSupportSchema,
  /** Profiles whose passwords are stored, so sign-in can leave the password empty. */
  rememberedProfileIds: z.array(serverProfileIdSchema).readonly(),
  /** Hotkeys the system refused or that clash, by action, in words. Filled in by the shell. */
  hotkeyProblems: z.partialRecord(hotkeyActionSchema, z.string()),
  /** Each profile's CA certificates as main reads them, by profile id; profiles without one are absent. */
  caCertificates: z.record(serverProfileIdSchema, z.array(caCertificateSummarySchema).readonly()),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Adds or replaces a profile (`settings:saveServerProfile`); an omitted id adds a new one. */
export const serverProfileInputSchema = serverProfileSchema
  .omit({ id: true, rememberPassword: true, acceptedUnencryptedUrls: true })
  // Required here, so a form that forgot the field cannot drop a profile's CA by saving.
  .extend({ id: serverProfileIdSchema.optional(), caCertificate: caCertificatePemSchema.nullable() })
  .strict();
export type ServerProfileInput = z.infer<typeof serverProfileInputSchema>;

/** Sign-in with a saved profile (`session:signInWithProfile`); an omitted password means "use the remembered one". */
export const profileSignInRequestSchema = z
  .object({
    profileId: serverProfileIdSchema,
    password: z.string().optional(),
    sipPassword: z.string().optional(),
    rememberPassword: z.boolean(),
    /** As in `session:signIn`; remembered on the profile once the sign-in succeeds. */
    acceptUnencrypted: z.boolean().optional(),
  })
  .strict();
export type ProfileSignInRequest = z.infer<typeof profileSignInRequestSchema>;

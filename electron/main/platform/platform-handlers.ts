import { randomUUID } from 'node:crypto';
import type { AuditExport, AuditFilter, AuditPage, AuditQuery } from '../../common/models/audit';
import { hotkeyLabels } from '../../common/models/hotkey-labels';
import type {
  CaCertificateSummary,
  HotkeyAction,
  ServerProfile,
  ServerProfileInput,
  SettingsPatch,
  SettingsView,
} from '../../common/models/settings';
import { err, ok, type Result } from '../../common/result';
import { sameValue } from '../../common/same-value';
import { updateAppState, type AppStore } from '../state/app-store';
import { readCaCertificates, summarizeCaCertificates, type TrustedCas } from '../trust/ca-certificates';
import type { AuditTrail } from './audit-trail';
import { hotkeyProblems } from './hotkeys';
import { diagnosticsText, type LogFiles } from './log-files';
import type { Logger } from './logger';
import { RememberedCredentials } from './remembered-credentials';
import type { SecretStore } from './secret-store';
import type { SettingsStore } from './settings-store';

export interface PlatformHandlersOptions {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly audit: Pick<AuditTrail, 'list' | 'exportCsv'>;
  /** Null where logs go only to stderr. */
  readonly logFiles: Pick<LogFiles, 'recentLines'> | null;
  readonly store: AppStore;
  readonly about: { readonly appVersion: string; readonly platform: string; readonly runtime: string };
  /** Null in the desktop app; the browser edition says why it has no global hotkeys, tray or notifications. */
  readonly desktopFeaturesMissing: string | null;
  /** Hotkeys the system refused to register (another application holds them), from the shell. */
  readonly hotkeyRegistrationProblems?: () => Partial<Record<HotkeyAction, string>>;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly newProfileId?: () => string;
  /** The CA certificate the signed-in session trusts besides the system's, for the diagnostics. */
  readonly sessionCa?: () => TrustedCas | null;
}

/** How many log lines "Copy diagnostics" carries. */
const diagnosticsLogLines = 200;

/**
 * Handlers for the settings, audit and diagnostics commands of the UI contract, one function per
 * channel, plus the two steps of signing in with a saved profile. Each takes the parsed request and
 * returns a Result, as createUiInvoke expects.
 */
export function createPlatformHandlers(options: PlatformHandlersOptions) {
  const { settings, secrets, logger } = options;
  const now = options.now ?? Date.now;
  const newProfileId = options.newProfileId ?? randomUUID;
  const platformName = options.about.platform.split(' ')[0] ?? process.platform;
  const credentials = new RememberedCredentials({ settings, secrets, logger });

  const view = async (): Promise<SettingsView> => {
    const current = settings.get();
    return {
      settings: current,
      notice: settings.notice(),
      rememberPassword: { available: secrets.available, unavailableReason: secrets.unavailableReason },
      rememberedProfileIds: await credentials.rememberedProfileIds(),
      hotkeyProblems: { ...hotkeyProblems(current.hotkeys, platformName), ...options.hotkeyRegistrationProblems?.() },
      desktopFeatures: {
        available: options.desktopFeaturesMissing === null,
        unavailableReason: options.desktopFeaturesMissing,
      },
      caCertificates: Object.fromEntries(
        current.servers.profiles.flatMap((profile) =>
          profile.caCertificate === null ? [] : [[profile.id, summarizeCaCertificates(profile.caCertificate)]],
        ),
      ),
    };
  };

  /**
   * Puts the settings view into the app state, from where it reaches every window like the rest.
   * Reads can overlap (remembered passwords are read from the keyring): only the latest one started
   * is written, so an older view never replaces a newer one.
   */
  let publishing = 0;
  const publishSettings = async (): Promise<void> => {
    publishing += 1;
    const started = publishing;
    const next = await view();
    if (started !== publishing) return;
    updateAppState(options.store, (state) => (sameValue(state.settings, next) ? state : { ...state, settings: next }));
  };

  /** The change is in the state by the time the command answers, so the window never waits for it. */
  const publishedAfter = async (result: Result<unknown>): Promise<Result<null>> => {
    if (!result.ok) return result;
    await publishSettings();
    return ok(null);
  };

  return {
    publishSettings,

    updateSettings: async (patch: SettingsPatch): Promise<Result<null>> =>
      publishedAfter(settings.update((current) => ({ ...current, ...patch }))),

    dismissSettingsNotice: async (): Promise<Result<null>> => {
      settings.dismissNotice();
      return publishedAfter(ok(null));
    },

    saveServerProfile: async (input: ServerProfileInput): Promise<Result<null>> => {
      const existing = input.id
        ? settings.get().servers.profiles.find((profile) => profile.id === input.id)
        : undefined;
      if (input.id && !existing) return err('invalid-input', 'That server profile no longer exists. Add it again.');
      // A remembered password belongs to the server it was typed for: it never follows the profile elsewhere.
      const gwsMoved =
        existing !== undefined && (existing.gwsUrl !== input.gwsUrl || existing.userName !== input.userName);
      const before = existing?.sip;
      const sipMoved = before
        ? input.sip === null || before.webSocketUrl !== input.sip.webSocketUrl || before.sipUri !== input.sip.sipUri
        : false;
      const addresses = [input.gwsUrl, input.sip?.webSocketUrl];
      const ca = input.caCertificate === null ? null : readCaCertificates(input.caCertificate, now());
      if (ca !== null && !ca.ok) return ca;
      const profile: ServerProfile = {
        ...input,
        caCertificate: ca === null ? null : ca.value.pem,
        id: existing?.id ?? newProfileId(),
        rememberPassword: existing !== undefined && existing.rememberPassword && !gwsMoved,
        // Agreeing to http:// or ws:// holds for that address only, never for one typed later.
        acceptedUnencryptedUrls: (existing?.acceptedUnencryptedUrls ?? []).filter((url) => addresses.includes(url)),
      };
      const updated = settings.update((current) => ({
        ...current,
        servers: {
          ...current.servers,
          profiles: existing
            ? current.servers.profiles.map((candidate) => (candidate.id === profile.id ? profile : candidate))
            : [...current.servers.profiles, profile],
        },
      }));
      if (updated.ok && gwsMoved) await credentials.forget(profile.id);
      else if (updated.ok && sipMoved) await credentials.forget(profile.id, 'sip');
      return publishedAfter(updated);
    },

    /** Reads a CA certificate file the supervisor chose, before it is saved with the profile. */
    inspectCaCertificate: async (request: { pem: string }): Promise<Result<readonly CaCertificateSummary[]>> => {
      const read = readCaCertificates(request.pem, now());
      return read.ok ? ok(read.value.summary) : read;
    },

    deleteServerProfile: async (request: { profileId: string }): Promise<Result<null>> => {
      const updated = settings.update((current) => ({
        ...current,
        servers: {
          profiles: current.servers.profiles.filter((profile) => profile.id !== request.profileId),
          lastProfileId: current.servers.lastProfileId === request.profileId ? null : current.servers.lastProfileId,
        },
      }));
      if (updated.ok) await credentials.forget(request.profileId);
      return publishedAfter(updated);
    },

    /** Step one of `session:signInWithProfile`: the target and SIP account, passwords filled in. */
    prepareProfileSignIn: credentials.prepare.bind(credentials),
    /** Step two, once the contact center accepted: remember or forget the passwords. */
    afterProfileSignIn: credentials.afterSignIn.bind(credentials),

    /** For `session:getSignInDefaults`: the server signed in to last. */
    lastServer: (): { baseUrl: string; userName: string } | null => {
      const { profiles, lastProfileId } = settings.get().servers;
      const last = profiles.find((profile) => profile.id === lastProfileId);
      return last ? { baseUrl: last.gwsUrl, userName: last.userName } : null;
    },

    listAudit: async (query: AuditQuery): Promise<Result<AuditPage>> => ok(await options.audit.list(query)),

    exportAuditCsv: async (filter: AuditFilter): Promise<Result<AuditExport>> =>
      ok(await options.audit.exportCsv(filter)),

    getDiagnostics: async (): Promise<Result<{ text: string }>> => {
      const current = settings.get();
      const problems = Object.entries({
        ...hotkeyProblems(current.hotkeys, platformName),
        ...options.hotkeyRegistrationProblems?.(),
      });
      const text = diagnosticsText({
        ...options.about,
        state: options.store.getState(),
        logLines: options.logFiles?.recentLines(diagnosticsLogLines) ?? [],
        now: now(),
        extraLines: [
          `Settings: ${settings.filePath}${settings.notice() ? ` (reset: ${settings.notice()?.message})` : ''}`,
          `Server profiles: ${current.servers.profiles.length} (${current.servers.profiles.filter((profile) => profile.caCertificate !== null).length} with their own CA certificate)`,
          `Private CA of this session: ${describeSessionCa(options.sessionCa?.() ?? null)}`,
          `Remember password: ${secrets.available ? 'available' : `unavailable (${secrets.unavailableReason})`}`,
          ...(options.desktopFeaturesMissing === null
            ? [
                `Hotkeys: ${problems.length === 0 ? 'ok' : problems.map(([action, problem]) => `${hotkeyLabels[action as HotkeyAction]}: ${problem}`).join('; ')}`,
              ]
            : [`Global hotkeys, tray, notifications: unavailable (${options.desktopFeaturesMissing})`]),
        ],
      });
      return ok({ text });
    },
  };
}

function describeSessionCa(ca: TrustedCas | null): string {
  if (ca === null) return "none (the system's CAs only)";
  const certificates = ca.summary
    .map((certificate) => `${certificate.subject}, until ${new Date(certificate.expiresAt).toISOString().slice(0, 10)}`)
    .join('; ');
  // The browser edition's page connects with the browser's own trust, which Earshot cannot change.
  return `${certificates} (GWS and the desktop app's SIP; a browser trusts wss:// only with this CA in its own or the system's store)`;
}

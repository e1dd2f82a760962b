import type { SipAccount } from '../common/contract/sign-in';
import { describeUnencrypted, unencryptedTransports } from '../common/models/transport-security';
import { err, ok, type Result } from '../common/result';
import { SupervisorSession, type SignInTarget } from './contact-center/supervisor-session';
import { startHistory } from './history/history-service';
import type { TeamRefreshSettings } from './contact-center/team-roster';
import { MessagingMonitoring } from './monitoring/messaging-monitoring';
import { startAuditRecorder } from './platform/audit-recorder';
import type { AuditTrail } from './platform/audit-trail';
import type { LogFiles } from './platform/log-files';
import type { Logger } from './platform/logger';
import { createPlatformHandlers } from './platform/platform-handlers';
import type { SecretStore } from './platform/secret-store';
import type { SettingsStore } from './platform/settings-store';
import type { MediaHostLink } from './sip/media-host-link';
import { toMediaSipAccount } from './sip/sip-account';
import { SipController } from './sip/sip-controller';
import { createAppStore, type AppStore } from './state/app-store';
import { createWindowFeed, type UiEventListener } from './state/window-feed';
import { readCaCertificates, type TrustedCas } from './trust/ca-certificates';
import { createUiInvoke, type UiInvoke } from './ui-commands';
import { VoiceCalls } from './voice/voice-calls';
import { callNotResumedMessage } from './voice/continuity-notices';
import { VoiceSubscriptions } from './voice/voice-subscriptions';

/**
 * The built-in demo contact center as main needs it: started only when the supervisor signs in to
 * it, known only by URL. Its credentials are known before, for the sign-in screen.
 */
export interface DemoContactCenter {
  readonly credentials: { readonly userName: string; readonly password: string };
  start(): Promise<{
    readonly baseUrl: string;
    readonly userName: string;
    readonly password: string;
    /** The demo supervisor's SIP account, filled in for the supervisor. */
    readonly sip: SipAccount | null;
  }>;
  stop(): Promise<void>;
}

export interface MainServicesOptions {
  readonly logger: Logger;
  /** Absent where the demo must not be offered. */
  readonly demo?: DemoContactCenter;
  /** The media host that plays monitored calls (hidden window or browser page). */
  readonly mediaHost: MediaHostLink;
  /** The desktop app restarts a lost media window by itself; the browser edition's page is reopened by the supervisor. */
  readonly mediaHostRestartsByItself: boolean;
  /** Brings the audio page back where the supervisor can (browser edition): the address to open. */
  readonly reopenMediaHost?: () => Promise<Result<{ readonly url: string }>>;
  /** Where settings, remembered passwords, the audit trail and log files live for this edition. */
  readonly platform: {
    readonly settings: SettingsStore;
    readonly secrets: SecretStore;
    readonly audit: AuditTrail;
    readonly logFiles: LogFiles | null;
    readonly about: { readonly appVersion: string; readonly platform: string; readonly runtime: string };
    /** Null in the desktop app; the browser edition says why it has no global hotkeys, tray or notifications. */
    readonly desktopFeaturesMissing: string | null;
    readonly hotkeyRegistrationProblems?: () => Partial<Record<string, string>>;
  };
  /** How the team is read and kept current (team-roster.ts); tests ask for a faster budget. */
  readonly teamRefresh?: Partial<TeamRefreshSettings>;
}

/** What told main that the network may have changed under it. */
export type NetworkChangeCause = 'resume' | 'unlock' | 'network';

export interface MainServices {
  readonly store: AppStore;
  readonly invoke: UiInvoke;
  /** Whether a call wants the microphone now (the desktop app grants the media window the microphone only then). */
  microphoneWanted(): boolean;
  /** The signed-in server profile's CA: the desktop app's media window trusts the SIP server's certificate through it. */
  sessionCa(): TrustedCas | null;
  /**
   * The computer woke from sleep, was unlocked, or its network changed: reconnect to GWS and re-read
   * state at once, and give the phone line a fresh connection and registration.
   */
  networkChanged(cause: NetworkChangeCause): void;
  /** Every event for the UI window: numbered changes of the state (state/window-feed.ts). */
  onUiEvent(listener: UiEventListener): () => void;
  dispose(): Promise<void>;
}

/**
 * Builds every main-side service and wires them together. Both composition roots (the Electron shell
 * and the browser host) call this, so the two editions run the very same services.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const { logger, demo } = options;
  const store = createAppStore();
  const session = new SupervisorSession({
    store,
    logger: logger.child('session'),
    teamRefresh: options.teamRefresh,
  });
  const sip = new SipController({
    link: options.mediaHost,
    store,
    logger: logger.child('sip'),
    restartsByItself: options.mediaHostRestartsByItself,
  });
  const voiceCalls = new VoiceCalls({
    session,
    sip,
    store,
    logger: logger.child('voice'),
    initialVolume: () => options.platform.settings.get().audio.volume,
  });
  const voiceSubscriptions = new VoiceSubscriptions({
    session,
    calls: voiceCalls,
    store,
    logger: logger.child('voice'),
  });
  // A live call the phone line could not take along to a new network is told in the same notice as
  // monitoring the server dropped meanwhile: both are what happened while Earshot was away.
  voiceCalls.onCallNotResumed((call) => voiceSubscriptions.addNotice(callNotResumedMessage(call, Date.now())));
  const messaging = new MessagingMonitoring({ session, store, logger: logger.child('messaging') });
  const feed = createWindowFeed({ store });
  // Set for a session signed in with a profile that has its own CA; gone with the session.
  let sessionCa: TrustedCas | null = null;
  const platform = createPlatformHandlers({
    ...options.platform,
    store,
    logger: logger.child('platform'),
    sessionCa: () => sessionCa,
  });
  // Settings travel in the app state: read now, and again whenever they change, from a command or
  // from main itself (a remembered audio device, the last server).
  const publishSettings = () => {
    platform.publishSettings().catch((error: unknown) => logger.error('Could not read the settings', { error }));
  };
  publishSettings();
  const stopSettingsFeed = options.platform.settings.onChange(publishSettings);
  const stopAudit = startAuditRecorder({
    sources: [voiceSubscriptions, voiceCalls, messaging],
    store,
    trail: options.platform.audit,
    logger: logger.child('audit'),
  });
  const stopHistory = startHistory({ store, trail: options.platform.audit, logger: logger.child('history') });

  // The audio devices the supervisor picked are remembered across restarts.
  const savedAudio = options.platform.settings.get().audio;
  if (savedAudio.outputDeviceId !== null) sip.selectOutput(savedAudio.outputDeviceId);
  if (savedAudio.inputDeviceId !== null) sip.selectInput(savedAudio.inputDeviceId);
  const rememberAudio = (change: { outputDeviceId?: string | null; inputDeviceId?: string | null }) => {
    const saved = options.platform.settings.update((settings) => ({
      ...settings,
      audio: { ...settings.audio, ...change },
    }));
    if (!saved.ok) logger.warn('The audio device choice could not be saved', { reason: saved.error.message });
  };

  // However the session ends (sign-out, expiry), the SIP account goes with it and no leg stays up.
  let signedIn = false;
  store.subscribe((state) => {
    const wasSignedIn = signedIn;
    signedIn = state.session !== null;
    if (wasSignedIn && !signedIn) {
      voiceCalls.endAll();
      voiceSubscriptions.forget();
      messaging.endAll();
      sip.setAccount(null);
      sessionCa = null;
    }
  });

  const signIn = async (target: SignInTarget, sipAccount: SipAccount | null): Promise<Result<null>> => {
    const result = await session.signIn(target);
    if (!result.ok) return result;
    sessionCa = target.privateCa ?? null;
    const supervisor = store.getState().session?.supervisor.displayName ?? target.credentials.userName;
    sip.setAccount(sipAccount ? toMediaSipAccount(sipAccount, supervisor) : null);
    if (!sipAccount) logger.info('Signed in without a SIP account: monitored calls cannot be heard');
    return result;
  };

  const invoke = createUiInvoke(
    {
      'session:getSignInDefaults': async () =>
        ok({
          demo: demo
            ? { available: true, userName: demo.credentials.userName, password: demo.credentials.password }
            : { available: false, userName: '', password: '' },
          lastServer: platform.lastServer(),
        }),
      'session:signIn': async (request) => {
        if (request.server.kind === 'demo') {
          if (!demo) return err('invalid-input', 'This edition of Earshot has no demo contact center.');
          const running = await demo.start();
          const result = await signIn(
            {
              baseUrl: running.baseUrl,
              isDemo: true,
              credentials: { userName: request.userName, password: request.password },
            },
            request.sip ?? running.sip,
          );
          // The sign-in screen opens on the demo next time, not on the last saved server.
          if (result.ok) {
            options.platform.settings.update((settings) => ({
              ...settings,
              servers: { ...settings.servers, lastProfileId: null },
            }));
          }
          return result;
        }
        const unencrypted = unencryptedTransports({
          gwsUrl: request.server.baseUrl,
          sipWebSocketUrl: request.sip?.webSocketUrl ?? null,
        });
        if (unencrypted.length > 0 && request.acceptUnencrypted !== true) {
          return err('unencrypted', describeUnencrypted(unencrypted));
        }
        return signIn(
          {
            baseUrl: request.server.baseUrl,
            isDemo: false,
            credentials: { userName: request.userName, password: request.password },
          },
          request.sip ?? null,
        );
      },
      'session:signInWithProfile': async (request) => {
        const prepared = await platform.prepareProfileSignIn(request);
        if (!prepared.ok) {
          // A remembered password that could not be read was forgotten: the settings say so now.
          await platform.publishSettings();
          return prepared;
        }
        const { profile, password, sip } = prepared.value;
        const privateCa = profile.caCertificate === null ? null : readCaCertificates(profile.caCertificate, Date.now());
        if (privateCa !== null && !privateCa.ok) {
          return err(
            'tls',
            `This server profile's CA certificate can no longer be used: ${privateCa.error.message} Choose a current one for the profile.`,
          );
        }
        const target = {
          baseUrl: profile.gwsUrl,
          isDemo: false,
          credentials: { userName: profile.userName, password },
          privateCa: privateCa?.value ?? null,
        };
        const result = await signIn(target, sip);
        if (result.ok) {
          await platform.afterProfileSignIn(request, prepared.value);
          // Remembered or forgotten passwords show on the sign-in screen next time.
          await platform.publishSettings();
        }
        return result;
      },
      'session:signOut': () => session.signOut(),
      'session:cancelSignIn': async () => session.cancelSignIn(),
      'state:get': async () => ok(feed.snapshot()),
      'team:showRows': async (request) => {
        session.showRows(request.agentIds);
        return ok(null);
      },
      'voice:monitor': (request) => voiceSubscriptions.monitor(request),
      'voice:cancelMonitoring': () => voiceSubscriptions.cancel(),
      'voice:dismissSubscriptionNotice': async () => voiceSubscriptions.dismissNotice(),
      'voice:switchMode': async (request) => voiceCalls.switchMode(request.callId, request.mode),
      'voice:setMicrophone': async (request) =>
        request.open ? voiceCalls.talk(request.callId) : voiceCalls.stopTalking(request.callId),
      'voice:muteAgent': async (request) => voiceCalls.muteAgent(request.callId, request.muted),
      'voice:hangUp': async (request) => voiceCalls.hangUp(request.callId),
      'voice:setVolume': async (request) => voiceCalls.setVolume(request.callId, request.volume),
      'voice:answerIncoming': async (request) => voiceCalls.answerIncoming(request.callId),
      'voice:declineIncoming': async (request) => voiceCalls.declineIncoming(request.callId),
      'audio:reopenEngine': async () =>
        options.reopenMediaHost
          ? options.reopenMediaHost()
          : err('invalid-input', 'Earshot restarts its audio engine by itself in the desktop app.'),
      'audio:selectOutput': async (request) => {
        sip.selectOutput(request.deviceId);
        rememberAudio({ outputDeviceId: request.deviceId });
        return ok(null);
      },
      'audio:selectInput': async (request) => {
        sip.selectInput(request.deviceId);
        rememberAudio({ inputDeviceId: request.deviceId });
        return ok(null);
      },
      'settings:update': platform.updateSettings,
      'settings:dismissNotice': platform.dismissSettingsNotice,
      'settings:saveServerProfile': platform.saveServerProfile,
      'settings:deleteServerProfile': platform.deleteServerProfile,
      'settings:inspectCaCertificate': platform.inspectCaCertificate,
      'audit:list': platform.listAudit,
      'audit:exportCsv': platform.exportAuditCsv,
      'diagnostics:get': platform.getDiagnostics,
      'messaging:monitor': (request) => messaging.monitor(request),
      'messaging:cancelMonitoring': (request) => messaging.cancelMonitoring(request),
      'messaging:switchMode': (request) => messaging.switchMode(request.conversationId, request.mode),
      'messaging:send': (request) => messaging.send(request.conversationId, request.text),
      'messaging:leave': (request) => messaging.leave(request.conversationId, request.farewell),
    },
    logger.child('ui'),
  );

  return {
    store,
    invoke,
    microphoneWanted: () => voiceCalls.microphoneWanted(),
    sessionCa: () => sessionCa,
    networkChanged: (cause) => {
      logger.info('The network may have changed; reconnecting', { cause });
      session.networkChanged();
      sip.reconnect();
    },
    onUiEvent: (listener) => feed.connect(listener),
    async dispose(): Promise<void> {
      // Before the services end what is live: what Earshot closed on has no end in the trail, and the
      // next history says so.
      stopAudit();
      stopHistory();
      stopSettingsFeed();
      voiceSubscriptions.dispose();
      voiceCalls.dispose();
      messaging.dispose();
      sip.setAccount(null);
      sip.dispose();
      await session.dispose();
      feed.dispose();
      await demo?.stop();
      options.platform.audit.close();
    },
  };
}

import { UA, WebSocketInterface } from 'jssip';
import type { IncomingRTCSessionEvent, RTCSessionEvent } from 'jssip/lib/UA';
import type { MediaEvent, MediaSipAccount } from '../../electron/common/contract/media-host-contract';
import type { CallAudioOutputs } from './call-audio';
import { CallSession, type MicrophoneHold } from './call-session';
import { epochNow } from './clock';
import { errorMessage } from './failure-reasons';
import { RegistrationReporter } from './registration-reporter';
import { parseAnswerAfter, parseGenesysCallUuid } from './sip-headers';

/** What the command dispatcher needs from a phone; JsSIP behind it, a fake in unit tests. */
export interface Phone {
  register(account: MediaSipAccount): void;
  unregister(): void;
  /** A fresh SIP connection and registration after a network change; calls stay (main moves them). */
  reconnect(): void;
  call(callId: string): PhoneCall | undefined;
  /** The calls this page holds and what each holds of the microphone: for main when the page (re)connects, and for the page's own view. */
  calls(): Array<{ callId: string; microphone: MicrophoneHold }>;
  /** Ends every call and every microphone track at once: the page is going away or lost main. */
  hangUpAll(): void;
  setOutputDevice(deviceId: string | null): Promise<void>;
}

export interface PhoneCall {
  answer(): void;
  decline(statusCode: number): void;
  hangUp(): void;
  acquireMicrophone(inputDeviceId: string | null): Promise<void>;
  attachMicrophone(): Promise<void>;
  releaseMicrophone(): Promise<void>;
  restartIce(): Promise<void>;
  setVolume(volume: number): void;
}

export interface JsSipPhoneDependencies {
  readonly emit: (event: MediaEvent) => void;
  readonly outputs: CallAudioOutputs;
  readonly getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
}

/** Re-REGISTER well inside typical proxy limits, so a lost phone drops out of the registrar soon. */
const REGISTER_EXPIRES_SECONDS = 300;
const RECONNECT_MIN_SECONDS = 2;
/**
 * The ceiling of JsSIP's reconnection back-off. At 30 s a supervisor waited up to half a minute after a
 * registrar came back (and a registrar without persistence answered calls to them 404 meanwhile); one
 * attempt every 8 s at most still spares a server that is down.
 */
const RECONNECT_MAX_SECONDS = 8;
/** A REGISTER (or its refresh) refused for a reason that may pass is tried again after 2, 4, then 8 s. */
const REGISTER_RETRY_FIRST_MS = 2_000;
const REGISTER_RETRY_MAX_MS = 8_000;
/** Refusals that only the supervisor or an administrator can fix: trying again would only repeat them. */
const FINAL_REGISTER_STATUSES = new Set([401, 403, 407]);

function sameAccount(a: MediaSipAccount, b: MediaSipAccount): boolean {
  return (
    a.webSocketUrl === b.webSocketUrl &&
    a.sipUri === b.sipUri &&
    a.authorizationUser === b.authorizationUser &&
    a.password === b.password &&
    a.displayName === b.displayName
  );
}

/**
 * The JsSIP adapter: one user agent at a time for the account main sends, incoming calls as
 * CallSessions. It never answers by itself; main decides.
 */
export function createJsSipPhone(dependencies: JsSipPhoneDependencies): Phone {
  const calls = new Map<string, CallSession>();
  let current: {
    ua: UA;
    socket: WebSocketInterface;
    reporter: RegistrationReporter;
    account: MediaSipAccount;
  } | null = null;
  let registerRetry: ReturnType<typeof setTimeout> | undefined;

  const retireCurrent = (): void => {
    if (!current) return;
    const { ua, reporter } = current;
    current = null;
    clearTimeout(registerRetry);
    reporter.stopped();
    // stop() sends the un-REGISTER and BYEs any call; their events still reach the CallSessions.
    ua.stop();
  };

  const onNewSession = (event: RTCSessionEvent): void => {
    if (event.originator !== 'remote') return;
    const at = epochNow();
    const { session, request } = event as IncomingRTCSessionEvent;
    const call = new CallSession(session, { ...dependencies, onFinished: (callId) => calls.delete(callId) });
    calls.set(call.id, call);
    const remote = session.remote_identity;
    dependencies.emit({
      type: 'incomingCall',
      callId: call.id,
      sipCallId: request.getHeader('Call-ID'),
      remoteUri: remote.uri.toString(),
      remoteDisplayName: remote.display_name ? remote.display_name : null,
      genesysCallUuid: parseGenesysCallUuid(request.getHeader('X-Genesys-CallUUID')),
      answerAfter: parseAnswerAfter(request.getHeaders('Call-Info')),
      at,
    });
  };

  return {
    register(account) {
      // Main may repeat itself (a reconnect, a settings refresh): that must not drop a monitored call.
      if (current && sameAccount(current.account, account) && current.reporter.state !== 'failed') {
        current.reporter.repeat();
        return;
      }
      retireCurrent();
      const reporter = new RegistrationReporter(account.webSocketUrl, (event) => dependencies.emit(event));
      let ua: UA;
      let socket: WebSocketInterface;
      try {
        socket = new WebSocketInterface(account.webSocketUrl);
        ua = new UA({
          sockets: [socket],
          uri: account.sipUri,
          authorization_user: account.authorizationUser,
          password: account.password,
          ...(account.displayName ? { display_name: account.displayName } : {}),
          register: true,
          register_expires: REGISTER_EXPIRES_SECONDS,
          session_timers: false,
          connection_recovery_min_interval: RECONNECT_MIN_SECONDS,
          connection_recovery_max_interval: RECONNECT_MAX_SECONDS,
          user_agent: 'Earshot',
        });
      } catch (error) {
        const reason = `The SIP account settings are not usable: ${errorMessage(error)}`;
        reporter.invalidAccount(reason);
        throw new Error(reason, { cause: error });
      }
      ua.on('connected', () => reporter.transportConnected());
      ua.on('disconnected', () => reporter.transportDisconnected());
      let retries = 0;
      ua.on('registered', () => {
        retries = 0;
        reporter.registered();
      });
      ua.on('unregistered', () => reporter.unregistered());
      ua.on('registrationFailed', (event) => {
        const response = event.response as { status_code?: number; reason_phrase?: string } | null | undefined;
        const status =
          typeof response?.status_code === 'number'
            ? { code: response.status_code, reason: response.reason_phrase ?? '' }
            : null;
        reporter.registrationFailed(String(event.cause ?? 'unknown'), status);
        // JsSIP registers again by itself only after its WebSocket reconnects; a refused REGISTER or
        // refresh on a live connection (a registrar restarting without persistence) would stay failed.
        if (status !== null && FINAL_REGISTER_STATUSES.has(status.code)) return;
        clearTimeout(registerRetry);
        const delayMs = Math.min(REGISTER_RETRY_FIRST_MS * 2 ** retries, REGISTER_RETRY_MAX_MS);
        retries += 1;
        registerRetry = setTimeout(() => {
          if (current?.ua === ua && ua.isConnected()) ua.register();
        }, delayMs);
      });
      ua.on('newRTCSession', onNewSession);
      current = { ua, socket, reporter, account };
      reporter.starting();
      ua.start();
    },
    reconnect() {
      // The socket drops its WebSocket quietly and opens a new one under the same transport callbacks,
      // so JsSIP registers again on it at once. While JsSIP is already reconnecting by itself, its own
      // attempt is left to run. Calls stay: their dialogs outlive the socket, and main moves each one
      // to the new network (restartIce) once the line says registered again, which it says anew here.
      if (!current?.ua.isConnected()) return;
      current.reporter.reconnecting();
      current.socket.disconnect();
      current.socket.connect();
    },
    unregister() {
      if (current) retireCurrent();
      else dependencies.emit({ type: 'registration', state: 'unregistered', reason: null });
    },
    call: (callId) => calls.get(callId),
    calls: () => [...calls.values()].map((call) => ({ callId: call.id, microphone: call.microphoneHold })),
    hangUpAll() {
      for (const call of [...calls.values()]) {
        try {
          call.hangUp();
        } catch {
          // Already ending: its tracks are stopped by then.
        }
      }
    },
    setOutputDevice: (deviceId) => dependencies.outputs.setOutputDevice(deviceId),
  };
}

import { BrowserWindow, session, type Certificate, type Session, type WebContents } from 'electron';
import type { Logger } from '../platform/logger';
import { guardMediaLink, MediaPagePolicy } from '../sip/media-page-policy';
import { mediaHostContentSecurityPolicy, readStaticFile } from '../platform/static-files';
import type { MediaHostLink } from '../sip/media-host-link';
import type { TrustedCas } from '../trust/ca-certificates';
import { acceptCertificate, verifyWithProfileCa } from '../trust/certificate-verify';
import { APP_SCHEME, isMediaPageUrl, MEDIA_HOST_NAME } from './app-url';
import { bindMediaIpc } from './ipc/media-ipc';
import { mediaPermissionDecision } from './media-permission';
import { secureWebPreferences } from './security';

export interface MediaHostWindowOptions {
  /** Folder with the built media host page (out/renderer/media-host). */
  readonly mediaRoot: string;
  /** The built media host preload (out/preload/media-host.cjs). */
  readonly preloadPath: string;
  readonly logger: Logger;
  /** Applied to the media session before its window opens, e.g. the trust store for wss:// SIP servers. */
  readonly configureSession?: (mediaSession: Session) => void;
  /**
   * Whether main wants the microphone right now: a go-live in flight, or a microphone open on a
   * call where the supervisor chose to be heard. Any other request for it is denied.
   */
  readonly microphoneWanted: () => boolean;
  /** The signed-in server profile's CA, through which a wss:// SIP server's certificate is trusted. */
  readonly sessionCa: () => TrustedCas | null;
}

export interface MediaHostWindow {
  readonly link: MediaHostLink;
  dispose(): void;
}

/** Persistent, so device ids (which Chromium salts per profile) stay valid across restarts for main's saved choices. */
const MEDIA_PARTITION = 'persist:earshot-media-host';
const MEDIA_PAGE_URL = `${APP_SCHEME}://${MEDIA_HOST_NAME}/index.html`;
const RESTART_DELAY_FIRST_MS = 500;
const RESTART_DELAY_MAX_MS = 30_000;
/** A window that lived this long was healthy: the next restart starts from the short delay again. */
const STABLE_AFTER_MS = 60_000;
const UNRESPONSIVE_LIMIT_MS = 10_000;
const ABORTED_LOAD = -3;

/**
 * The hidden, sandboxed window where JsSIP and WebRTC run. It lives in its own session, which
 * serves only app://media/ and grants only the microphone (audio, never camera or screen); the page
 * asks for it only when main commands the microphone open. A crashed, hung or closed media window
 * is replaced, with a growing delay if it keeps failing; main's SIP controller re-sends what it
 * needs when the new page says `ready`. Call after the app is ready.
 */
export function startMediaHostWindow(options: MediaHostWindowOptions): MediaHostWindow {
  const { logger } = options;
  const mediaSession = session.fromPartition(MEDIA_PARTITION);
  let window: BrowserWindow | null = null;
  let disposed = false;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let restartDelay = RESTART_DELAY_FIRST_MS;

  const ipcLink = bindMediaIpc({ window: () => window, logger: logger.child('ipc') });
  const policy = new MediaPagePolicy();
  // The page reloads to get the policy of a new SIP server; the SIP controller registers again once it is ready.
  const link = guardMediaLink(ipcLink, policy, {
    logger,
    reloadPage: () => {
      if (window && !window.isDestroyed()) window.webContents.reloadIgnoringCache();
    },
  });
  const isMediaContents = (contents: WebContents | null): boolean =>
    contents !== null &&
    window !== null &&
    !window.isDestroyed() &&
    contents === window.webContents &&
    isMediaPageUrl(contents.getURL());

  serveMediaPage(mediaSession, options.mediaRoot, policy);
  restrictPermissions(mediaSession, isMediaContents, options.microphoneWanted, logger);
  trustSessionCa(mediaSession, options.sessionCa, logger);
  options.configureSession?.(mediaSession);

  const scheduleRestart = (livedMs: number): void => {
    if (disposed || restartTimer !== undefined) return;
    if (livedMs >= STABLE_AFTER_MS) restartDelay = RESTART_DELAY_FIRST_MS;
    logger.warn('Restarting the media host window', { inMs: restartDelay });
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      create();
    }, restartDelay);
    restartDelay = Math.min(restartDelay * 2, RESTART_DELAY_MAX_MS);
  };

  const create = (): void => {
    if (disposed) return;
    const createdAt = Date.now();
    let unresponsiveTimer: ReturnType<typeof setTimeout> | undefined;
    const created = new BrowserWindow({
      show: false,
      width: 420,
      height: 240,
      title: 'Earshot audio',
      skipTaskbar: true,
      focusable: false,
      webPreferences: {
        ...secureWebPreferences(options.preloadPath),
        session: mediaSession,
        // Hidden windows are throttled by default; calls need their timers and audio at full rate.
        backgroundThrottling: false,
        autoplayPolicy: 'no-user-gesture-required',
      },
    });
    window = created;
    const contents = created.webContents;
    contents.on('render-process-gone', (_event, details) => {
      logger.error('The media host page is gone', { reason: details.reason, exitCode: details.exitCode });
      ipcLink.pageGone(`its process is gone (${details.reason})`);
      if (!created.isDestroyed()) created.destroy();
    });
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) ipcLink.pageLoading();
    });
    contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
      // -3 (ERR_ABORTED) is a load superseded by another, such as a reload: not a failure.
      if (!isMainFrame || errorCode === ABORTED_LOAD) return;
      logger.error('The media host page failed to load', { errorCode, errorDescription, url });
      if (!created.isDestroyed()) created.destroy();
    });
    contents.on('unresponsive', () => {
      clearTimeout(unresponsiveTimer);
      unresponsiveTimer = setTimeout(() => {
        logger.error('The media host page stopped responding; restarting it');
        if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
      }, UNRESPONSIVE_LIMIT_MS);
    });
    contents.on('responsive', () => clearTimeout(unresponsiveTimer));
    contents.on('console-message', (details) => {
      if (details.level === 'error' || details.level === 'warning') {
        logger.warn('Media host page console', { level: details.level, message: details.message.slice(0, 1000) });
      }
    });
    created.on('closed', () => {
      clearTimeout(unresponsiveTimer);
      if (window === created) window = null;
      ipcLink.pageGone('its window closed');
      scheduleRestart(Date.now() - createdAt);
    });
    created.loadURL(MEDIA_PAGE_URL).catch((error: unknown) => {
      logger.error('Could not load the media host page', { error });
    });
  };

  create();

  return {
    link,
    dispose() {
      disposed = true;
      clearTimeout(restartTimer);
      ipcLink.dispose();
      if (window && !window.isDestroyed()) window.destroy();
      window = null;
      mediaSession.protocol.unhandle(APP_SCHEME);
    },
  };
}

/**
 * The media session's app:// serves app://media/ only, with the media page's CSP: IPC is no
 * network, so the only connection it may open is to the SIP server of the sign-in.
 */
function serveMediaPage(mediaSession: Session, mediaRoot: string, policy: MediaPagePolicy): void {
  mediaSession.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const connect = policy.sipServer === null ? [] : [policy.sipServer];
    const file =
      url.host === MEDIA_HOST_NAME
        ? await readStaticFile(mediaRoot, url.pathname, {
            contentSecurityPolicy: mediaHostContentSecurityPolicy(connect),
          })
        : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
  });
}

/**
 * Microphone (and choosing the speaker) for the media page, nothing else, for nobody else, and the
 * microphone only while main wants it open for a call where the supervisor chose to be heard: silence
 * never rests on page code alone. Denials are logged.
 */
function restrictPermissions(
  mediaSession: Session,
  isMediaContents: (contents: WebContents | null) => boolean,
  microphoneWanted: () => boolean,
  logger: Logger,
): void {
  mediaSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const decision = mediaPermissionDecision({
      permission,
      mediaTypes,
      fromMediaPage: isMediaContents(contents),
      microphoneWanted: microphoneWanted(),
    });
    if (!decision.granted)
      logger.warn('Denied a permission request from the media window', { permission, reason: decision.reason });
    callback(decision.granted);
  });
  mediaSession.setPermissionCheckHandler((contents, permission, _origin, details) => {
    if (!isMediaContents(contents)) return false;
    if (permission === 'speaker-selection') return true;
    // A check opens nothing (it lets device labels show); the request above is what guards capture.
    return permission === 'media' && details.mediaType !== 'video';
  });
  mediaSession.setDevicePermissionHandler(() => false);
}

/** Chromium's verdict on every certificate, except one it refused only for an unknown CA that chains to the profile's CA. */
function trustSessionCa(mediaSession: Session, sessionCa: () => TrustedCas | null, logger: Logger): void {
  mediaSession.setCertificateVerifyProc((request, callback) => {
    const check = {
      hostname: request.hostname,
      chain: chainOf(request.certificate),
      chromiumErrorCode: request.errorCode,
    };
    const verdict = verifyWithProfileCa(check, sessionCa(), Date.now());
    if (verdict === acceptCertificate) {
      logger.info("Trusted the SIP server's certificate through the server profile's CA", { host: request.hostname });
    }
    callback(verdict);
  });
}

/** The chain as the server sent it, its own certificate first; Electron ends it with an absent issuer. */
function chainOf(certificate: Certificate): string[] {
  const chain: string[] = [];
  let current: Certificate | undefined = certificate;
  while (current !== undefined && chain.length < 10) {
    chain.push(current.data);
    const issuer: Certificate | undefined = current.issuerCert;
    if (issuer?.fingerprint === current.fingerprint) break;
    current = issuer;
  }
  return chain;
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { BayeuxHub } from './bayeux/bayeux-hub';
import { ControlApi, type NetworkConditions } from './control/control-api';
import { Directory } from './directory/directory';
import { buildRoster } from './directory/roster';
import type { DirectoryUser } from './directory/roster';
import { FloorModel, type InitialState } from './floor/floor-model';
import { InteractionIds } from './floor/interaction-ids';
import { LiveFloor } from './floor/live-floor';
import { openingStateOf } from './floor/opening-states';
import { Authenticator } from './gws/auth';
import { ContactsPaging, type ContactsPagingSettings } from './gws/contacts-paging';
import { GwsApi } from './gws/gws-api';
import { GwsTraffic } from './gws/gws-traffic';
import { sendGwsError, sendHtmlBadGateway, sendHtmlNotFound } from './gws/http-io';
import { HttpSessionStore } from './gws/http-sessions';
import { Notifier } from './gws/notifier';
import type { GwsWorld } from './gws/resources';
import { VoiceSupervision } from './voice/voice-supervision';
import { MessagingCenter } from './messaging/messaging-center';
import { MessagingControl } from './control/messaging-control';
import { messagingRoutes } from './messaging/messaging-routes';
import { sipPassword } from './directory/roster';
import { startSipService, type SipService } from './sip/index';
import { SupervisorCalls } from './voice/supervisor-calls';

export interface SimulatorHostOptions {
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  readonly liveFloor: boolean;
  readonly controlApi: boolean;
  /** Null: the control API takes requests without a token (tests in one process). */
  readonly controlToken: string | null;
  readonly log: (line: string) => void;
  /** The SIP domain of every account (sip:<DN>@<domain>). */
  readonly sipDomain: string;
  /** Where the conversation clips are; undefined: beside the source (media/clips). */
  readonly clipsDirectory: string | undefined;
  /** How many agents the floor has (1 to 2,000). */
  readonly agents: number;
  /** How `GET /contacts` pages (see contacts-paging.ts). */
  readonly contactsPaging: Partial<ContactsPagingSettings>;
  /** SIP Server's intrusion-enabled: BargeIn joins a call in progress. */
  readonly intrusionEnabled: boolean;
  readonly contactCenterChannels: readonly string[];
  /** How long a supervisor's phone may stay unregistered before SIP Server ends their voice monitoring. */
  readonly monitoringOutOfServiceMs: number;
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * The composition root of the demo contact center. The contact center itself (directory, floor,
 * supervision subscriptions, monitoring calls, the SIP registrar and its registrations) lives as
 * long as the host; the GWS front end (HTTP sessions, Bayeux clients, the listening socket) is what
 * restart() throws away, as a GWS restart does not reboot SIP Server.
 */
export class SimulatorHost {
  readonly directory: Directory;
  readonly floor: FloorModel;
  readonly contactsPaging: ContactsPaging;
  readonly traffic = new GwsTraffic();
  readonly liveFloor: LiveFloor;
  readonly supervision = new VoiceSupervision();
  readonly sessions = new HttpSessionStore(() => Date.now());
  readonly supervisorCalls: SupervisorCalls;
  readonly messaging: MessagingCenter;
  private sipService: SipService | null = null;
  private readonly options: SimulatorHostOptions;
  private readonly auth: Authenticator;
  private readonly gws: GwsApi;
  private readonly control: ControlApi | null;
  private readonly upgradeHandlers = new Map<string, UpgradeHandler>();
  private hub: BayeuxHub;
  private bayeuxBlocked = false;
  private network: NetworkConditions;
  /** Supervisors' phones that are unregistered now, each with the timer that ends their monitoring. */
  private readonly outOfService = new Map<string, NodeJS.Timeout>();
  /** GWS requests being answered (CometD long-polls among them): a network drop cuts them. */
  private readonly gwsResponses = new Set<ServerResponse>();
  private server: Server | null = null;
  private port = 0;
  private lifecycle: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(options: SimulatorHostOptions) {
    this.options = options;
    this.network = { gws: 'up', sip: 'up', outOfServiceMs: options.monitoringOutOfServiceMs };
    this.directory = new Directory(buildRoster(options.agents));
    this.contactsPaging = new ContactsPaging(options.contactsPaging);
    const initial = new Map<string, InitialState>();
    for (const user of this.directory.agents()) initial.set(user.id, openingStateOf(user.userName));
    this.floor = new FloorModel({
      userIds: this.directory.all().map((user) => user.id),
      initial,
      ids: new InteractionIds(options.seed),
      now: () => Date.now(),
      reportError: (error) =>
        options.log(
          `floor listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ),
    });
    this.liveFloor = new LiveFloor({
      model: this.floor,
      agentIds: this.directory.agents().map((user) => user.id),
      seed: options.seed,
      isWatched: (agentId) => this.supervision.watching(agentId) !== undefined,
      scriptedTexts: true,
    });
    this.auth = new Authenticator(this.directory, this.sessions);
    this.hub = this.createHub();
    this.supervisorCalls = new SupervisorCalls({
      directory: this.directory,
      floor: this.floor,
      supervision: this.supervision,
      phones: () => this.sipService,
      // Its own id stream, so monitoring calls do not shift the floor's ids.
      ids: new InteractionIds((options.seed ^ 0x0b2b0a) >>> 0),
      log: options.log,
      intrusionEnabled: options.intrusionEnabled,
    });

    const world: GwsWorld = {
      directory: this.directory,
      floor: this.floor,
      supervision: this.supervision,
      supervisorCalls: this.supervisorCalls,
      contactsPaging: this.contactsPaging,
      baseUrl: () => this.baseUrl,
      contactCenterChannels: options.contactCenterChannels,
    };
    const notifier = new Notifier(world, (userId, topic, data) => this.hub.publish(userId, topic, data));
    this.floor.subscribe((event) => notifier.onFloorEvent(event));
    this.messaging = new MessagingCenter({
      directory: this.directory,
      floor: this.floor,
      baseUrl: () => this.baseUrl,
      publish: (userId, topic, data) => this.hub.publish(userId, topic, data),
      seed: options.seed,
      floorRunning: () => this.liveFloor.running,
      log: options.log,
    });
    this.supervision.onChange((supervisorId) => {
      const supervisor = this.directory.byId(supervisorId);
      if (supervisor) notifier.deviceChanged(supervisor);
    });
    this.supervisorCalls.onChange((call, notificationType) => notifier.supervisorCallChanged(call, notificationType));
    this.supervisorCalls.start();
    this.sessions.onEnd((session) => this.hub.dropSession(session.id));
    this.gws = new GwsApi({
      world,
      sessions: this.sessions,
      auth: this.auth,
      notifier,
      bayeux: () => this.hub,
      extraRoutes: messagingRoutes(world, this.messaging),
      supervisedConversations: (userId, kind) => this.messaging.supervisedViews(userId, kind),
      traffic: this.traffic,
    });
    this.control = options.controlApi
      ? new ControlApi({
          directory: this.directory,
          floor: this.floor,
          liveFloor: this.liveFloor,
          sessions: this.sessions,
          supervisorCalls: this.supervisorCalls,
          sip: () => this.sipStatus(),
          bayeuxClientCount: () => this.hub.clientCount(),
          dropBayeuxClients: () => this.hub.dropAll(),
          blockBayeux: (blocked) => {
            this.bayeuxBlocked = blocked;
            this.hub.setBlocked(blocked);
          },
          setNetwork: (network) => this.setNetwork(network),
          restart: (downMs) => this.restart(downMs),
          log: options.log,
          messaging: new MessagingControl({ center: this.messaging, directory: this.directory, floor: this.floor }),
          ringUser: (user, from) => this.ringUser(user, from),
          contactsPaging: this.contactsPaging,
          traffic: this.traffic,
          token: options.controlToken,
          allowedHosts: () => [`${options.host}:${this.port}`, `127.0.0.1:${this.port}`, `localhost:${this.port}`],
        })
      : null;
  }

  /** Applied at once: going down cuts what is open, as a lost network would. */
  private setNetwork(change: Partial<NetworkConditions>): NetworkConditions {
    this.network = { ...this.network, ...change };
    if (this.network.gws === 'down') {
      for (const res of this.gwsResponses) res.socket?.destroy();
    }
    this.sipService?.setReachable(this.network.sip === 'up');
    return this.network;
  }

  /**
   * SIP Server ends a supervisor's monitoring once their phone has been out of service for a while (a
   * laptop asleep, a network gone): a client that comes back finds no subscription on the device. (Their
   * calls in progress wait as long for the phone to come back: sip/monitoring-call.ts.)
   */
  private onPhoneRegistration(phoneNumber: string, registered: boolean): void {
    clearTimeout(this.outOfService.get(phoneNumber));
    this.outOfService.delete(phoneNumber);
    if (registered) return;
    const timer = setTimeout(() => {
      this.outOfService.delete(phoneNumber);
      const user = this.directory.byPhoneNumber(phoneNumber);
      if (!user || !this.supervision.of(user.id)) return;
      this.supervision.cancel(user.id);
      this.options.log(`sip: ${phoneNumber} out of service; SIP Server ended ${user.userName}'s monitoring`);
    }, this.network.outOfServiceMs);
    timer.unref();
    this.outOfService.set(phoneNumber, timer);
  }

  /** An ordinary call to a user's phone: it must ring there, never be answered by itself. */
  private ringUser(user: DirectoryUser, from: string): { callUuid: string } {
    const sip = this.sipService;
    if (!sip) throw new Error('the simulator has not started');
    const callUuid = randomUUID().replace(/-/g, '').toUpperCase();
    sip
      .placeMonitoringCall({
        toUser: user.device.phoneNumber,
        callUuid,
        fromDisplayName: 'Front desk',
        fromUser: from,
        autoAnswer: false,
        mode: 'ListenIn',
      })
      .then(
        () => this.options.log(`control: ${user.device.phoneNumber} answered the ordinary call ${callUuid}`),
        (error: unknown) =>
          this.options.log(`control: the ordinary call to ${user.device.phoneNumber} ended: ${String(error)}`),
      );
    return { callUuid };
  }

  get baseUrl(): string {
    return `http://${this.options.host}:${this.port}`;
  }

  /** The SIP-over-WebSocket endpoint; throws before start(). */
  get sip(): { readonly webSocketUrl: string; readonly domain: string } {
    if (!this.sipService) throw new Error('the simulator has not started');
    return { webSocketUrl: this.sipService.webSocketUrl, domain: this.options.sipDomain };
  }

  async start(): Promise<void> {
    this.sipService = await startSipService({
      host: this.options.host,
      domain: this.options.sipDomain,
      accounts: this.directory.all().map((user) => ({ user: user.device.phoneNumber, password: sipPassword(user) })),
      log: this.options.log,
      clipsDirectory: this.options.clipsDirectory,
      outOfServiceMs: () => this.network.outOfServiceMs,
    });
    try {
      await this.listen(this.options.port);
    } catch (error) {
      await this.sipService.stop();
      this.sipService = null;
      throw error;
    }
    this.sipService.onRegistrationChange((phoneNumber, registered) =>
      this.onPhoneRegistration(phoneNumber, registered),
    );
    this.messaging.start();
    if (this.options.liveFloor) {
      this.liveFloor.warmUp();
      this.liveFloor.start();
    }
    this.options.log(`simulator: SIP at ${this.sipService.webSocketUrl} (domain ${this.options.sipDomain})`);
    this.options.log(
      `simulator: GWS at ${this.baseUrl}/api/v2 (seed ${this.options.seed}, live floor ${this.options.liveFloor ? 'on' : 'off'})`,
    );
  }

  /**
   * Lets another wire protocol (SIP over WebSocket) share the port: upgrade requests whose path
   * starts with `pathPrefix` go to `handler`; every other upgrade is refused, as GWS has no WebSocket.
   */
  onUpgrade(pathPrefix: string, handler: UpgradeHandler): void {
    this.upgradeHandlers.set(pathPrefix, handler);
  }

  bayeuxClientCount(): number {
    return this.hub.clientCount();
  }

  restart(downMs = 0): Promise<void> {
    this.lifecycle = this.lifecycle.then(async () => {
      if (this.stopped) return;
      this.options.log(`simulator: restarting GWS (down for ${downMs} ms)`);
      this.hub.close();
      this.sessions.clear();
      this.hub = this.createHub();
      await this.closeServer();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      if (this.stopped) return;
      await this.listen(this.port);
      this.options.log(`simulator: GWS back at ${this.baseUrl}/api/v2`);
    });
    return this.lifecycle;
  }

  stop(): Promise<void> {
    if (this.stopped) return this.lifecycle;
    this.stopped = true;
    this.liveFloor.pause();
    for (const timer of this.outOfService.values()) clearTimeout(timer);
    this.outOfService.clear();
    this.control?.close();
    this.messaging.close();
    this.lifecycle = this.lifecycle.then(async () => {
      await this.supervisorCalls.close();
      await this.sipService?.stop();
      this.hub.close();
      this.sessions.clear();
      await this.closeServer();
    });
    return this.lifecycle;
  }

  private sipStatus(): { webSocketUrl: string; domain: string; registeredUsers: string[] } | null {
    const sip = this.sipService;
    if (!sip) return null;
    const dns = this.directory.all().map((user) => user.device.phoneNumber);
    return {
      webSocketUrl: sip.webSocketUrl,
      domain: this.options.sipDomain,
      registeredUsers: dns.filter((dn) => sip.isRegistered(dn)),
    };
  }

  private createHub(): BayeuxHub {
    const hub = new BayeuxHub({
      authenticate: (req, res) => {
        const principal = this.auth.authenticate(req, res);
        return principal ? { userId: principal.user.id, sessionId: principal.session.id } : null;
      },
      log: this.options.log,
    });
    // A restart does not lift a block the test asked for.
    hub.setBlocked(this.bayeuxBlocked);
    return hub;
  }

  private listen(port: number): Promise<void> {
    const server = createServer((req, res) => this.dispatch(req, res));
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.dispatchUpgrade(req, socket, head),
    );
    server.on('clientError', (_error, socket) => socket.destroy());
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.options.host, () => {
        server.off('error', reject);
        const address = server.address();
        if (address && typeof address === 'object') this.port = address.port;
        this.server = server;
        resolve();
      });
    });
  }

  private closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private dispatch(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    res.on('finish', () =>
      this.options.log(`${req.method} ${req.url} -> ${res.statusCode} (${Date.now() - started} ms)`),
    );
    this.route(req, res).catch((error: unknown) => {
      this.options.log(
        `simulator: ${req.method} ${req.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) sendGwsError(res, 500, 4, 'Internal error');
      else res.destroy();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/v2' || url.pathname.startsWith('/api/v2/')) {
      if (this.network.gws === 'down') {
        req.socket.destroy();
        return;
      }
      if (this.network.gws === 'proxy-error') return sendHtmlBadGateway(res);
      this.gwsResponses.add(res);
      res.on('close', () => this.gwsResponses.delete(res));
      return this.gws.handle(req, res, url);
    }
    if (this.control && (url.pathname === '/control' || url.pathname.startsWith('/control/')))
      return this.control.handle(req, res, url);
    sendHtmlNotFound(res);
  }

  private dispatchUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    for (const [prefix, handler] of this.upgradeHandlers) {
      if (path.startsWith(prefix)) {
        handler(req, socket, head);
        return;
      }
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  }
}

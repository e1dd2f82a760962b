import { defaultAgentCount, demoSupervisor, sipPassword } from './directory/roster';
import { SimulatorHost } from './simulator-host';

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** PRNG seed for the live floor; default 1. */
  seed?: number;
  /** Agents change state by themselves; default true. Tests pass false. */
  liveFloor?: boolean;
  /** Expose /control/*; default true. The packaged app passes false. */
  controlApi?: boolean;
  /**
   * When given, every control request must carry `Authorization: Bearer <controlToken>`. Requests
   * from web pages (with an Origin) and for another Host are refused either way.
   */
  controlToken?: string;
  /** Default: silent. */
  log?: (line: string) => void;
  /**
   * The folder with the conversation clips (NN-customer.ulaw, NN-agent.ulaw). Default: media/clips
   * beside the source, which a bundle cannot find; a bundled app passes where its build put them.
   */
  clipsDirectory?: string;
  /** Agents on the floor, 1 to 2,000; default 12 (the named demo agents). More come with made-up names. */
  agents?: number;
  /** The most contacts one `GET /api/v2/contacts` page holds; default 100. */
  contactsPageSize?: number;
  /** Contacts counted in `totalCount` but never delivered (a server that stops short); default 0. */
  contactsWithheld?: number;
  /**
   * SIP Server's `intrusion-enabled`: a BargeIn subscription joins the agent's call in progress.
   * Default true, as GWS documents BargeIn; the control API switches it later.
   */
  intrusionEnabled?: boolean;
  /**
   * The channel names StartContactCenterSession knows; any other asked for fails alone (statusCode 7,
   * partial success), as on a site whose SMS channel has another name. Default voice, chat and sms.
   */
  contactCenterChannels?: readonly string[];
  /**
   * How long a supervisor's phone may stay unregistered before SIP Server ends their voice monitoring
   * and releases their calls in progress (the device went out of service). Default 5 s; the control
   * API's `/network` changes it.
   */
  monitoringOutOfServiceMs?: number;
}

/** The SIP account of a demo user, as a softphone needs it. */
export interface DemoSipAccount {
  /** Where to open the SIP WebSocket (subprotocol "sip"). */
  readonly webSocketUrl: string;
  /** e.g. sip:5005@demo.earshot.local */
  readonly sipUri: string;
  /** The digest user name: the DN. */
  readonly authorizationUser: string;
  readonly password: string;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:43121 (GWS lives under /api/v2). */
  readonly baseUrl: string;
  /** The SIP-over-WebSocket registrar and B2BUA (its own port; it keeps running through restart()). */
  readonly sip: { readonly webSocketUrl: string; readonly domain: string };
  /** The supervisor's demo credentials, for GWS and for the SIP phone. */
  readonly demo: { userName: string; password: string; sip: DemoSipAccount };
  /** Agents on the floor. */
  readonly agentCount: number;
  /** The most contacts one `GET /api/v2/contacts` page holds now. */
  readonly contactsPageSize: number;
  /**
   * Forgets all HTTP sessions and Bayeux clients, stops listening for downMs, listens again on the
   * same port. SIP registrations and monitoring calls stay.
   */
  restart(downMs?: number): Promise<void>;
  /** Closes everything (GWS, SIP, media, sockets, timers); idempotent. */
  stop(): Promise<void>;
}

export const demoSipDomain = 'demo.earshot.local';

/** The demo supervisor's sign-in, known without starting anything (the sign-in screen shows it). */
export const demoCredentials: { readonly userName: string; readonly password: string } = {
  userName: demoSupervisor.userName,
  password: demoSupervisor.password,
};

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = new SimulatorHost({
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    seed: options.seed ?? 1,
    liveFloor: options.liveFloor ?? true,
    controlApi: options.controlApi ?? true,
    controlToken: options.controlToken ?? null,
    log: options.log ?? (() => undefined),
    sipDomain: demoSipDomain,
    clipsDirectory: options.clipsDirectory,
    agents: options.agents ?? defaultAgentCount,
    contactsPaging: { maxPageSize: options.contactsPageSize, withheld: options.contactsWithheld },
    intrusionEnabled: options.intrusionEnabled ?? true,
    contactCenterChannels: options.contactCenterChannels ?? ['voice', 'chat', 'sms'],
    monitoringOutOfServiceMs: options.monitoringOutOfServiceMs ?? 5_000,
  });
  const supervisor = host.directory.byUserName(demoSupervisor.userName);
  if (!supervisor) throw new Error('the demo roster has no supervisor');
  await host.start();
  const sip = host.sip;
  const dn = supervisor.device.phoneNumber;
  return {
    baseUrl: host.baseUrl,
    sip,
    demo: {
      userName: demoSupervisor.userName,
      password: demoSupervisor.password,
      sip: {
        webSocketUrl: sip.webSocketUrl,
        sipUri: `sip:${dn}@${sip.domain}`,
        authorizationUser: dn,
        password: sipPassword(supervisor),
      },
    },
    agentCount: host.directory.agents().length,
    get contactsPageSize() {
      return host.contactsPaging.settings.maxPageSize;
    },
    restart: (downMs) => host.restart(downMs),
    stop: () => host.stop(),
  };
}

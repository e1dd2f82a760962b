import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Directory } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { FloorModel, Interaction } from '../floor/floor-model';
import type { LiveFloor } from '../floor/live-floor';
import { parseJson, readBody, sendJson } from '../gws/http-io';
import type { ContactsPaging } from '../gws/contacts-paging';
import type { GwsTraffic } from '../gws/gws-traffic';
import type { HttpSessionStore } from '../gws/http-sessions';
import type { MessagingControl } from './messaging-control';
import { VoiceControl } from './voice-control';
import type { SupervisorCall, SupervisorCalls } from '../voice/supervisor-calls';

/** The SIP side as the control API reports it. */
export interface SipStatus {
  readonly webSocketUrl: string;
  readonly domain: string;
  /** DNs with a live registration. */
  readonly registeredUsers: readonly string[];
}

/** What a client on the network sees of each service (tests drive drops, returns and a failing proxy). */
export const gwsPathStates = ['up', 'down', 'proxy-error'] as const;
export const sipPathStates = ['up', 'down'] as const;
export interface NetworkConditions {
  /** down: connections are cut and new requests get no answer; proxy-error: an HTML 502 Bad Gateway page. */
  readonly gws: (typeof gwsPathStates)[number];
  /** down: every SIP WebSocket is cut and new ones are refused, and calls' media paths carry nothing. */
  readonly sip: (typeof sipPathStates)[number];
  /**
   * How long SIP Server waits for a phone out of service (unregistered, its WebSocket gone) before it
   * ends the supervisor's monitoring and releases their calls.
   */
  readonly outOfServiceMs: number;
}

export interface ControlApiDeps {
  readonly directory: Directory;
  readonly floor: FloorModel;
  readonly liveFloor: LiveFloor;
  readonly sessions: HttpSessionStore;
  readonly supervisorCalls: SupervisorCalls;
  readonly sip: () => SipStatus | null;
  readonly bayeuxClientCount: () => number;
  readonly dropBayeuxClients: () => number;
  /** CometD answers 503 while blocked; REST goes on working. */
  readonly blockBayeux: (blocked: boolean) => void;
  /** Cuts or restores the network paths to GWS and SIP, or puts a failing proxy in front of GWS. */
  readonly setNetwork: (network: Partial<NetworkConditions>) => NetworkConditions;
  /** Restarts the GWS front end; called after the response has been sent. */
  readonly restart: (downMs: number) => Promise<void>;
  readonly log: (line: string) => void;
  /** Chat and SMS conversations: start, speak, move, end, inspect. */
  readonly messaging: MessagingControl;
  /** Rings a user's SIP phone with an ordinary call (no monitoring, no auto-answer). */
  readonly ringUser: (user: DirectoryUser, from: string) => { callUuid: string };
  readonly contactsPaging: ContactsPaging;
  readonly traffic: GwsTraffic;
  /** The bearer token every request must carry; null where none is asked for. */
  readonly token: string | null;
  /** The Host values this server answers to (its own address); anything else is refused. */
  readonly allowedHosts: () => readonly string[];
}

const stateBody = z.strictObject({
  state: z.enum(['Ready', 'NotReady', 'AfterCallWork', 'LoggedOut']),
  reason: z.string().min(1).max(100).optional(),
});
const interactionBody = z.strictObject({
  kind: z.enum(['call', 'chat', 'sms']),
  customerName: z.string().min(1).max(100).optional(),
  script: z.boolean().optional(),
});
const callBody = z.strictObject({
  customerNumber: z
    .string()
    .regex(/^\+?[0-9]{3,15}$/, 'a phone number: digits with an optional leading +')
    .optional(),
  ringMs: z.number().int().min(0).max(600_000).optional(),
});
const transferBody = z.strictObject({ toAgent: z.string().min(1) });
const sipClusterBody = z.strictObject({ enabled: z.boolean() });
const intrusionBody = z.strictObject({ enabled: z.boolean() });
const delayedOfferBody = z.strictObject({ enabled: z.boolean() });
const floorBody = z.strictObject({ running: z.boolean() });
const cometdBlockBody = z.strictObject({ blocked: z.boolean() });
const networkBody = z.strictObject({
  gws: z.enum(gwsPathStates).optional(),
  sip: z.enum(sipPathStates).optional(),
  outOfServiceMs: z.number().int().min(0).max(600_000).optional(),
});
const restartBody = z.strictObject({ downMs: z.number().int().min(0).max(60_000).optional() });
const expireBody = z.strictObject({ userName: z.string().min(1) });
const passwordBody = z.strictObject({ password: z.string().max(200) });
const contactsBody = z.strictObject({
  maxPageSize: z.number().int().min(1).max(10_000).optional(),
  withheld: z.number().int().min(0).max(10_000).optional(),
});
const ringBody = z.strictObject({
  from: z
    .string()
    .regex(/^\+?[0-9]{3,15}$/, 'a phone number')
    .optional(),
});

export class ControlError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The test and demo remote control under /control: JSON in and out (it exists only when the
 * simulator is started with controlApi, and it listens on 127.0.0.1); see refusal() for who may use it.
 */
export class ControlApi {
  private readonly ringTimers = new Set<NodeJS.Timeout>();

  private readonly voiceControl: VoiceControl;

  constructor(private readonly deps: ControlApiDeps) {
    this.voiceControl = new VoiceControl(deps.supervisorCalls);
  }

  /** Cancels calls still waiting to be answered by their ringMs timer. */
  close(): void {
    for (const timer of this.ringTimers) clearTimeout(timer);
    this.ringTimers.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const refusal = this.refusal(req);
    if (refusal) {
      this.deps.log(`control: refused ${req.method} ${url.pathname}: ${refusal.reason}`);
      sendJson(res, refusal.status, { error: refusal.reason });
      return;
    }
    try {
      const result = await this.route(req, url);
      sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof z.ZodError) {
        sendJson(res, 400, {
          error: error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '),
        });
        return;
      }
      if (!(error instanceof ControlError)) throw error;
      sendJson(res, error.httpStatus, { error: error.message });
    }
  }

  /**
   * Only a program the tester started may drive the contact center: not a web page (browsers send
   * an Origin, and a page could otherwise post here from any site), not a request for another host
   * name (DNS rebinding), and, where a token is set, nothing without it.
   */
  private refusal(req: IncomingMessage): { status: number; reason: string } | null {
    if (req.headers.origin !== undefined)
      return { status: 403, reason: 'the control API takes no requests from web pages' };
    if (!this.deps.allowedHosts().includes(req.headers.host ?? '')) {
      return { status: 421, reason: 'the control API answers only for its own address' };
    }
    if (this.deps.token !== null && !bearerMatches(req.headers.authorization, this.deps.token)) {
      return { status: 401, reason: 'the control API needs its token (Authorization: Bearer …)' };
    }
    return null;
  }

  private async route(req: IncomingMessage, url: URL): Promise<unknown> {
    const method = req.method ?? 'GET';
    const segments = url.pathname.split('/').filter(Boolean).slice(1).map(decodeSegment);
    const [resource, key, action, extra] = segments;
    const messaging = await this.deps.messaging.route(method, segments, () => readJson(req));
    if (messaging !== undefined) return messaging;
    const voiceCall = await this.voiceControl.route(method, segments, () => readJson(req));
    if (voiceCall !== undefined) return voiceCall;
    if (method === 'GET' && resource === 'state' && key === undefined) return this.state();
    if (method === 'POST' && resource === 'agents' && key && action === 'state' && extra === undefined) {
      return this.setAgentState(key, stateBody.parse(await readJson(req)));
    }
    if (method === 'POST' && resource === 'agents' && key && action === 'interactions' && extra === undefined) {
      return this.startInteraction(key, interactionBody.parse(await readJson(req)));
    }
    if (method === 'POST' && resource === 'agents' && key && action === 'calls' && extra === undefined) {
      return this.startCall(key, callBody.parse(await readJson(req)));
    }
    if (method === 'DELETE' && resource === 'interactions' && key && action === undefined)
      return this.endInteraction(key);
    if (method === 'POST' && resource === 'interactions' && key && action === 'transfer' && extra === undefined) {
      return this.transfer(key, transferBody.parse(await readJson(req)).toAgent);
    }
    if (method === 'GET' && resource === 'voice' && key === undefined) return this.voice();
    if (method === 'GET' && resource === 'contacts' && key === undefined) return this.deps.contactsPaging.settings;
    if (method === 'POST' && resource === 'contacts' && key === undefined) {
      return this.deps.contactsPaging.change(contactsBody.parse(await readJson(req)));
    }
    if (method === 'GET' && resource === 'traffic' && key === undefined) return this.deps.traffic.snapshot();
    if (method === 'DELETE' && resource === 'traffic' && key === undefined) {
      this.deps.traffic.reset();
      return this.deps.traffic.snapshot();
    }
    if (method === 'GET' && resource === 'sip' && key === undefined) return this.sipState();
    if (method === 'POST' && resource === 'sip-cluster' && key === undefined) {
      this.deps.supervisorCalls.setSipCluster(sipClusterBody.parse(await readJson(req)).enabled);
      return { ok: true, enabled: this.deps.supervisorCalls.sipCluster };
    }
    if (method === 'POST' && resource === 'intrusion' && key === undefined) {
      this.deps.supervisorCalls.setIntrusionEnabled(intrusionBody.parse(await readJson(req)).enabled);
      return { ok: true, enabled: this.deps.supervisorCalls.intrusionEnabled };
    }
    if (method === 'POST' && resource === 'delayed-offer' && key === undefined) {
      this.deps.supervisorCalls.setDelayedOffer(delayedOfferBody.parse(await readJson(req)).enabled);
      return { ok: true, enabled: this.deps.supervisorCalls.delayedOffer };
    }
    if (method === 'POST' && resource === 'floor' && key === undefined)
      return this.setFloor(floorBody.parse(await readJson(req)).running);
    if (method === 'POST' && resource === 'cometd' && key === 'drop' && action === undefined) {
      return { dropped: this.deps.dropBayeuxClients() };
    }
    if (method === 'POST' && resource === 'cometd' && key === 'block' && action === undefined) {
      const { blocked } = cometdBlockBody.parse(await readJson(req));
      this.deps.blockBayeux(blocked);
      this.deps.log(`control: CometD ${blocked ? 'blocked' : 'unblocked'}`);
      return { ok: true, blocked };
    }
    if (method === 'POST' && resource === 'network' && key === undefined) {
      const network = this.deps.setNetwork(networkBody.parse(await readJson(req)));
      this.deps.log(
        `control: network GWS ${network.gws}, SIP ${network.sip}, out of service ${network.outOfServiceMs} ms`,
      );
      return { ok: true, ...network };
    }
    if (method === 'POST' && resource === 'restart' && key === undefined) {
      const downMs = restartBody.parse(await readJson(req)).downMs ?? 0;
      // Answer first: the restart closes this very connection.
      setImmediate(() => {
        this.deps.restart(downMs).catch((error: unknown) => this.deps.log(`control: restart failed: ${String(error)}`));
      });
      return { ok: true, downMs };
    }
    if (method === 'POST' && resource === 'sessions' && key === 'expire' && action === undefined) {
      const user = this.user(expireBody.parse(await readJson(req)).userName);
      return { expired: this.deps.sessions.invalidateUser(user.id) };
    }
    if (method === 'POST' && resource === 'users' && key && action === 'ring' && extra === undefined) {
      const user = this.user(key);
      return this.deps.ringUser(user, ringBody.parse(await readJson(req)).from ?? '5000');
    }
    if (method === 'POST' && resource === 'users' && key && action === 'password' && extra === undefined) {
      const user = this.user(key);
      this.deps.directory.setPassword(user.id, passwordBody.parse(await readJson(req)).password);
      return { ok: true };
    }
    throw new ControlError(404, `no control endpoint ${method} ${url.pathname}`);
  }

  private state(): unknown {
    const { directory } = this.deps;
    const agents = directory.agents();
    return {
      floorRunning: this.deps.liveFloor.running,
      httpSessions: this.deps.sessions.count(),
      bayeuxClients: this.deps.bayeuxClientCount(),
      agents: agents.map((user) => this.describeUser(user)),
      supervisors: directory
        .all()
        .filter((user) => !user.roles.includes('ROLE_AGENT'))
        .map((user) => this.describeUser(user)),
    };
  }

  private describeUser(user: DirectoryUser): unknown {
    const status = this.deps.floor.status(user.id);
    return {
      id: user.id,
      userName: user.userName,
      displayName: `${user.firstName} ${user.lastName}`,
      groups: user.agentGroups.map((group) => group.name),
      roles: user.roles,
      phoneNumber: user.device.phoneNumber,
      deviceId: user.device.id,
      state: status?.kind ?? 'LoggedOut',
      reason: status?.reason ?? null,
      interactions: this.deps.floor.interactionsOf(user.id).map(describeInteraction),
    };
  }

  private setAgentState(key: string, body: z.infer<typeof stateBody>): unknown {
    const user = this.user(key);
    if (body.reason !== undefined && body.state !== 'NotReady')
      throw new ControlError(400, 'only NotReady takes a reason');
    const outcome = this.deps.floor.setState(user.id, body.state, body.reason ?? null);
    if (!outcome.ok) throw new ControlError(400, outcome.error);
    return { ok: true, state: outcome.value.kind, reason: outcome.value.reason };
  }

  private startInteraction(key: string, body: z.infer<typeof interactionBody>): unknown {
    const user = this.user(key);
    const { floor } = this.deps;
    if (body.kind !== 'call') return this.deps.messaging.start(user, body.kind, body);
    if (body.customerName !== undefined || body.script !== undefined)
      throw new ControlError(400, 'customerName and script are for chat and sms');
    const offered = floor.offerCall(user.id);
    if (!offered.ok) throw new ControlError(400, offered.error);
    floor.establishCall(offered.value.id);
    return { id: offered.value.id };
  }

  /** A customer call at the agent: it rings for ringMs, then is established (at once when 0). */
  private startCall(key: string, body: z.infer<typeof callBody>): unknown {
    const user = this.user(key);
    const { floor } = this.deps;
    const offered = floor.offerCall(user.id, { customerNumber: body.customerNumber });
    if (!offered.ok) throw new ControlError(400, offered.error);
    const ringMs = body.ringMs ?? 0;
    if (ringMs === 0) {
      const established = floor.establishCall(offered.value.id);
      return { id: offered.value.id, establishedAt: established.ok ? established.value.establishedAt : null };
    }
    const timer = setTimeout(() => {
      this.ringTimers.delete(timer);
      floor.establishCall(offered.value.id);
    }, ringMs);
    this.ringTimers.add(timer);
    return { id: offered.value.id, establishedAt: null };
  }

  /** A single-step transfer: the customer goes to the other agent, the first one to After Call Work. */
  private transfer(callId: string, toAgentKey: string): unknown {
    const { floor } = this.deps;
    const to = this.user(toAgentKey);
    const call = floor.interaction(callId);
    if (!call || call.kind !== 'call') throw new ControlError(404, `no call ${callId}`);
    const transferred = floor.transferCall(callId, to.id);
    if (!transferred.ok) throw new ControlError(400, transferred.error);
    if (floor.status(call.agentId)?.kind !== 'LoggedOut') floor.setState(call.agentId, 'AfterCallWork');
    return { ok: true, id: callId, fromAgentId: call.agentId, toAgentId: to.id };
  }

  private voice(): unknown {
    const { supervisorCalls, directory } = this.deps;
    return {
      sipCluster: supervisorCalls.sipCluster,
      intrusionEnabled: supervisorCalls.intrusionEnabled,
      calls: supervisorCalls.all().map((call) => describeSupervisorCall(call, supervisorCalls, directory)),
    };
  }

  private sipState(): unknown {
    const sip = this.deps.sip();
    if (!sip) return { running: false, registrations: [] };
    return {
      running: true,
      webSocketUrl: sip.webSocketUrl,
      domain: sip.domain,
      registrations: sip.registeredUsers.map((dn) => ({
        user: dn,
        userName: this.deps.directory.byPhoneNumber(dn)?.userName ?? null,
      })),
    };
  }

  private endInteraction(id: string): unknown {
    const ended = this.deps.floor.endInteraction(id);
    if (!ended.ok) throw new ControlError(404, ended.error);
    return { ok: true };
  }

  private setFloor(running: boolean): unknown {
    if (running) this.deps.liveFloor.start();
    else this.deps.liveFloor.pause();
    return { ok: true, running: this.deps.liveFloor.running };
  }

  private user(key: string): DirectoryUser {
    const user = this.deps.directory.byIdOrUserName(key);
    if (!user) throw new ControlError(404, `no user ${key}`);
    return user;
  }
}

function describeInteraction(item: Interaction): unknown {
  return {
    id: item.id,
    kind: item.kind,
    state: item.kind === 'call' ? item.state : 'Chatting',
    startedAt: new Date(item.startedAt).toISOString(),
    customer: item.customer,
  };
}

function describeSupervisorCall(call: SupervisorCall, supervisorCalls: SupervisorCalls, directory: Directory): unknown {
  const timings = supervisorCalls.timings(call);
  return {
    id: call.id,
    supervisor: directory.byId(call.supervisorId)?.userName ?? call.supervisorId,
    agentId: call.agentId,
    monitoredCallId: call.monitoredCallId,
    mode: call.mode,
    state: call.state,
    scope: call.subscription.scope,
    monitoredUserMuted: call.monitoredUserMuted,
    releaseReason: call.releaseReason,
    rtpFromSupervisor: supervisorCalls.rtpFromSupervisor(call),
    reoffersFromPhone: supervisorCalls.reoffersFromPhone(call),
    timings: {
      monitoredEstablishedAt: call.monitoredEstablishedAt,
      inviteSentAt: timings.inviteSentAt ?? null,
      answeredAt: timings.answeredAt ?? null,
      dtlsConnectedAt: timings.dtlsConnectedAt ?? null,
      firstRtpSentAt: timings.firstRtpSentAt ?? null,
    },
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer (\S+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ControlError(400, 'malformed path');
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.ok) throw new ControlError(400, text.error);
  if (text.value.trim() === '') return {};
  const json = parseJson(text.value);
  if (!json.ok) throw new ControlError(400, json.error);
  return json.value;
}

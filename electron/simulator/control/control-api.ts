import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Directory } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { FloorModel, Interaction } from '../floor/floor-model';
import type { LiveFloor } from '../floor/live-floor';
import { parseJson, readBody, sendJson } from '../gws/http-io';
import type { HttpSessionStore } from '../gws/http-sessions';

export interface ControlApiDeps {
  readonly directory: Directory;
  readonly floor: FloorModel;
  readonly liveFloor: LiveFloor;
  readonly sessions: HttpSessionStore;
  readonly bayeuxClientCount: () => number;
  readonly dropBayeuxClients: () => number;
  /** Restarts the GWS front end; called after the response has been sent. */
  readonly restart: (downMs: number) => Promise<void>;
  readonly log: (line: string) => void;
}

const stateBody = z.strictObject({
  state: z.enum(['Ready', 'NotReady', 'AfterCallWork', 'LoggedOut']),
  reason: z.string().min(1).max(100).optional(),
});
const interactionBody = z.strictObject({ kind: z.enum(['call', 'chat', 'sms']) });
const floorBody = z.strictObject({ running: z.boolean() });
const restartBody = z.strictObject({ downMs: z.number().int().min(0).max(60_000).optional() });
const expireBody = z.strictObject({ userName: z.string().min(1) });
const passwordBody = z.strictObject({ password: z.string().max(200) });

class ControlError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The test and demo remote control under /control: JSON in and out, no auth (it exists only when
 * the simulator is started with controlApi, and it listens on 127.0.0.1).
 */
export class ControlApi {
  constructor(private readonly deps: ControlApiDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    try {
      const result = await this.route(req, url);
      sendJson(res, 200, result ?? { ok: true });
    } catch (error) {
      if (error instanceof z.ZodError) {
        sendJson(res, 400, { error: error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') });
        return;
      }
      if (!(error instanceof ControlError)) throw error;
      sendJson(res, error.httpStatus, { error: error.message });
    }
  }

  private async route(req: IncomingMessage, url: URL): Promise<unknown> {
    const method = req.method ?? 'GET';
    const segments = url.pathname.split('/').filter(Boolean).slice(1).map(decodeSegment);
    const [resource, key, action, extra] = segments;
    if (method === 'GET' && resource === 'state' && key === undefined) return this.state();
    if (method === 'POST' && resource === 'agents' && key && action === 'state' && extra === undefined) {
      return this.setAgentState(key, stateBody.parse(await readJson(req)));
    }
    if (method === 'POST' && resource === 'agents' && key && action === 'interactions' && extra === undefined) {
      return this.startInteraction(key, interactionBody.parse(await readJson(req)).kind);
    }
    if (method === 'DELETE' && resource === 'interactions' && key && action === undefined) return this.endInteraction(key);
    if (method === 'POST' && resource === 'floor' && key === undefined) return this.setFloor(floorBody.parse(await readJson(req)).running);
    if (method === 'POST' && resource === 'cometd' && key === 'drop' && action === undefined) {
      return { dropped: this.deps.dropBayeuxClients() };
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
      supervisors: directory.all().filter((user) => !agents.includes(user)).map((user) => this.describeUser(user)),
    };
  }

  private describeUser(user: DirectoryUser): unknown {
    const status = this.deps.floor.status(user.id);
    return {
      id: user.id,
      userName: user.userName,
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
    if (body.reason !== undefined && body.state !== 'NotReady') throw new ControlError(400, 'only NotReady takes a reason');
    const outcome = this.deps.floor.setState(user.id, body.state, body.reason ?? null);
    if (!outcome.ok) throw new ControlError(400, outcome.error);
    return { ok: true, state: outcome.value.kind, reason: outcome.value.reason };
  }

  private startInteraction(key: string, kind: 'call' | 'chat' | 'sms'): unknown {
    const user = this.user(key);
    const { floor } = this.deps;
    if (kind === 'call') {
      const offered = floor.offerCall(user.id);
      if (!offered.ok) throw new ControlError(400, offered.error);
      floor.establishCall(offered.value.id);
      return { id: offered.value.id };
    }
    const started = floor.startText(user.id, kind);
    if (!started.ok) throw new ControlError(400, started.error);
    return { id: started.value.id };
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

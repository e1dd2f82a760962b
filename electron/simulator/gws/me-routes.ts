import { z } from 'zod';
import type { AgentStateKind } from '../floor/floor-model';
import type { HttpSessionStore } from './http-sessions';
import type { Notifier } from './notifier';
import {
  gwsFailures,
  describeIssues,
  readOperation,
  requestedSubresources,
  sendCollection,
  sendFailure,
  sendOk,
  sendPartialSuccess,
  type RequestContext,
} from './request-context';
import {
  callsOnDevice,
  channelsJson,
  deviceJson,
  deviceUri,
  statusOf,
  textInteractionJson,
  texts,
  userJson,
  type GwsWorld,
  type Json,
} from './resources';

const meSubresources = ['devices', 'channels', 'settings', 'calls', 'chats', 'smssessions'] as const;

const startSessionBody = z.looseObject({
  operationName: z.literal('StartContactCenterSession'),
  channels: z.array(z.string().min(1)).min(1).optional(),
});

const voiceStateBody = z.looseObject({
  operationName: z.enum(['Ready', 'NotReady', 'AfterCallWork']),
  reasonCode: z.string().min(1).optional(),
  reason: z.string().min(1).optional(),
});

export interface MeRoutesDeps {
  readonly world: GwsWorld;
  readonly sessions: HttpSessionStore;
  readonly notifier: Notifier;
  /** The chats or SMS sessions a supervisor is in, as their copies (listed after the user's own). */
  readonly supervisedConversations?: (userId: string, kind: 'chat' | 'sms') => Json[];
}

/** The signed-in user's own resources under /api/v2/me (gws-api.md §2.4–2.7, A.14). */
export class MeRoutes {
  constructor(private readonly deps: MeRoutesDeps) {}

  getMe(ctx: RequestContext): void {
    const { world } = this.deps;
    const user = ctx.principal.user;
    const json = userJson(world, user);
    const wanted = requestedSubresources(ctx.url, meSubresources);
    if (wanted.has('devices')) json.devices = [deviceJson(world, user)];
    if (wanted.has('channels')) json.channels = channelsJson(world, user);
    if (wanted.has('settings')) json.settings = {};
    if (wanted.has('calls')) json.calls = callsOnDevice(world, user);
    const supervised = (kind: 'chat' | 'sms') => this.deps.supervisedConversations?.(user.id, kind) ?? [];
    if (wanted.has('chats'))
      json.chats = [
        ...texts(world, user, 'chat').map((chat) => textInteractionJson(world, chat)),
        ...supervised('chat'),
      ];
    if (wanted.has('smssessions'))
      json.smssessions = [
        ...texts(world, user, 'sms').map((sms) => textInteractionJson(world, sms)),
        ...supervised('sms'),
      ];
    sendOk(ctx, { user: json });
  }

  async postMe(ctx: RequestContext): Promise<void> {
    const operation = await readOperation(ctx);
    if (!operation.ok) return sendFailure(ctx, gwsFailures.badInput(operation.error));
    switch (operation.value.operationName) {
      case 'StartContactCenterSession':
        return this.startContactCenterSession(ctx, operation.value.body);
      case 'EndContactCenterSession':
        return this.endContactCenterSession(ctx);
      default:
        return sendFailure(ctx, gwsFailures.badInput(`Unsupported operation ${operation.value.operationName}`));
    }
  }

  private startContactCenterSession(ctx: RequestContext, body: Record<string, unknown>): void {
    const parsed = startSessionBody.safeParse(body);
    if (!parsed.success) return sendFailure(ctx, gwsFailures.badInput(describeIssues(parsed.error)));
    const { world, notifier } = this.deps;
    const user = ctx.principal.user;
    const asked = parsed.data.channels ?? ['voice'];
    const unknown = asked.filter((channel) => !world.contactCenterChannels.includes(channel));
    if (unknown.length === asked.length) {
      return sendFailure(ctx, gwsFailures.badInput(`Unknown channel ${unknown[0] ?? ''}`));
    }
    if (unknown.length > 0) {
      // [INF] The documentation promises per-channel details on a partial success without showing their shape.
      sendPartialSuccess(ctx, `Channels not started: ${unknown.join(', ')}`, {
        channels: asked.map((channel) =>
          unknown.includes(channel)
            ? { channel, statusCode: 1, statusMessage: `Unknown channel ${channel}` }
            : { channel, statusCode: 0 },
        ),
      });
    } else {
      sendOk(ctx);
    }
    // A supervisor should not be offered ACD calls, so the session starts Not Ready (as in every sample).
    if (statusOf(world, user).kind === 'LoggedOut') world.floor.setState(user.id, 'NotReady');
    else notifier.deviceChanged(user);
  }

  private endContactCenterSession(ctx: RequestContext): void {
    const { world, sessions } = this.deps;
    const user = ctx.principal.user;
    if (world.supervision.of(user.id)) world.supervision.cancel(user.id);
    world.floor.setState(user.id, 'LoggedOut');
    sendOk(ctx);
    sessions.invalidate(ctx.principal.session.id);
  }

  getDevices(ctx: RequestContext): void {
    const { world } = this.deps;
    const user = ctx.principal.user;
    sendCollection(ctx, 'devices', [deviceJson(world, user)], [deviceUri(world, user)]);
  }

  getDevice(ctx: RequestContext, deviceId: string): void {
    const user = ctx.principal.user;
    if (deviceId !== user.device.id) return sendFailure(ctx, gwsFailures.notFound(`Device ${deviceId} not found`));
    sendOk(ctx, { device: deviceJson(this.deps.world, user) });
  }

  getCalls(ctx: RequestContext): void {
    const { world } = this.deps;
    const mine = callsOnDevice(world, ctx.principal.user);
    sendCollection(
      ctx,
      'calls',
      mine,
      mine.map((call) => `${world.baseUrl()}/api/v2/me/calls/${String(call.id)}`),
    );
  }

  getCall(ctx: RequestContext, callId: string): void {
    const call = callsOnDevice(this.deps.world, ctx.principal.user).find((item) => item.id === callId);
    if (!call) return sendFailure(ctx, gwsFailures.notFound(`Call ${callId} not found`));
    sendOk(ctx, { call });
  }

  getTexts(ctx: RequestContext, kind: 'chat' | 'sms'): void {
    const { world } = this.deps;
    const mine = texts(world, ctx.principal.user, kind);
    const collection = kind === 'chat' ? 'chats' : 'smssessions';
    sendCollection(
      ctx,
      collection,
      mine.map((item) => textInteractionJson(world, item)),
      mine.map((item) => `${world.baseUrl()}/api/v2/${collection}/${item.id}`),
    );
  }

  getText(ctx: RequestContext, kind: 'chat' | 'sms', id: string): void {
    const { world } = this.deps;
    const item = texts(world, ctx.principal.user, kind).find((candidate) => candidate.id === id);
    if (!item)
      return sendFailure(ctx, gwsFailures.notFound(`${kind === 'chat' ? 'Chat' : 'SMS session'} ${id} not found`));
    sendOk(ctx, { [kind === 'chat' ? 'chat' : 'smssession']: textInteractionJson(world, item) });
  }

  getChannels(ctx: RequestContext): void {
    sendOk(ctx, { channels: channelsJson(this.deps.world, ctx.principal.user) });
  }

  getChannel(ctx: RequestContext, name: string): void {
    const channel = channelsJson(this.deps.world, ctx.principal.user).find((item) => item.channel === name);
    if (!channel) return sendFailure(ctx, gwsFailures.notFound(`Channel ${name} not found`));
    sendOk(ctx, { channel });
  }

  /** Ready / NotReady / AfterCallWork on the voice channel (gws-api.md §2.6). */
  async postVoiceChannel(ctx: RequestContext): Promise<void> {
    const operation = await readOperation(ctx);
    if (!operation.ok) return sendFailure(ctx, gwsFailures.badInput(operation.error));
    const parsed = voiceStateBody.safeParse(operation.value.body);
    if (!parsed.success)
      return sendFailure(ctx, gwsFailures.badInput(`Unsupported operation ${operation.value.operationName}`));
    const { world, notifier } = this.deps;
    const user = ctx.principal.user;
    const current = statusOf(world, user);
    if (current.kind === 'LoggedOut')
      return sendFailure(ctx, gwsFailures.wrongState('Start a contact center session first'));
    const kind: AgentStateKind = parsed.data.operationName;
    const reason = kind === 'NotReady' ? (parsed.data.reasonCode ?? parsed.data.reason ?? null) : null;
    sendOk(ctx);
    const before = world.floor.status(user.id);
    const after = world.floor.setState(user.id, kind, reason);
    if (after.ok && after.value === before) notifier.deviceChanged(user);
  }
}

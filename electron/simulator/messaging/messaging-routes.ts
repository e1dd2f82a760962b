import { z } from 'zod';
import { isSupervisor } from '../directory/directory';
import type { Route } from '../gws/gws-api';
import {
  describeIssues,
  gwsFailures,
  isRangeError,
  readOperation,
  sendCollection,
  sendFailure,
  sendOk,
  type RequestContext,
} from '../gws/request-context';
import { statusOf, textInteractionJson, texts, type GwsWorld, type Json } from '../gws/resources';
import type { MessagingCenter } from './messaging-center';
import { conversationUri, messageJson } from './messaging-json';
import type { MessagingChannel } from './supervision-rules';

const monitorBody = z.looseObject({
  operationName: z.enum(['Monitor', 'Coach', 'BargeIn']),
  supervisorMonitoringMode: z.enum(['NextChat', 'AllChats']).optional(),
  nickname: z.string().min(1).max(100).optional(),
});

const monitoringOperations = new Set(['Monitor', 'Coach', 'BargeIn', 'CancelSupervisorMonitoring']);

const messagesQuery = z.object({
  startIndex: z.coerce.number().int().min(1).optional(),
  count: z.coerce.number().int().min(1).optional(),
});

/**
 * The channel in a monitoring path. SMS is spelled three ways across the Genesys pages
 * (gws-api.md §6, §10.1): smssession (canonical), smsession (seed 001) and smsssession.
 */
const channelNames: Readonly<Record<string, MessagingChannel>> = {
  chat: 'chat',
  smssession: 'sms',
  smsession: 'sms',
  smsssession: 'sms',
};

/** The collection in an operation path: chats, smssessions, or the SMSSwitchtoBargeIn table's smsssession. */
const collectionNames: Readonly<Record<string, MessagingChannel>> = {
  chats: 'chat',
  smssessions: 'sms',
  smsssession: 'sms',
};

function collectionOf(kind: MessagingChannel): 'chats' | 'smssessions' {
  return kind === 'chat' ? 'chats' : 'smssessions';
}

function singularOf(kind: MessagingChannel): 'chat' | 'smssession' {
  return kind === 'chat' ? 'chat' : 'smssession';
}

/** Chat and SMS supervision under /api/v2 (gws-api.md §5–6): served before the built-in routes. */
export function messagingRoutes(world: GwsWorld, center: MessagingCenter): Route[] {
  const routes = new MessagingRoutes(world, center);
  const id = '([^/]+)';
  const kindOf = (name: string | undefined, names: Readonly<Record<string, MessagingChannel>>): MessagingChannel =>
    names[name ?? ''] ?? 'chat';
  return [
    {
      method: 'POST',
      pattern: new RegExp(`^/users/${id}/channels/(chat|smssession|smsession|smsssession)$`),
      handler: (ctx, [userId, channel]) => routes.postChannel(ctx, userId ?? '', kindOf(channel, channelNames)),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/me/(chats|smssessions|smsssession)/${id}$`),
      handler: (ctx, [collection, itemId]) =>
        routes.postConversation(ctx, kindOf(collection, collectionNames), itemId ?? ''),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/me/(chats|smssessions)/${id}/messages$`),
      handler: (ctx, [collection, itemId]) =>
        routes.getMessages(ctx, kindOf(collection, collectionNames), itemId ?? ''),
    },
    {
      method: 'GET',
      pattern: /^\/me\/(chats|smssessions)$/,
      handler: (ctx, [collection]) => routes.getConversations(ctx, kindOf(collection, collectionNames)),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/(?:me/)?(chats|smssessions)/${id}$`),
      handler: (ctx, [collection, itemId]) =>
        routes.getConversation(ctx, kindOf(collection, collectionNames), itemId ?? ''),
    },
  ];
}

class MessagingRoutes {
  constructor(
    private readonly world: GwsWorld,
    private readonly center: MessagingCenter,
  ) {}

  /** Monitor / Coach / BargeIn / CancelSupervisorMonitoring on an agent's chat or SMS channel (§5.1–5.2). */
  async postChannel(ctx: RequestContext, agentId: string, channel: MessagingChannel): Promise<void> {
    const supervisor = ctx.principal.user;
    const operation = await readOperation(ctx);
    if (!operation.ok) return sendFailure(ctx, gwsFailures.badInput(operation.error));
    const { operationName, body } = operation.value;
    if (!monitoringOperations.has(operationName))
      return sendFailure(ctx, gwsFailures.badInput(`Unsupported operation ${operationName}`));
    if (!isSupervisor(supervisor))
      return sendFailure(ctx, gwsFailures.noPermission(`${operationName} requires the supervisor role`));
    if (statusOf(this.world, supervisor).kind === 'LoggedOut') {
      return sendFailure(ctx, gwsFailures.wrongState('Start a contact center session first'));
    }
    const agent = this.world.directory.byId(agentId);
    if (!agent) return sendFailure(ctx, gwsFailures.notFound(`User ${agentId} not found`));
    if (operationName === 'CancelSupervisorMonitoring') {
      return this.center.cancelMonitoring(supervisor.id, agent.id, channel)
        ? sendOk(ctx)
        : sendFailure(ctx, gwsFailures.wrongState(`${agent.userName}'s ${channel} is not being monitored`));
    }
    const parsed = monitorBody.safeParse(body);
    if (!parsed.success) return sendFailure(ctx, gwsFailures.badInput(describeIssues(parsed.error)));
    if (isSupervisor(agent)) return sendFailure(ctx, gwsFailures.wrongState(`${agent.userName} is not an agent`));
    this.center.monitor({
      supervisor,
      agent,
      channel,
      operation: parsed.data.operationName,
      frequency: parsed.data.supervisorMonitoringMode ?? 'AllChats',
      nickname: parsed.data.nickname,
    });
    sendOk(ctx);
  }

  async postConversation(ctx: RequestContext, kind: MessagingChannel, id: string): Promise<void> {
    const operation = await readOperation(ctx);
    if (!operation.ok) return sendFailure(ctx, gwsFailures.badInput(operation.error));
    const failure = this.center.operate(
      ctx.principal.user.id,
      kind,
      id,
      operation.value.operationName,
      operation.value.body,
    );
    if (failure) return sendFailure(ctx, failure);
    sendOk(ctx);
  }

  /** §5.6: a supervisor reads the whole log, an agent in the conversation what agents may see. */
  getMessages(ctx: RequestContext, kind: MessagingChannel, id: string): void {
    const conversation = this.center.conversation(id);
    const role = conversation?.kind === kind ? this.center.roleIn(ctx.principal.user.id, conversation) : undefined;
    if (!conversation || !role)
      return sendFailure(ctx, gwsFailures.notFound(`${kind === 'chat' ? 'Chat' : 'SMS session'} ${id} not found`));
    const query = messagesQuery.safeParse(Object.fromEntries(ctx.url.searchParams));
    if (!query.success) {
      const failure = isRangeError(query.error) ? gwsFailures.outOfRange : gwsFailures.badInput;
      return sendFailure(ctx, failure(describeIssues(query.error)));
    }
    const lines = conversation.readableBy(role, query.data.startIndex, query.data.count);
    sendOk(ctx, { messages: lines.map((line) => messageJson(this.world.baseUrl(), line)) });
  }

  /** The user's own chats (an agent's) followed by the ones they supervise. */
  getConversations(ctx: RequestContext, kind: MessagingChannel): void {
    const user = ctx.principal.user;
    const own = texts(this.world, user, kind).map((item) => textInteractionJson(this.world, item));
    const items: Json[] = [...own, ...this.center.supervisedViews(user.id, kind)];
    sendCollection(
      ctx,
      collectionOf(kind),
      items,
      items.map((item) => conversationUri(this.world.baseUrl(), kind, String(item.id))),
    );
  }

  getConversation(ctx: RequestContext, kind: MessagingChannel, id: string): void {
    const user = ctx.principal.user;
    const supervised = this.center
      .supervisorConversations(user.id, kind)
      .find(({ conversation }) => conversation.id === id);
    if (supervised)
      return sendOk(ctx, {
        [singularOf(kind)]: this.center.supervisorView(supervised.conversation, supervised.participant),
      });
    const own = texts(this.world, user, kind).find((item) => item.id === id);
    if (own) return sendOk(ctx, { [singularOf(kind)]: textInteractionJson(this.world, own) });
    sendFailure(ctx, gwsFailures.notFound(`${kind === 'chat' ? 'Chat' : 'SMS session'} ${id} not found`));
  }
}

import { z } from 'zod';
import { ControlError } from './control-api';
import type { Directory } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { FloorModel } from '../floor/floor-model';
import type { Outcome } from '../result';
import type { Conversation, LoggedMessage, Participant } from '../messaging/conversation';
import type { MessagingCenter } from '../messaging/messaging-center';
import { rolesThatSee, type MessagingChannel } from '../messaging/supervision-rules';

const speaker = z.enum(['customer', 'agent']);
const messageBody = z.strictObject({
  from: speaker,
  text: z.string().min(1).max(4000),
  agent: z.string().min(1).optional(),
});
const typingBody = z.strictObject({ from: speaker, typing: z.boolean(), agent: z.string().min(1).optional() });
const agentBody = z.strictObject({ agent: z.string().min(1) });
const transferBody = z.strictObject({ toAgent: z.string().min(1) });
const emptyBody = z.strictObject({});

const actions = new Set(['messages', 'typing', 'join', 'leave', 'transfer', 'requeue', 'complete']);

export interface MessagingControlDeps {
  readonly center: MessagingCenter;
  readonly directory: Directory;
  readonly floor: FloorModel;
}

/**
 * The control API's chat and SMS levers: start a conversation, speak as the customer or an agent,
 * move it between agents, end it, and read back every log with who could see each line.
 */
export class MessagingControl {
  constructor(private readonly deps: MessagingControlDeps) {}

  start(agent: DirectoryUser, kind: MessagingChannel, options: { customerName?: string; script?: boolean }): unknown {
    const started = this.deps.center.startConversation(agent.id, kind, {
      customerName: options.customerName,
      script: options.script ?? true,
    });
    return { id: this.value(started).id };
  }

  /**
   * Answers a control request that is about chat and SMS; undefined leaves it to the rest of the
   * control API (a call's transfer, for one).
   */
  async route(
    method: string,
    segments: readonly (string | undefined)[],
    readJson: () => Promise<unknown>,
  ): Promise<unknown> {
    const [resource, key, action, extra] = segments;
    if (method === 'GET' && resource === 'messaging' && action === undefined) return this.describe(key);
    if (
      method !== 'POST' ||
      resource !== 'interactions' ||
      !key ||
      !action ||
      extra !== undefined ||
      !actions.has(action)
    )
      return undefined;
    const { center } = this.deps;
    if (action === 'transfer' && !center.conversation(key)) return undefined;
    if (!center.conversation(key)) throw new ControlError(404, `no chat or SMS session ${key}`);
    switch (action) {
      case 'messages': {
        const body = messageBody.parse(await readJson());
        return this.line(center.post(key, body.from, body.text, this.optionalAgent(body.agent)));
      }
      case 'typing': {
        const body = typingBody.parse(await readJson());
        return this.line(center.typing(key, body.from, body.typing, this.optionalAgent(body.agent)));
      }
      case 'join':
        return this.state(center.join(key, this.agent(agentBody.parse(await readJson()).agent).id));
      case 'leave':
        return this.state(center.leave(key, this.agent(agentBody.parse(await readJson()).agent).id));
      case 'transfer':
        return this.state(center.transfer(key, this.agent(transferBody.parse(await readJson()).toAgent).id));
      case 'requeue':
        emptyBody.parse(await readJson());
        return this.state(center.requeue(key));
      default:
        emptyBody.parse(await readJson());
        return this.state(center.complete(key));
    }
  }

  private describe(id: string | undefined): unknown {
    const { center } = this.deps;
    if (id !== undefined) {
      const conversation = center.conversation(id);
      if (!conversation) throw new ControlError(404, `no chat or SMS session ${id}`);
      return this.describeConversation(conversation);
    }
    return {
      subscriptions: center.subscriptions.all().map((subscription) => ({
        supervisor: this.userName(subscription.supervisorId),
        supervisorId: subscription.supervisorId,
        agent: this.userName(subscription.agentId),
        agentId: subscription.agentId,
        channel: subscription.channel,
        operationName: subscription.operation,
        supervisorMonitoringMode: subscription.frequency,
        nickname: subscription.nickname,
        since: new Date(subscription.since).toISOString(),
      })),
      interactions: center.conversations().map((conversation) => this.describeConversation(conversation)),
    };
  }

  private describeConversation(conversation: Conversation): unknown {
    const byId = new Map(conversation.participants.map((person) => [person.participantId, person]));
    const ownerId =
      conversation.state === 'Chatting' ? this.deps.floor.interaction(conversation.id)?.agentId : undefined;
    return {
      id: conversation.id,
      kind: conversation.kind,
      state: conversation.state,
      agent: ownerId ? this.userName(ownerId) : null,
      customer: conversation.customer,
      startedAt: new Date(conversation.startedAt).toISOString(),
      participants: conversation.participants.map((person) => this.describeParticipant(person)),
      messages: conversation.log.map((message) => this.describeMessage(message, byId)),
    };
  }

  private describeParticipant(person: Participant): unknown {
    return {
      participantId: person.participantId,
      role: person.role,
      nickname: person.nickname,
      userName: person.userId ? this.userName(person.userId) : null,
      visibility: person.visibility,
      mode: person.mode,
      present: person.present,
    };
  }

  /** Each line with its visibility, the roles that may see it, and who was there to see it. */
  private describeMessage(message: LoggedMessage, byId: ReadonlyMap<string, Participant>): unknown {
    return {
      index: message.index,
      type: message.type,
      text: message.text,
      visibility: message.visibility,
      visibleTo: rolesThatSee(message.visibility),
      from: {
        participantId: message.from.participantId,
        role: message.from.role,
        nickname: message.from.nickname,
        userName: message.from.userId ? this.userName(message.from.userId) : null,
        visibility: message.from.visibility,
      },
      recipients: message.recipients.map((participantId) => {
        const person = byId.get(participantId);
        return { participantId, role: person?.role ?? null, nickname: person?.nickname ?? null };
      }),
      timestamp: new Date(message.at).toISOString(),
    };
  }

  /** `publishedAt` (epoch ms, when the line went out to the participants) lets a benchmark time delivery. */
  private line(outcome: Outcome<LoggedMessage>): unknown {
    const message = this.value(outcome);
    return { ok: true, index: message.index, visibility: message.visibility, publishedAt: message.at };
  }

  private state(outcome: Outcome<Conversation>): unknown {
    const conversation = this.value(outcome);
    return { ok: true, id: conversation.id, state: conversation.state };
  }

  private value<T>(outcome: Outcome<T>): T {
    if (!outcome.ok) throw new ControlError(400, outcome.error);
    return outcome.value;
  }

  private agent(key: string): DirectoryUser {
    const user = this.deps.directory.byIdOrUserName(key);
    if (!user) throw new ControlError(404, `no user ${key}`);
    return user;
  }

  private optionalAgent(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.agent(key).id;
  }

  private userName(userId: string): string {
    return this.deps.directory.byId(userId)?.userName ?? userId;
  }
}

import { z } from 'zod';
import type { Directory } from '../directory/directory';
import { isSupervisor } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { FloorEvent, FloorModel, TextInteraction } from '../floor/floor-model';
import { InteractionIds } from '../floor/interaction-ids';
import { maxTextInteractions } from '../floor/live-floor';
import { Prng } from '../floor/prng';
import { topics } from '../gws/notifier';
import { describeIssues, gwsFailures, type GwsFailure } from '../gws/request-context';
import type { Json } from '../gws/resources';
import { fail, succeed, type Outcome } from '../result';
import { Conversation, type LoggedMessage, type MessageType, type Participant } from './conversation';
import {
  logMessageJson,
  stateMessageJson,
  supervisorConversationJson,
  type SupervisorViewState,
} from './messaging-json';
import { MessagingSubscriptions, type MessagingSubscription } from './messaging-subscriptions';
import { ScriptPlayer, type ScriptStage } from './script-player';
import { scriptsFor, type ScriptAct, type Speaker } from './scripts';
import {
  canSee,
  canSwitch,
  isUnimplementedCapability,
  modeVisibility,
  switchTargets,
  type MessagingChannel,
  type MonitoringFrequency,
  type SupervisorMode,
  type Visibility,
} from './supervision-rules';

export type Publish = (userId: string, topic: string, data: Json) => void;

export interface MessagingCenterOptions {
  readonly directory: Directory;
  readonly floor: FloorModel;
  readonly baseUrl: () => string;
  readonly publish: Publish;
  readonly seed: number;
  /** Scripted conversations the floor started pause while the live floor is paused. */
  readonly floorRunning: () => boolean;
  readonly log: (line: string) => void;
}

export interface StartConversationOptions {
  readonly customerName?: string;
  /** Plays a plain script's lines; false leaves every line after the opening to the caller. */
  readonly script: boolean;
}

export interface MonitorRequest {
  readonly supervisor: DirectoryUser;
  readonly agent: DirectoryUser;
  readonly channel: MessagingChannel;
  readonly operation: SupervisorMode;
  readonly frequency: MonitoringFrequency;
  readonly nickname: string | undefined;
}

export type ControlSpeaker = 'customer' | 'agent';

const textBody = z.looseObject({ text: z.string().min(1).max(4000) });
const leaveBody = z.looseObject({ text: z.string().max(4000).optional() });

const typingOperations: Readonly<Record<string, { readonly typing: boolean; readonly toAgents: boolean }>> = {
  SendStartTypingNotification: { typing: true, toAgents: false },
  SendStopTypingNotification: { typing: false, toAgents: false },
  SendStartTypingToAgentsNotification: { typing: true, toAgents: true },
  SendStopTypingToAgentsNotification: { typing: false, toAgents: true },
};

const openingLines: Readonly<Record<MessagingChannel, string>> = {
  chat: 'Hi, I need some help with my account.',
  sms: 'Hi, I have a question about my account',
};

/** How long before the agent accepted it the customer arrived and wrote the opening line. */
const customerJoinedBeforeMs = 20_000;
const openingLineBeforeMs = 18_000;
/** Completed conversations kept for GET /control/messaging. */
const endedKept = 200;
/** A watched agent with no delivery yet gets a conversation after this many seconds of live floor. */
const nudgeAfterSeconds = 3;

function channelLabel(kind: MessagingChannel): string {
  return kind === 'chat' ? 'Chat' : 'SMS session';
}

function firstName(name: string): string {
  return name.split(' ')[0] ?? name;
}

/** A stable six-digit order or case number per conversation. */
function referenceOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return String(100000 + (hash % 900000));
}

/**
 * The chat server behind GWS for chat and SMS: conversations with their participants and logs,
 * supervisors' monitoring subscriptions, the rules of gws-api.md §5–6 (next-chat delivery,
 * visibility per mode, Revoked, continue-while-another-agent-stays) and the CometD notifications
 * each participant gets. Conversations follow the floor's chat and SMS interactions; scripted ones
 * talk by themselves.
 */
export class MessagingCenter {
  readonly subscriptions = new MessagingSubscriptions();
  private readonly options: MessagingCenterOptions;
  private readonly live = new Map<string, Conversation>();
  private readonly ended: string[] = [];
  private readonly ids: InteractionIds;
  private readonly prng: Prng;
  private readonly player: ScriptPlayer;
  private readonly nudges = new Map<MessagingSubscription, number>();
  /** The colleague a script named before asking them to join. */
  private readonly plannedSecond = new Map<string, string>();
  private readonly unsubscribe: () => void;
  private pendingStart: StartConversationOptions | null = null;
  private timer: NodeJS.Timeout | null = null;
  private second = 0;

  constructor(options: MessagingCenterOptions) {
    this.options = options;
    // Streams of their own, so conversations do not shift the floor's ids or decisions.
    this.ids = new InteractionIds((options.seed ^ 0x3e55a9e) >>> 0);
    this.prng = new Prng((options.seed ^ 0x0c4a7) >>> 0);
    const stage: ScriptStage = {
      line: (id, speaker, text, at) => this.scriptLine(id, speaker, text, at),
      typing: (id, speaker, typing) => this.scriptTyping(id, speaker, typing),
      act: (id, act) => this.scriptAct(id, act),
      isLive: (id) => {
        const state = this.live.get(id)?.state;
        return state === 'Chatting' || state === 'Queued';
      },
    };
    this.player = new ScriptPlayer({
      stage,
      prng: new Prng((options.seed ^ 0x5c819) >>> 0),
      floorRunning: options.floorRunning,
    });
    this.unsubscribe = options.floor.subscribe((event) => this.onFloorEvent(event));
  }

  /** Starts the one-second tick of the scripts. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe();
  }

  /** One second of scripted conversations, and a first chat for a newly watched agent. */
  tick(): void {
    this.second += 1;
    this.player.tick();
    this.nudgeWatchedAgents();
  }

  conversation(id: string): Conversation | undefined {
    return this.live.get(id);
  }

  conversations(): readonly Conversation[] {
    return [...this.live.values()];
  }

  /** The live chats or SMS sessions a supervisor is in, with their participant entry. */
  supervisorConversations(
    userId: string,
    kind: MessagingChannel,
  ): Array<{ conversation: Conversation; participant: Participant }> {
    return this.conversations().flatMap((conversation) => {
      const participant =
        conversation.kind === kind && conversation.state === 'Chatting'
          ? conversation.presentUser(userId, 'supervisor')
          : undefined;
      return participant ? [{ conversation, participant }] : [];
    });
  }

  supervisorView(conversation: Conversation, participant: Participant): Json {
    return supervisorConversationJson(this.options.baseUrl(), conversation, participant, 'Chatting');
  }

  /** The supervisor's copies of the live conversations they are in. */
  supervisedViews(userId: string, kind: MessagingChannel): Json[] {
    return this.supervisorConversations(userId, kind).map(({ conversation, participant }) =>
      this.supervisorView(conversation, participant),
    );
  }

  /** Who the user is in a live conversation (supervisor first), or undefined. */
  roleIn(userId: string, conversation: Conversation): 'supervisor' | 'agent' | undefined {
    if (conversation.state !== 'Chatting') return undefined;
    if (conversation.presentUser(userId, 'supervisor')) return 'supervisor';
    return conversation.presentUser(userId, 'agent') ? 'agent' : undefined;
  }

  // ---- monitoring subscriptions (POST /api/v2/users/{id}/channels/chat|smssession) ----

  monitor(request: MonitorRequest): void {
    const subscription: MessagingSubscription = {
      supervisorId: request.supervisor.id,
      agentId: request.agent.id,
      channel: request.channel,
      operation: request.operation,
      frequency: request.frequency,
      nickname: request.nickname ?? request.supervisor.userName,
      since: this.options.floor.now(),
    };
    this.subscriptions.subscribe(subscription);
    this.nudges.set(subscription, this.second + nudgeAfterSeconds);
    this.options.log(
      `messaging: ${request.supervisor.userName} ${request.operation} ${request.frequency} on ${request.agent.userName}'s ${request.channel}`,
    );
  }

  /** Stops future deliveries; a conversation the supervisor is in goes on until Leave (§5.2). */
  cancelMonitoring(supervisorId: string, agentId: string, channel: MessagingChannel): boolean {
    return this.subscriptions.cancel(supervisorId, agentId, channel);
  }

  // ---- the supervisor's operations (POST /api/v2/me/chats/{id}, /me/smssessions/{id}) ----

  operate(
    supervisorId: string,
    kind: MessagingChannel,
    id: string,
    operationName: string,
    body: Json,
  ): GwsFailure | null {
    const conversation = this.live.get(id);
    const participant =
      conversation?.kind === kind && conversation.state === 'Chatting'
        ? conversation.presentUser(supervisorId, 'supervisor')
        : undefined;
    if (!conversation || !participant?.mode) return gwsFailures.notFound(`${channelLabel(kind)} ${id} not found`);
    const mode = participant.mode;
    const target = switchTargets[operationName];
    if (target) return this.switchMode(conversation, participant, operationName, target);
    const typing = typingOperations[operationName];
    if (typing) {
      if (mode === 'Monitor') return gwsFailures.wrongState(`${operationName} is not allowed in Monitor mode`);
      this.say(
        conversation,
        participant,
        typing.typing ? 'TypingStarted' : 'TypingStopped',
        typing.toAgents ? 'Agents' : modeVisibility[mode],
        null,
      );
      return null;
    }
    switch (operationName) {
      case 'SendMessage':
      case 'SendToAgents': {
        if (mode === 'Monitor') return gwsFailures.wrongState('The supervisor cannot send messages in Monitor mode');
        const parsed = textBody.safeParse(body);
        if (!parsed.success) return gwsFailures.badInput(describeIssues(parsed.error));
        this.say(
          conversation,
          participant,
          'Text',
          operationName === 'SendToAgents' ? 'Agents' : modeVisibility[mode],
          parsed.data.text,
        );
        return null;
      }
      case 'Leave': {
        const parsed = leaveBody.safeParse(body);
        if (!parsed.success) return gwsFailures.badInput(describeIssues(parsed.error));
        this.supervisorLeaves(conversation, participant, parsed.data.text || null);
        return null;
      }
      default:
        return gwsFailures.badInput(
          isUnimplementedCapability(operationName)
            ? `${operationName} is not supported by the demo contact center`
            : `Unsupported operation ${operationName}`,
        );
    }
  }

  // ---- the control API's levers ----

  startConversation(agentId: string, kind: MessagingChannel, options: StartConversationOptions): Outcome<Conversation> {
    const agent = this.options.directory.byId(agentId);
    if (!agent || isSupervisor(agent)) return fail(`${agentId} is not an agent`);
    this.pendingStart = options;
    try {
      const started = this.options.floor.startText(
        agentId,
        kind,
        options.customerName ? { customerName: options.customerName } : {},
      );
      if (!started.ok) return fail(started.error);
      const conversation = this.live.get(started.value.id);
      return conversation ? succeed(conversation) : fail('the conversation did not start');
    } finally {
      this.pendingStart = null;
    }
  }

  post(id: string, from: ControlSpeaker, text: string, agentId: string | undefined): Outcome<LoggedMessage> {
    const speaker = this.controlSpeaker(id, from, agentId);
    if (!speaker.ok) return speaker;
    return succeed(this.say(speaker.value.conversation, speaker.value.participant, 'Text', 'All', text));
  }

  typing(id: string, from: ControlSpeaker, typing: boolean, agentId: string | undefined): Outcome<LoggedMessage> {
    const speaker = this.controlSpeaker(id, from, agentId);
    if (!speaker.ok) return speaker;
    return succeed(
      this.say(
        speaker.value.conversation,
        speaker.value.participant,
        typing ? 'TypingStarted' : 'TypingStopped',
        'All',
        null,
      ),
    );
  }

  /** A second agent joins; a conversation waiting in a queue is delivered to the agent instead. */
  join(id: string, agentId: string): Outcome<Conversation> {
    const conversation = this.live.get(id);
    const agent = this.options.directory.byId(agentId);
    if (!conversation) return fail(`no conversation ${id}`);
    if (!agent || isSupervisor(agent)) return fail(`${agentId} is not an agent`);
    if (conversation.state === 'Completed') return fail('the conversation has ended');
    if (conversation.state === 'Queued') {
      const delivered = this.redeliver(conversation, agent.id);
      return delivered.ok ? succeed(conversation) : delivered;
    }
    if (conversation.presentUser(agent.id, 'agent')) return fail(`${agent.userName} is already in the conversation`);
    if (this.options.floor.status(agent.id)?.kind === 'LoggedOut') return fail('the agent is logged out');
    this.agentJoins(conversation, agent, this.ids.participantId());
    return succeed(conversation);
  }

  leave(id: string, agentId: string): Outcome<Conversation> {
    const conversation = this.chatting(id);
    if (!conversation.ok) return conversation;
    const participant = conversation.value.presentUser(agentId, 'agent');
    if (!participant) return fail('the agent is not in the conversation');
    this.agentLeaves(conversation.value, participant);
    return conversation;
  }

  /** The agent who has it leaves, `toAgentId` joins (unless already in it) and has it from now on. */
  transfer(id: string, toAgentId: string): Outcome<Conversation> {
    const conversation = this.chatting(id);
    if (!conversation.ok) return conversation;
    const to = this.options.directory.byId(toAgentId);
    if (!to || isSupervisor(to)) return fail(`${toAgentId} is not an agent`);
    const fromAgentId = this.options.floor.interaction(id)?.agentId;
    const existing = conversation.value.presentUser(to.id, 'agent');
    const participantId = existing?.participantId ?? this.ids.participantId();
    const moved = this.options.floor.transferText(id, to.id, participantId);
    if (!moved.ok) return moved;
    if (!existing) this.agentJoins(conversation.value, to, participantId);
    const previous = fromAgentId ? conversation.value.presentUser(fromAgentId, 'agent') : undefined;
    if (previous) this.departs(conversation.value, previous);
    return conversation;
  }

  /** Back to the queue: the agents leave, supervisors are Revoked (§5.1), the customer waits. */
  requeue(id: string): Outcome<Conversation> {
    const conversation = this.chatting(id);
    if (!conversation.ok) return conversation;
    const lines: LoggedMessage[] = [];
    for (const agent of conversation.value.presentAgents()) {
      agent.present = false;
      lines.push(conversation.value.append('ParticipantLeft', agent, 'All', null, this.options.floor.now()));
    }
    conversation.value.state = 'Queued';
    this.broadcast(conversation.value, lines, { participantsUpdated: true });
    this.revokeSupervisors(conversation.value);
    this.options.floor.endInteraction(id);
    this.options.log(`messaging: ${id} placed back in the queue`);
    return conversation;
  }

  complete(id: string): Outcome<Conversation> {
    const conversation = this.live.get(id);
    if (!conversation || conversation.state === 'Completed') return fail(`no live conversation ${id}`);
    if (conversation.state === 'Chatting' && this.options.floor.endInteraction(id).ok) return succeed(conversation);
    this.finish(conversation);
    return succeed(conversation);
  }

  // ---- floor events ----

  private onFloorEvent(event: FloorEvent): void {
    switch (event.type) {
      case 'interactionStarted':
        if (event.interaction.kind !== 'call') this.onTextStarted(event.interaction);
        return;
      case 'interactionEnded': {
        const conversation = this.live.get(event.interaction.id);
        // A Queued conversation's interaction ends because it was requeued; it lives on without an agent.
        if (conversation?.state === 'Chatting') this.finish(conversation);
        return;
      }
      case 'stateChanged':
        if (event.status.kind === 'LoggedOut') this.onLoggedOut(event.userId);
        return;
      default:
        return;
    }
  }

  private onTextStarted(item: TextInteraction): void {
    const agent = this.options.directory.byId(item.agentId);
    if (!agent) return;
    const requeued = this.live.get(item.id);
    if (requeued?.state === 'Queued') {
      requeued.state = 'Chatting';
      this.agentJoins(requeued, agent, item.agentParticipantId);
      return;
    }
    const requested = this.pendingStart;
    this.pendingStart = null;
    const controlled = requested !== null;
    const scripts = scriptsFor(item.kind, { plainOnly: controlled });
    const script = requested?.script === false ? null : this.prng.pick(scripts);
    const opening = script?.steps[0];
    const conversation = new Conversation({
      id: item.id,
      kind: item.kind,
      customer: item.customer,
      customerParticipantId: item.customerParticipantId,
      startedAt: item.startedAt,
    });
    this.live.set(item.id, conversation);
    const customer = conversation.customerParticipant;
    conversation.append('ParticipantJoined', customer, 'All', null, item.startedAt - customerJoinedBeforeMs);
    const openingText = opening && 'say' in opening ? opening.text : openingLines[item.kind];
    conversation.append(
      'Text',
      customer,
      'All',
      this.fill(conversation, openingText),
      item.startedAt - openingLineBeforeMs,
    );
    this.agentJoins(conversation, agent, item.agentParticipantId, item.startedAt);
    if (script) {
      const backdatedMs = Math.max(0, this.options.floor.now() - item.startedAt);
      this.player.play(item.id, script, { linesOnly: controlled, backdatedMs, startedAt: item.startedAt });
    }
  }

  private onLoggedOut(userId: string): void {
    const user = this.options.directory.byId(userId);
    if (!user) return;
    if (isSupervisor(user)) {
      // [INF] Chat/SMS subscriptions belong to the supervisor's contact-center session and end with it.
      this.subscriptions.cancelAllOf(userId);
      for (const conversation of this.conversations()) {
        const participant =
          conversation.state === 'Chatting' ? conversation.presentUser(userId, 'supervisor') : undefined;
        if (participant) this.supervisorLeaves(conversation, participant, null);
      }
      return;
    }
    for (const conversation of this.conversations()) {
      const participant = conversation.state === 'Chatting' ? conversation.presentUser(userId, 'agent') : undefined;
      if (participant) this.agentLeaves(conversation, participant);
    }
  }

  // ---- people coming and going ----

  private agentJoins(
    conversation: Conversation,
    agent: DirectoryUser,
    participantId: string,
    at = this.options.floor.now(),
  ): void {
    const participant = conversation.add({
      participantId,
      role: 'agent',
      nickname: agent.firstName,
      userId: agent.id,
      visibility: 'All',
      mode: null,
    });
    const joined = conversation.append('ParticipantJoined', participant, 'All', null, at);
    this.broadcast(conversation, [joined], { participantsUpdated: true, except: participant });
    this.publishLog(agent.id, conversation, conversation.readableBy('agent'));
    this.deliverToWatchers(conversation, agent.id);
  }

  /**
   * An agent leaves. With another agent still in it the conversation goes on, and so does its
   * monitoring (§5.1); [INF] the last agent leaving completes it.
   */
  private agentLeaves(conversation: Conversation, participant: Participant): void {
    const others = conversation.presentAgents().filter((person) => person !== participant);
    const successor = others[0];
    if (successor?.userId && this.options.floor.interaction(conversation.id)?.agentId === participant.userId) {
      this.options.floor.transferText(conversation.id, successor.userId, successor.participantId);
    }
    this.departs(conversation, participant);
    if (!successor && conversation.state === 'Chatting') this.complete(conversation.id);
  }

  private departs(conversation: Conversation, participant: Participant): void {
    participant.present = false;
    const left = conversation.append(
      'ParticipantLeft',
      participant,
      participant.visibility,
      null,
      this.options.floor.now(),
    );
    this.broadcast(conversation, [left], { participantsUpdated: true });
  }

  /** §5.1: a monitored agent accepted a chat, so every supervisor watching them joins it. */
  private deliverToWatchers(conversation: Conversation, agentId: string): void {
    for (const subscription of this.subscriptions.watching(agentId, conversation.kind)) {
      this.nudges.delete(subscription);
      if (conversation.presentUser(subscription.supervisorId, 'supervisor')) continue;
      if (subscription.frequency === 'NextChat')
        this.subscriptions.cancel(subscription.supervisorId, subscription.agentId, subscription.channel);
      const visibility = modeVisibility[subscription.operation];
      const participant = conversation.add({
        participantId: this.ids.participantId(),
        role: 'supervisor',
        nickname: subscription.nickname,
        userId: subscription.supervisorId,
        visibility,
        mode: subscription.operation,
      });
      const joined = conversation.append('ParticipantJoined', participant, visibility, null, this.options.floor.now());
      this.publishState(subscription.supervisorId, conversation, participant, 'StatusChange', 'Chatting');
      this.publishLog(subscription.supervisorId, conversation, conversation.log);
      this.broadcast(conversation, [joined], { participantsUpdated: true, except: participant });
      this.options.log(
        `messaging: ${conversation.kind} ${conversation.id} delivered to supervisor ${subscription.supervisorId} (${subscription.operation})`,
      );
    }
  }

  private switchMode(
    conversation: Conversation,
    participant: Participant,
    operationName: string,
    target: SupervisorMode,
  ): GwsFailure | null {
    if (!participant.mode || !canSwitch(participant.mode, target)) {
      return gwsFailures.wrongState(`${operationName} is not available in ${participant.mode ?? 'this'} mode`);
    }
    participant.mode = target;
    participant.visibility = modeVisibility[target];
    for (const supervisor of conversation.presentSupervisors()) {
      if (supervisor.userId)
        this.publishState(supervisor.userId, conversation, supervisor, 'ParticipantsUpdated', 'Chatting');
    }
    const rejoined = conversation.append('ParticipantRejoined', participant, 'All', null, this.options.floor.now());
    this.broadcast(conversation, [rejoined], { participantsUpdated: false });
    return null;
  }

  /** §5.3 Leave: an optional farewell with the mode's visibility, then the supervisor's copy is Completed. */
  private supervisorLeaves(conversation: Conversation, participant: Participant, farewell: string | null): void {
    const now = this.options.floor.now();
    const lines: LoggedMessage[] = [];
    if (farewell) lines.push(conversation.append('Text', participant, participant.visibility, farewell, now));
    participant.present = false;
    lines.push(conversation.append('ParticipantLeft', participant, participant.visibility, null, now));
    if (participant.userId) {
      this.publishLog(participant.userId, conversation, lines);
      this.publishState(participant.userId, conversation, participant, 'StatusChange', 'Completed');
    }
    this.broadcast(conversation, lines, { participantsUpdated: true });
  }

  private revokeSupervisors(conversation: Conversation): void {
    for (const supervisor of conversation.presentSupervisors()) {
      if (supervisor.userId) this.publishState(supervisor.userId, conversation, supervisor, 'StatusChange', 'Revoked');
      supervisor.present = false;
    }
  }

  private finish(conversation: Conversation): void {
    conversation.state = 'Completed';
    this.revokeSupervisors(conversation);
    this.player.stop(conversation.id);
    this.plannedSecond.delete(conversation.id);
    this.ended.push(conversation.id);
    for (const id of this.ended.splice(0, Math.max(0, this.ended.length - endedKept))) this.live.delete(id);
  }

  private redeliver(conversation: Conversation, agentId: string): Outcome<unknown> {
    const customer = conversation.customer;
    const resume = {
      id: conversation.id,
      customer,
      customerParticipantId: conversation.customerParticipant.participantId,
    };
    const started = this.options.floor.startText(agentId, conversation.kind, { resume });
    return started.ok ? succeed(started.value) : fail(started.error);
  }

  // ---- lines and notifications ----

  private say(
    conversation: Conversation,
    from: Participant,
    type: MessageType,
    visibility: Visibility,
    text: string | null,
    at?: number,
  ): LoggedMessage {
    const message = conversation.append(type, from, visibility, text, at ?? this.options.floor.now());
    this.broadcast(conversation, [message], { participantsUpdated: false });
    return message;
  }

  /**
   * Supervisors get every line (and the new participant list when it changed); agents get the
   * lines their role may see. The customer's side is not on GWS.
   */
  private broadcast(
    conversation: Conversation,
    messages: readonly LoggedMessage[],
    options: { participantsUpdated: boolean; except?: Participant },
  ): void {
    for (const person of conversation.present()) {
      if (person === options.except || person.userId === null) continue;
      if (person.role === 'supervisor') {
        if (options.participantsUpdated)
          this.publishState(person.userId, conversation, person, 'ParticipantsUpdated', 'Chatting');
        this.publishLog(person.userId, conversation, messages);
        continue;
      }
      const visible = messages.filter((message) => canSee('agent', message.visibility));
      if (visible.length > 0) this.publishLog(person.userId, conversation, visible);
    }
  }

  private publishState(
    userId: string,
    conversation: Conversation,
    viewer: Participant,
    notificationType: 'StatusChange' | 'ParticipantsUpdated',
    state: SupervisorViewState,
  ): void {
    const resource = supervisorConversationJson(this.options.baseUrl(), conversation, viewer, state);
    this.options.publish(
      userId,
      this.topicOf(conversation),
      stateMessageJson(conversation.kind, notificationType, resource),
    );
  }

  private publishLog(userId: string, conversation: Conversation, messages: readonly LoggedMessage[]): void {
    this.options.publish(
      userId,
      this.topicOf(conversation),
      logMessageJson(this.options.baseUrl(), conversation, messages),
    );
  }

  private topicOf(conversation: Conversation): string {
    return conversation.kind === 'chat' ? topics.chats : topics.smssessions;
  }

  // ---- the script's stage ----

  private scriptLine(id: string, speaker: Speaker, text: string, at: number | undefined): boolean {
    const conversation = this.live.get(id);
    const person = conversation ? this.speakerIn(conversation, speaker) : undefined;
    if (!conversation || !person) return false;
    this.say(conversation, person, 'Text', 'All', this.fill(conversation, text), at);
    return true;
  }

  private scriptTyping(id: string, speaker: Speaker, typing: boolean): boolean {
    const conversation = this.live.get(id);
    const person = conversation ? this.speakerIn(conversation, speaker) : undefined;
    if (!conversation || !person) return false;
    this.say(conversation, person, typing ? 'TypingStarted' : 'TypingStopped', 'All', null);
    return true;
  }

  private scriptAct(id: string, act: ScriptAct): boolean {
    const conversation = this.live.get(id);
    if (!conversation) return false;
    switch (act) {
      case 'join': {
        if (conversation.state !== 'Chatting') return false;
        const colleague = this.plannedColleague(conversation);
        const agent = colleague ? this.options.directory.byId(colleague) : undefined;
        return agent !== undefined && this.join(id, agent.id).ok;
      }
      case 'leaveSecond': {
        const colleague = this.colleagueIn(conversation);
        return colleague?.userId ? this.leave(id, colleague.userId).ok : false;
      }
      case 'transfer': {
        const to = this.pickFreeAgent(conversation);
        return to !== undefined && this.transfer(id, to).ok;
      }
      case 'requeue':
        return this.requeue(id).ok;
      case 'redeliver': {
        if (conversation.state !== 'Queued') return false;
        const to = this.pickFreeAgent(conversation);
        return to !== undefined && this.redeliver(conversation, to).ok;
      }
      case 'customerLeaves': {
        const customer = conversation.customerParticipant;
        if (conversation.state !== 'Chatting' || !customer.present) return false;
        this.departs(conversation, customer);
        return true;
      }
      case 'complete':
        return this.complete(id).ok;
    }
  }

  private speakerIn(conversation: Conversation, speaker: Speaker): Participant | undefined {
    if (conversation.state !== 'Chatting') return undefined;
    if (speaker === 'customer')
      return conversation.customerParticipant.present ? conversation.customerParticipant : undefined;
    return speaker === 'agent' ? this.ownerIn(conversation) : this.colleagueIn(conversation);
  }

  /** The agent the floor gives the conversation to. */
  private ownerIn(conversation: Conversation): Participant | undefined {
    const ownerId = this.options.floor.interaction(conversation.id)?.agentId;
    return ownerId ? conversation.presentUser(ownerId, 'agent') : undefined;
  }

  private colleagueIn(conversation: Conversation): Participant | undefined {
    const owner = this.ownerIn(conversation);
    return conversation.presentAgents().find((person) => person !== owner);
  }

  /** The colleague a script names before they join; picked once, kept if still free when asked to join. */
  private plannedColleague(conversation: Conversation): string | undefined {
    const planned = this.plannedSecond.get(conversation.id);
    if (planned && this.freeAgents(conversation).includes(planned)) return planned;
    const picked = this.pickFreeAgent(conversation);
    if (picked) this.plannedSecond.set(conversation.id, picked);
    return picked;
  }

  private pickFreeAgent(conversation: Conversation): string | undefined {
    const free = this.freeAgents(conversation);
    return free.length > 0 ? this.prng.pick(free) : undefined;
  }

  /** Agents who could take part: working, never in this conversation before, with room for one more. */
  private freeAgents(conversation: Conversation): string[] {
    const { floor, directory } = this.options;
    const been = new Set(conversation.participants.map((person) => person.userId));
    return directory
      .agents()
      .map((agent) => agent.id)
      .filter((agentId) => {
        const kind = floor.status(agentId)?.kind;
        return (
          (kind === 'Ready' || kind === 'AfterCallWork') &&
          !been.has(agentId) &&
          floor.interactionsOf(agentId, conversation.kind).length < maxTextInteractions
        );
      });
  }

  private fill(conversation: Conversation, text: string): string {
    return text.replace(/\{(customer|agent|second|ref)\}/g, (_match, name: string) => {
      switch (name) {
        case 'customer':
          return firstName(conversation.customer.name);
        case 'agent':
          return this.ownerIn(conversation)?.nickname ?? 'your agent';
        case 'second': {
          const colleague = this.colleagueIn(conversation);
          if (colleague) return colleague.nickname;
          const planned = this.plannedColleague(conversation);
          return (planned && this.options.directory.byId(planned)?.firstName) || 'a colleague';
        }
        default:
          return referenceOf(conversation.id);
      }
    });
  }

  private controlSpeaker(
    id: string,
    from: ControlSpeaker,
    agentId: string | undefined,
  ): Outcome<{ conversation: Conversation; participant: Participant }> {
    const conversation = this.chatting(id);
    if (!conversation.ok) return conversation;
    if (from === 'customer') {
      const customer = conversation.value.customerParticipant;
      return customer.present
        ? succeed({ conversation: conversation.value, participant: customer })
        : fail('the customer has left');
    }
    const participant = agentId ? conversation.value.presentUser(agentId, 'agent') : this.ownerIn(conversation.value);
    return participant
      ? succeed({ conversation: conversation.value, participant })
      : fail('that agent is not in the conversation');
  }

  private chatting(id: string): Outcome<Conversation> {
    const conversation = this.live.get(id);
    if (!conversation) return fail(`no conversation ${id}`);
    return conversation.state === 'Chatting'
      ? succeed(conversation)
      : fail(`the conversation is ${conversation.state.toLowerCase()}`);
  }

  private nudgeWatchedAgents(): void {
    const { floor, floorRunning } = this.options;
    for (const [subscription, dueAt] of [...this.nudges]) {
      const current = this.subscriptions.find(subscription.supervisorId, subscription.agentId, subscription.channel);
      if (current !== subscription) {
        this.nudges.delete(subscription);
        continue;
      }
      if (this.second < dueAt || !floorRunning()) continue;
      // Waits while the agent cannot take one (on a break, or full); delivery removes the nudge.
      const kind = floor.status(subscription.agentId)?.kind;
      if (kind !== 'Ready' && kind !== 'AfterCallWork') continue;
      if (floor.interactionsOf(subscription.agentId, subscription.channel).length >= maxTextInteractions) continue;
      this.nudges.delete(subscription);
      floor.startText(subscription.agentId, subscription.channel);
    }
  }
}

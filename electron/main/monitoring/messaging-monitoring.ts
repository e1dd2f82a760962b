import type { Agent } from '../../common/models/agent';
import type { InteractionEnding, SupervisorAction } from '../../common/models/audit';
import type { MessagingChannel, MessagingCommand, MessagingMode } from '../../common/models/messaging';
import { err, ok, type Result } from '../../common/result';
import { parseGwsDate } from '../contact-center/wire/common';
import {
  messagingMessageTypes,
  parseEach,
  parseMessagingNotification,
  wireConversationSchema,
  type WireConversation,
  type WireMessage,
} from '../contact-center/wire/messaging';
import type { NotificationEnvelope } from '../contact-center/wire/notifications';
import type { WireUser } from '../contact-center/wire/users';
import type { Logger } from '../platform/logger';
import { updateAppState, type AppStore } from '../state/app-store';
import {
  clearMessaging,
  endConversation,
  putConversation,
  removeSubscription,
  updateConversation,
  withMessaging,
} from '../state/messaging-reducers';
import {
  conversationPath,
  fetchConversation,
  fetchConversations,
  fetchMessages,
  type MessagingGws,
} from './messaging-gws';
import { endingOf, isEndState } from './conversation-lifecycle';
import {
  linesChange,
  newRecord,
  renderConversation,
  resourceChange,
  type ConversationRecord,
  type RecordContext,
} from './conversation-record';
import { isMe, type Me } from './messaging-mapping';
import { MessagingSubscriptions, type MonitorRequest } from './messaging-subscriptions';
import {
  busyWith,
  modeLabel,
  monitorComposerReason,
  switchCommand,
  switchOperation,
  switchTargets,
} from './messaging-modes';
import type { IndexRange } from './transcript';

/** What the service needs of the supervisor session (SupervisorSession, once GwsApi offers `get`). */
export interface MessagingSession {
  readonly api: MessagingGws | null;
  onNotification(listener: (notification: NotificationEnvelope) => void): () => void;
  onUserSnapshot(listener: (user: WireUser) => void): () => void;
}

export interface MessagingMonitoringOptions {
  readonly session: MessagingSession;
  readonly store: AppStore;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * Chat and SMS supervision (gws-api.md §5–6): the subscriptions (messaging-subscriptions.ts) and the
 * conversations they deliver. A notification is parsed (contact-center/wire/messaging.ts), its record
 * changed by a pure step (conversation-record.ts), the reads it calls for run here (a conversation
 * not seen yet, a transcript gap, re-reading after a reconnection), and the record's card published:
 * its new lines and its other changes reach the UI as one change (state-changes.ts).
 */
export class MessagingMonitoring {
  private readonly records = new Map<string, ConversationRecord>();
  private readonly discovering = new Set<string>();
  /** Conversations GWS refused to show: their lines are not worth a read each. Oldest first, bounded. */
  private readonly unreadable = new Set<string>();
  private readonly subscriptions: MessagingSubscriptions;
  private readonly actionListeners = new Set<(action: SupervisorAction) => void>();
  private readonly disposers: Array<() => void> = [];
  private readonly now: () => number;
  /** Bumped when everything ends, so answers to requests of an earlier session change nothing. */
  private generation = 0;

  constructor(private readonly options: MessagingMonitoringOptions) {
    this.now = options.now ?? Date.now;
    this.subscriptions = new MessagingSubscriptions({
      api: () => options.session.api,
      store: options.store,
      logger: options.logger,
      emit: (action) => this.emitAction(action),
      generation: () => this.generation,
    });
    this.disposers.push(
      options.session.onNotification((notification) => this.onNotification(notification)),
      options.session.onUserSnapshot((user) => this.onUserSnapshot(user)),
    );
  }

  /** Each supervisor command GWS accepted, for the audit trail. */
  onAction(listener: (action: SupervisorAction) => void): () => void {
    this.actionListeners.add(listener);
    return () => this.actionListeners.delete(listener);
  }

  monitor(request: MonitorRequest): Promise<Result<null>> {
    return this.subscriptions.monitor(request);
  }

  /** Stops delivery of new conversations; those already on the board go on until they end or are left. */
  cancelMonitoring(request: { agentId: string; channel: MessagingChannel }): Promise<Result<null>> {
    return this.subscriptions.cancel(request);
  }

  async switchMode(conversationId: string, mode: MessagingMode): Promise<Result<null>> {
    const record = this.liveRecord(conversationId);
    if (!record) return err('invalid-input', 'That conversation has ended.');
    if (record.pendingCommand) return err('busy', busyWith(record.pendingCommand));
    if (mode === record.mode) return ok(null);
    if (!switchTargets(record.mode, record.capabilities).includes(mode)) {
      return err('invalid-input', `${modeLabel(mode)} is not possible in this conversation right now.`);
    }
    const result = await this.operate(record, switchCommand(mode), { operationName: switchOperation(mode) });
    // The participant list that follows says the new visibility; until then the request stands for it.
    if (result.ok && this.records.get(record.id) === record && !record.ended) this.patch(record, { mode });
    if (result.ok) {
      this.options.logger.info('Chat/SMS mode switched', { conversationId, mode });
      this.emitConversationAction('switch', record, mode, null);
    }
    return result;
  }

  async send(conversationId: string, text: string): Promise<Result<null>> {
    const record = this.liveRecord(conversationId);
    if (!record) return err('invalid-input', 'That conversation has ended.');
    if (record.mode === 'Monitor') return err('invalid-input', monitorComposerReason);
    if (record.pendingCommand) return err('busy', busyWith(record.pendingCommand));
    const result = await this.operate(record, 'send', { operationName: 'SendMessage', text });
    if (result.ok) this.emitConversationAction('send', record, record.mode, text);
    return result;
  }

  /** Leaves the conversation (with an optional farewell line first); it goes on for the others. */
  async leave(conversationId: string, farewell?: string): Promise<Result<null>> {
    const record = this.liveRecord(conversationId);
    if (!record) return err('invalid-input', 'That conversation has already ended.');
    if (record.pendingCommand) return err('busy', busyWith(record.pendingCommand));
    const text = farewell?.trim();
    const result = await this.operate(record, 'leave', { operationName: 'Leave', ...(text ? { text } : {}) });
    if (result.ok) this.emitConversationAction('leave', record, record.mode, text || null);
    if (result.ok && this.records.get(record.id) === record) {
      record.leftByMe = true;
      this.finish(record, 'Completed');
    }
    return result;
  }

  /** Signing out: GWS ends the subscriptions with the contact-center session; nothing stays on the board. */
  endAll(): void {
    for (const record of this.records.values()) if (!record.ended) this.emitEnded(record, 'signed-out');
    this.generation += 1;
    this.records.clear();
    this.discovering.clear();
    this.unreadable.clear();
    this.subscriptions.nicknames.clear();
    this.updateMessaging(clearMessaging);
  }

  dispose(): void {
    this.endAll();
    for (const dispose of this.disposers) dispose();
    this.actionListeners.clear();
  }

  private async operate(
    record: ConversationRecord,
    command: MessagingCommand,
    body: { operationName: string } & Record<string, unknown>,
  ): Promise<Result<null>> {
    const api = this.options.session.api;
    if (!api) return err('not-signed-in', 'Sign in first.');
    const generation = this.generation;
    this.patch(record, { pendingCommand: command, error: null });
    const result = await api.operation(conversationPath(record.channel, record.id), body);
    if (generation !== this.generation || this.records.get(record.id) !== record) return result;
    // A refusal changes nothing but the error shown on the card.
    this.patch(record, result.ok ? { pendingCommand: null } : { pendingCommand: null, error: result.error });
    return result;
  }

  private onNotification(notification: NotificationEnvelope): void {
    if (!messagingMessageTypes.has(notification.data.messageType)) return;
    const parsed = parseMessagingNotification(notification.data, notification.channel);
    if (!parsed.ok) {
      this.options.logger.warn('Skipped a malformed chat/SMS notification', { reason: parsed.reason });
      return;
    }
    const message = parsed.value;
    if (message.kind === 'state') {
      this.onConversation(message.channel, message.conversation, message.notificationType);
      return;
    }
    if (message.rejected.length > 0) {
      this.options.logger.warn('Skipped malformed chat/SMS lines', {
        conversationId: message.conversationId,
        reasons: message.rejected,
      });
    }
    const record = this.records.get(message.conversationId);
    if (record) {
      this.addMessages(record, message.messages);
      return;
    }
    // Lines of a conversation not seen yet: read it, then its whole log (these lines included).
    this.discoverUnknown(message.channel, message.conversationId);
  }

  private onConversation(channel: MessagingChannel, wire: WireConversation, notificationType: string): void {
    const record = this.records.get(wire.id);
    if (record && !record.ended) {
      this.applyResource(record, wire, notificationType);
      if (isEndState(wire.state)) this.finish(record, wire.state);
      else this.publish(record);
      return;
    }
    if (isEndState(wire.state)) {
      if (record && wire.state && record.state !== wire.state) this.patch(record, { state: wire.state });
      else if (!record)
        this.options.logger.debug('Ignored the end of a conversation Earshot was not in', {
          conversationId: wire.id,
          state: wire.state,
        });
      return;
    }
    if (record) {
      // Only a fresh delivery (re-queued, then accepted again by a monitored agent) brings it back.
      if (record.leftByMe || notificationType !== 'StatusChange') return;
      this.records.delete(record.id);
    }
    // A notification that itself lists the supervisor among the participants is the delivery; any
    // other notice of an unknown conversation, whatever its type, is looked up before it is shown.
    const me = this.me();
    if ((wire.participants ?? []).some((participant) => isMe(participant, me))) {
      this.unreadable.delete(wire.id);
      this.startRecord(channel, wire);
      return;
    }
    if (notificationType === 'StatusChange') this.unreadable.delete(wire.id);
    this.discoverUnknown(channel, wire.id);
  }

  /**
   * Every notification naming a conversation Earshot does not hold, whatever its type, goes one way:
   * read it from GWS, show it only if GWS has it live, and remember (and log once) an id GWS does not know.
   */
  private discoverUnknown(channel: MessagingChannel, id: string): void {
    if (this.unreadable.has(id)) return;
    this.inBackground('discover a conversation', this.discover(channel, id));
  }

  private onUserSnapshot(user: WireUser): void {
    for (const channel of ['chat', 'sms'] as const) {
      const entries = channel === 'chat' ? user.chats : user.smssessions;
      if (entries) {
        const { parsed, rejected } = parseEach(entries, wireConversationSchema);
        if (rejected.length > 0)
          this.options.logger.warn('Skipped malformed conversations in the user snapshot', {
            channel,
            reasons: rejected,
          });
        this.recover(channel, parsed);
      } else {
        this.inBackground('re-read live conversations', this.recoverFromList(channel));
      }
    }
  }

  private async recoverFromList(channel: MessagingChannel): Promise<void> {
    const api = this.options.session.api;
    if (!api) return;
    const generation = this.generation;
    const listed = await fetchConversations(api, channel);
    if (generation !== this.generation) return;
    if (!listed.ok) {
      this.options.logger.warn('Could not re-read live conversations', {
        channel,
        reason: listed.error.detail ?? listed.error.message,
      });
      return;
    }
    this.recover(channel, listed.value.conversations);
  }

  /**
   * After a reconnection: conversations the server lists get their missing lines; one it no longer
   * lists is read on its own, and ends only if the server says so (not every server lists the
   * conversations a supervisor is in among the user's subresources).
   */
  private recover(channel: MessagingChannel, live: readonly WireConversation[]): void {
    const present = new Set(live.filter((wire) => !isEndState(wire.state)).map((wire) => wire.id));
    for (const record of [...this.records.values()]) {
      if (record.channel === channel && !record.ended && !present.has(record.id))
        this.inBackground('confirm a conversation is live', this.confirmStillLive(record));
    }
    for (const wire of live) {
      if (!present.has(wire.id)) continue;
      const existing = this.records.get(wire.id);
      let record: ConversationRecord;
      if (existing && !existing.ended) {
        this.applyResource(existing, wire, 'StatusChange');
        this.publish(existing);
        record = existing;
      } else {
        if (existing?.leftByMe) continue;
        if (existing) this.records.delete(existing.id);
        record = this.startRecord(channel, wire);
      }
      if (!wire.participants || wire.participants.length === 0 || wire.state === undefined)
        this.inBackground('read a conversation', this.refreshResource(record));
      this.inBackground('read a transcript', this.fetchLog(record));
    }
  }

  private async confirmStillLive(record: ConversationRecord): Promise<void> {
    const api = this.options.session.api;
    if (!api) return;
    const generation = this.generation;
    const fetched = await fetchConversation(api, record.channel, record.id);
    if (generation !== this.generation || this.records.get(record.id) !== record || record.ended) return;
    if (!fetched.ok) {
      if (fetched.error.code === 'gws-refused') {
        this.options.logger.info('A conversation ended while notifications were down', { conversationId: record.id });
        this.finish(record, record.state);
      } else {
        this.options.logger.warn('Could not check a conversation after reconnecting', {
          conversationId: record.id,
          reason: fetched.error.detail ?? fetched.error.message,
        });
      }
      return;
    }
    this.applyResource(record, fetched.value, 'StatusChange');
    if (isEndState(fetched.value.state)) {
      this.finish(record, fetched.value.state);
      return;
    }
    this.publish(record);
    await this.fetchLog(record);
  }

  private async discover(channel: MessagingChannel, id: string): Promise<void> {
    const api = this.options.session.api;
    if (!api || this.discovering.has(id)) return;
    this.discovering.add(id);
    const generation = this.generation;
    try {
      const fetched = await fetchConversation(api, channel, id);
      if (generation !== this.generation) return;
      if (!fetched.ok) {
        this.options.logger.info('Ignored a notification of a conversation Earshot cannot read', {
          conversationId: id,
          reason: fetched.error.detail ?? fetched.error.message,
        });
        if (fetched.error.code === 'gws-refused') this.rememberUnreadable(id);
        return;
      }
      const wire = fetched.value;
      let record = this.records.get(id);
      if (!record) {
        if (isEndState(wire.state)) return;
        record = this.startRecord(channel, wire);
      }
      await this.fetchLog(record);
    } finally {
      this.discovering.delete(id);
    }
  }

  private async refreshResource(record: ConversationRecord): Promise<void> {
    const api = this.options.session.api;
    if (!api) return;
    const generation = this.generation;
    const fetched = await fetchConversation(api, record.channel, record.id);
    if (generation !== this.generation || this.records.get(record.id) !== record || record.ended) return;
    if (!fetched.ok) {
      this.options.logger.info('Could not read a conversation', {
        conversationId: record.id,
        reason: fetched.error.detail ?? fetched.error.message,
      });
      return;
    }
    this.applyResource(record, fetched.value, 'StatusChange');
    if (isEndState(fetched.value.state)) this.finish(record, fetched.value.state);
    else this.publish(record);
  }

  /** The whole log (or one missing range of it); lines already held are ignored. */
  private async fetchLog(record: ConversationRecord, range?: IndexRange): Promise<void> {
    const api = this.options.session.api;
    if (!api) {
      if (range) record.requested = record.requested.filter((requested) => requested !== range);
      return;
    }
    const generation = this.generation;
    const fetched = await fetchMessages(api, record.channel, record.id, range);
    if (generation !== this.generation || this.records.get(record.id) !== record) return;
    if (!fetched.ok) {
      // Asked again when the next line arrives.
      if (range) record.requested = record.requested.filter((requested) => requested !== range);
      this.options.logger.warn('Could not read a message log', {
        conversationId: record.id,
        range,
        reason: fetched.error.detail ?? fetched.error.message,
      });
      return;
    }
    if (fetched.value.rejected.length > 0) {
      this.options.logger.warn('Skipped malformed chat/SMS lines', {
        conversationId: record.id,
        reasons: fetched.value.rejected,
      });
    }
    const before = record.transcript.indices.length;
    this.addMessages(record, fetched.value.messages);
    const added = record.transcript.indices.length - before;
    if (range)
      this.options.logger.info('Fetched missing lines', {
        conversationId: record.id,
        ...range,
        received: fetched.value.messages.length,
        added,
      });
    else
      this.options.logger.info('Message log re-read', {
        conversationId: record.id,
        received: fetched.value.messages.length,
        added,
      });
  }

  private startRecord(channel: MessagingChannel, wire: WireConversation): ConversationRecord {
    const receivedAt = wire.receivedDate ? parseGwsDate(wire.receivedDate) : null;
    const { record, subscription } = newRecord(channel, wire, this.context(channel), receivedAt);
    this.records.set(record.id, record);
    if (subscription?.frequency === 'NextChat') {
      // GWS ends a NextChat subscription with the one conversation it delivers.
      this.updateMessaging((messaging) => removeSubscription(messaging, subscription.agentId, subscription.channel));
    }
    this.publish(record);
    this.emitAction({
      kind: 'joined',
      channel,
      agentId: record.agentId,
      interactionId: record.id,
      mode: record.mode,
      text: null,
      detail: null,
      otherParty: record.customerName,
    });
    this.options.logger.info('Conversation delivered', {
      conversationId: record.id,
      channel,
      agentId: record.agentId,
      mode: record.mode,
    });
    return record;
  }

  private applyResource(record: ConversationRecord, wire: WireConversation, notificationType: string): void {
    Object.assign(record, resourceChange(record, wire, notificationType, this.context(record.channel)));
  }

  private addMessages(record: ConversationRecord, messages: readonly WireMessage[]): void {
    const { change, gaps } = linesChange(record, messages, this.context(record.channel));
    if (change === null) return;
    Object.assign(record, change);
    this.publish(record);
    for (const range of gaps) {
      this.options.logger.info('Lines are missing from a transcript; fetching them', {
        conversationId: record.id,
        ...range,
      });
      this.inBackground('read missing transcript lines', this.fetchLog(record, range));
    }
  }

  private emitConversationAction(
    kind: SupervisorAction['kind'],
    record: ConversationRecord,
    mode: MessagingMode,
    text: string | null,
  ): void {
    this.emitAction({
      kind,
      channel: record.channel,
      agentId: record.agentId,
      interactionId: record.id,
      mode,
      text,
      detail: null,
    });
  }

  private emitEnded(record: ConversationRecord, ending: InteractionEnding): void {
    this.emitAction({
      kind: 'ended',
      channel: record.channel,
      agentId: record.agentId,
      interactionId: record.id,
      mode: null,
      text: null,
      detail: null,
      otherParty: record.customerName,
      ending,
    });
  }

  private emitAction(action: SupervisorAction): void {
    for (const listener of this.actionListeners) {
      try {
        listener(action);
      } catch (error) {
        this.options.logger.error('An action listener failed', { error });
      }
    }
  }

  /**
   * Reads started from a notification run on their own; whatever goes wrong in one is logged here,
   * so it can never become an unhandled rejection.
   */
  private inBackground(what: string, task: Promise<unknown>): void {
    task.catch((error: unknown) => this.options.logger.error(`Could not ${what}`, { error }));
  }

  private rememberUnreadable(id: string): void {
    this.unreadable.add(id);
    if (this.unreadable.size > 200) this.unreadable.delete(this.unreadable.values().next().value as string);
  }

  private finish(record: ConversationRecord, state: string): void {
    if (record.ended) return;
    record.state = state;
    Object.assign(record, {
      ended: true,
      ending: endingOf({ leftByMe: record.leftByMe, finalState: state, participants: record.participants }),
      endedAt: this.now(),
      typing: [],
      pendingCommand: null,
    });
    const final = renderConversation(record);
    this.updateMessaging((messaging) => endConversation(messaging, final, this.now()));
    // After the ended card is in the state, so the history finds its transcript there.
    this.emitEnded(record, record.ending ?? 'ended');
    // Records are kept only for the conversations the state still holds, ended ones with their transcripts.
    const shown = this.options.store.getState().messaging;
    const kept = new Set([...shown.conversations, ...shown.history].map((conversation) => conversation.id));
    for (const id of [...this.records.keys()]) if (!kept.has(id)) this.records.delete(id);
    this.options.logger.info('Conversation ended', { conversationId: record.id, state });
  }

  private patch(record: ConversationRecord, change: Partial<ConversationRecord>): void {
    Object.assign(record, change);
    if (this.records.get(record.id) === record) this.publish(record);
  }

  private publish(record: ConversationRecord): void {
    const conversation = renderConversation(record);
    this.updateMessaging((messaging) =>
      record.ended
        ? updateConversation(messaging, record.id, () => conversation)
        : putConversation(messaging, conversation),
    );
  }

  private context(channel: MessagingChannel): RecordContext {
    const state = this.options.store.getState();
    return {
      me: this.me(),
      now: this.now(),
      subscriptions: state.messaging.subscriptions.filter((subscription) => subscription.channel === channel),
      agentName: (agentId) => this.agent(agentId)?.displayName,
    };
  }

  private me(): Me {
    const supervisor = this.options.store.getState().session?.supervisor;
    const nicknames = new Set(this.subscriptions.nicknames);
    if (supervisor) nicknames.add(supervisor.userName);
    for (const subscription of this.options.store.getState().messaging.subscriptions) {
      if (subscription.nickname) nicknames.add(subscription.nickname);
    }
    return { userId: supervisor?.id ?? null, nicknames };
  }

  private liveRecord(id: string): ConversationRecord | undefined {
    const record = this.records.get(id);
    return record && !record.ended ? record : undefined;
  }

  private agent(agentId: string): Agent | undefined {
    return this.options.store.getState().team.agents.find((agent) => agent.id === agentId);
  }

  private updateMessaging(change: Parameters<typeof withMessaging>[1]): void {
    updateAppState(this.options.store, (app) => withMessaging(app, change));
  }
}

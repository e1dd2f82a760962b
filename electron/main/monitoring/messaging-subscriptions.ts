import type { Agent } from '../../common/models/agent';
import type { SupervisorAction } from '../../common/models/audit';
import type {
  MessagingChannel,
  MessagingFrequency,
  MessagingMode,
  MessagingSubscription,
} from '../../common/models/messaging';
import { err, ok, type AppError, type Result } from '../../common/result';
import type { Logger } from '../platform/logger';
import { updateAppState, type AppStore } from '../state/app-store';
import { putSubscription, removeSubscription, withMessaging, withSubscriptionError } from '../state/messaging-reducers';
import { monitoringPath, refusedStatusCode, type MessagingGws } from './messaging-gws';

export interface MonitorRequest {
  readonly agentId: string;
  readonly channel: MessagingChannel;
  readonly mode: MessagingMode;
  readonly frequency: MessagingFrequency;
  readonly nickname?: string;
}

export interface MessagingSubscriptionsOptions {
  readonly api: () => MessagingGws | null;
  readonly store: AppStore;
  readonly logger: Logger;
  /** Each command GWS accepted, for the audit trail. */
  readonly emit: (action: SupervisorAction) => void;
  /** Changes when the session ends, so an answer to an earlier session's request changes nothing. */
  readonly generation: () => number;
}

const channelLabel: Readonly<Record<MessagingChannel, string>> = { chat: 'chats', sms: 'SMS sessions' };

/**
 * The supervisor's chat and SMS subscriptions, per agent and channel (gws-api.md §5.1–5.2). They are
 * kept here in the app state, because GWS confirms them with nothing but statusCode 0: pending while
 * GWS is asked, then confirmed, or gone with the error shown.
 */
export class MessagingSubscriptions {
  /** Nicknames the supervisor asked GWS to show: their lines are the supervisor's own. */
  readonly nicknames = new Set<string>();

  constructor(private readonly options: MessagingSubscriptionsOptions) {}

  private get generation(): number {
    return this.options.generation();
  }

  async monitor(request: MonitorRequest): Promise<Result<null>> {
    const api = this.options.api();
    if (!api) return err('not-signed-in', 'Sign in first.');
    const agent = this.agent(request.agentId);
    if (!agent) return err('invalid-input', 'That agent is no longer in your team.');
    const existing = this.subscription(request.agentId, request.channel);
    if (existing?.pending)
      return err('busy', `Still busy with monitoring ${agent.displayName}'s ${channelLabel[request.channel]}.`);
    const nickname = request.nickname?.trim() || null;
    if (
      existing &&
      existing.mode === request.mode &&
      existing.frequency === request.frequency &&
      existing.nickname === nickname
    )
      return ok(null);
    if (nickname) this.nicknames.add(nickname);
    const wanted: MessagingSubscription = {
      agentId: agent.id,
      agentName: agent.displayName,
      channel: request.channel,
      mode: request.mode,
      frequency: request.frequency,
      nickname,
      pending: true,
    };
    const generation = this.generation;
    this.updateMessaging((messaging) => withSubscriptionError(putSubscription(messaging, wanted), null));
    const path = monitoringPath(agent.id, request.channel);

    if (existing) {
      // A subscription's mode cannot be changed in place: cancel, then subscribe again.
      const cancelled = await api.operation(path, { operationName: 'CancelSupervisorMonitoring' });
      if (generation !== this.generation) return cancelled;
      if (!cancelled.ok && !isNotMonitoring(cancelled.error)) {
        this.updateMessaging((messaging) =>
          withSubscriptionError(putSubscription(messaging, existing), cancelled.error),
        );
        return cancelled;
      }
    }
    const started = await api.operation(path, {
      operationName: request.mode,
      supervisorMonitoringMode: request.frequency,
      ...(nickname ? { nickname } : {}),
    });
    if (generation !== this.generation) return started;
    if (!started.ok) {
      this.updateMessaging((messaging) =>
        withSubscriptionError(removeSubscription(messaging, agent.id, request.channel), started.error),
      );
      return started;
    }
    this.updateMessaging((messaging) => putSubscription(messaging, { ...wanted, pending: false }));
    this.options.logger.info('Chat/SMS monitoring started', {
      agentId: agent.id,
      channel: request.channel,
      mode: request.mode,
      frequency: request.frequency,
    });
    this.options.emit({
      kind: 'monitor',
      channel: request.channel,
      agentId: agent.id,
      interactionId: null,
      mode: request.mode,
      text: null,
      detail: `${request.frequency === 'NextChat' ? 'next' : 'all'} ${channelLabel[request.channel]}${nickname ? `, as ${nickname}` : ''}`,
    });
    return ok(null);
  }

  async cancel(request: { agentId: string; channel: MessagingChannel }): Promise<Result<null>> {
    const api = this.options.api();
    if (!api) return err('not-signed-in', 'Sign in first.');
    const existing = this.subscription(request.agentId, request.channel);
    if (!existing) return err('invalid-input', `You are not monitoring that agent's ${channelLabel[request.channel]}.`);
    if (existing.pending)
      return err('busy', `Still busy with monitoring ${existing.agentName}'s ${channelLabel[request.channel]}.`);
    const generation = this.generation;
    this.updateMessaging((messaging) =>
      withSubscriptionError(putSubscription(messaging, { ...existing, pending: true }), null),
    );
    const cancelled = await api.operation(monitoringPath(request.agentId, request.channel), {
      operationName: 'CancelSupervisorMonitoring',
    });
    if (generation !== this.generation) return cancelled;
    if (!cancelled.ok && !isNotMonitoring(cancelled.error)) {
      this.updateMessaging((messaging) => withSubscriptionError(putSubscription(messaging, existing), cancelled.error));
      return cancelled;
    }
    // "Not monitoring" from GWS means the subscription is already gone there (a NextChat that was used).
    this.updateMessaging((messaging) => removeSubscription(messaging, request.agentId, request.channel));
    this.options.logger.info('Chat/SMS monitoring cancelled', { agentId: request.agentId, channel: request.channel });
    this.options.emit({
      kind: 'cancel',
      channel: request.channel,
      agentId: request.agentId,
      interactionId: null,
      mode: existing.mode,
      text: null,
      detail: null,
    });
    return ok(null);
  }

  private subscription(agentId: string, channel: MessagingChannel): MessagingSubscription | undefined {
    return this.options.store
      .getState()
      .messaging.subscriptions.find(
        (subscription) => subscription.agentId === agentId && subscription.channel === channel,
      );
  }

  private agent(agentId: string): Agent | undefined {
    return this.options.store.getState().team.agents.find((agent) => agent.id === agentId);
  }

  private updateMessaging(change: Parameters<typeof withMessaging>[1]): void {
    updateAppState(this.options.store, (app) => withMessaging(app, change));
  }
}

/** GWS's "not monitoring that agent" (2) or "no such subscription" (6): nothing to cancel there. */
function isNotMonitoring(error: AppError): boolean {
  const status = refusedStatusCode(error);
  return status === 2 || status === 6;
}

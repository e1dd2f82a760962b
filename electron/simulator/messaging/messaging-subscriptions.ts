import type { MessagingChannel, MonitoringFrequency, SupervisorMode } from './supervision-rules';

/** A supervisor's standing order to join an agent's next chats or SMS sessions (gws-api.md §5.1, §6). */
export interface MessagingSubscription {
  readonly supervisorId: string;
  readonly agentId: string;
  readonly channel: MessagingChannel;
  readonly operation: SupervisorMode;
  readonly frequency: MonitoringFrequency;
  readonly nickname: string;
  /** Epoch ms of the request. */
  readonly since: number;
}

function keyOf(supervisorId: string, agentId: string, channel: MessagingChannel): string {
  return `${supervisorId}|${agentId}|${channel}`;
}

/**
 * Unlike voice, several supervisors may watch one agent's chats, and one supervisor several
 * agents; per supervisor, agent and channel there is one subscription, and a new request replaces it.
 */
export class MessagingSubscriptions {
  private readonly byKey = new Map<string, MessagingSubscription>();

  subscribe(subscription: MessagingSubscription): void {
    const key = keyOf(subscription.supervisorId, subscription.agentId, subscription.channel);
    // Re-inserted, so delivery order follows the latest request.
    this.byKey.delete(key);
    this.byKey.set(key, subscription);
  }

  find(supervisorId: string, agentId: string, channel: MessagingChannel): MessagingSubscription | undefined {
    return this.byKey.get(keyOf(supervisorId, agentId, channel));
  }

  cancel(supervisorId: string, agentId: string, channel: MessagingChannel): boolean {
    return this.byKey.delete(keyOf(supervisorId, agentId, channel));
  }

  cancelAllOf(supervisorId: string): number {
    const mine = this.all().filter((subscription) => subscription.supervisorId === supervisorId);
    for (const subscription of mine) this.cancel(subscription.supervisorId, subscription.agentId, subscription.channel);
    return mine.length;
  }

  watching(agentId: string, channel: MessagingChannel): MessagingSubscription[] {
    return this.all().filter((subscription) => subscription.agentId === agentId && subscription.channel === channel);
  }

  all(): MessagingSubscription[] {
    return [...this.byKey.values()];
  }
}

import { fail, succeed, type Outcome } from '../result';

export type VoiceMonitoringState = 'ListenIn' | 'Coach' | 'BargeIn';
export type VoiceMonitoringMode = 'NextCall' | 'AllCalls';
export type VoiceMonitoringScope = 'Agent' | 'Call';

export interface VoiceSubscription {
  readonly supervisorId: string;
  readonly targetUserId: string;
  readonly state: VoiceMonitoringState;
  readonly mode: VoiceMonitoringMode;
  readonly scope: VoiceMonitoringScope;
  /** How the supervisor named the target; the 8.6.0 notification shows an empty targetDeviceUri for a phone number. */
  readonly requestedBy: 'targetDeviceUri' | 'phoneNumber';
}

export type SupervisionListener = (supervisorId: string, subscription: VoiceSubscription | null) => void;

/**
 * Voice monitoring subscriptions (SIP Server's TMonitorNextCall, gws-api.md §4.2–4.3): which
 * supervisor watches which agent's device, in which mode. Only one supervisor may watch a device.
 * Delivering the monitored call to the supervisor hangs off the floor's callEstablished event.
 */
export class VoiceSupervision {
  private readonly bySupervisor = new Map<string, VoiceSubscription>();
  private readonly listeners = new Set<SupervisionListener>();

  onChange(listener: SupervisionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  of(supervisorId: string): VoiceSubscription | undefined {
    return this.bySupervisor.get(supervisorId);
  }

  watching(targetUserId: string): VoiceSubscription | undefined {
    return [...this.bySupervisor.values()].find((sub) => sub.targetUserId === targetUserId);
  }

  all(): readonly VoiceSubscription[] {
    return [...this.bySupervisor.values()];
  }

  subscribe(subscription: VoiceSubscription): Outcome<VoiceSubscription> {
    const holder = this.watching(subscription.targetUserId);
    if (holder && holder.supervisorId !== subscription.supervisorId) {
      return fail('another supervisor already monitors this device');
    }
    this.bySupervisor.set(subscription.supervisorId, subscription);
    this.emit(subscription.supervisorId, subscription);
    return succeed(subscription);
  }

  cancel(supervisorId: string): Outcome<VoiceSubscription> {
    const subscription = this.bySupervisor.get(supervisorId);
    if (!subscription) return fail('no supervisor monitoring is active');
    this.bySupervisor.delete(supervisorId);
    this.emit(supervisorId, null);
    return succeed(subscription);
  }

  private emit(supervisorId: string, subscription: VoiceSubscription | null): void {
    for (const listener of [...this.listeners]) listener(supervisorId, subscription);
  }
}

import { useAppStore } from '../../store/store-context';
import { AgentMenuTrigger } from './agent-menu';
import { MessagingTrigger } from './messaging-menu';
import { MonitorButtons } from './monitor-buttons';
import { VoiceSubscriptionStatus } from './voice-subscription-status';

/**
 * Subscribes to the store on its own, so a voice or chat change re-renders this cell and not the
 * team table's memoised rows. Wide tables show every action on the row; narrow ones fold them into
 * one menu, beside the monitoring indicator.
 */
export function MonitorActions({
  agentId,
  agentName,
  tabbable,
  folded,
}: {
  agentId: string;
  agentName: string;
  tabbable: boolean;
  /** The table is too narrow for the row's buttons: one Monitor menu instead. */
  folded: boolean;
}) {
  const monitored = useAppStore((state) => state.mirror.app?.voice.subscription?.agentId === agentId);
  return (
    <div className="row-actions">
      {monitored && <VoiceSubscriptionStatus tabbable={tabbable} />}
      {!monitored && !folded && <MonitorButtons agentId={agentId} agentName={agentName} tabbable={tabbable} />}
      {folded ? (
        <AgentMenuTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
      ) : (
        <MessagingTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
      )}
    </div>
  );
}

import { useAppStore } from '../../store/store-context';
import { AgentMenuTrigger } from './agent-menu';
import { MessagingTrigger } from './messaging-menu';
import { MonitorButtons } from './monitor-buttons';
import { VoiceSubscriptionStatus } from './voice-subscription-status';

/**
 * Subscribes to the store on its own, so a voice or chat change re-renders this cell and not the
 * team table's memoised rows. Wide windows show every action on the row; narrow ones fold them
 * into one menu (which of the two shows is the stylesheet's choice, by the table's width).
 */
export function MonitorActions({
  agentId,
  agentName,
  tabbable,
}: {
  agentId: string;
  agentName: string;
  tabbable: boolean;
}) {
  const monitored = useAppStore((state) => state.mirror.app?.voice.subscription?.agentId === agentId);
  return (
    <div className="row-actions">
      {monitored ? (
        <VoiceSubscriptionStatus tabbable={tabbable} />
      ) : (
        <div className="row-actions__wide">
          <MonitorButtons agentId={agentId} agentName={agentName} tabbable={tabbable} />
        </div>
      )}
      <div className="row-actions__wide">
        <MessagingTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
      </div>
      <AgentMenuTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
    </div>
  );
}

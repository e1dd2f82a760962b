import type { VoiceMonitoring } from '../../../../electron/common/models/agent';
import { useAppStore } from '../../store/store-context';
import { AgentMenuTrigger } from './agent-menu';
import { MessagingTrigger } from './messaging-menu';
import { MonitorButtons, NothingToMonitor } from './monitor-buttons';
import { MonitoringStatus } from './monitoring-status';

/**
 * Subscribes to the store on its own, so a voice or chat change re-renders this cell and not the
 * team table's memoised rows. Wide tables show every action on the row; narrow ones fold them into
 * one menu, beside the monitoring indicator.
 */
export function MonitorActions({
  agentId,
  agentName,
  voiceMonitoring,
  tabbable,
  folded,
}: {
  agentId: string;
  agentName: string;
  /** What the buttons can reach, as main decided it: a call in progress, the next call, or nothing. */
  voiceMonitoring: VoiceMonitoring;
  tabbable: boolean;
  /** The table is too narrow for the row's buttons: one Monitor menu instead. */
  folded: boolean;
}) {
  const monitored = useAppStore(
    (state) => state.mirror.app?.voice.monitoredAgents.some((agent) => agent.agentId === agentId) ?? false,
  );
  return (
    <div className="row-actions">
      {monitored && <MonitoringStatus agentId={agentId} tabbable={tabbable} />}
      {!monitored && !folded && voiceMonitoring === 'logged-out' && <NothingToMonitor />}
      {!monitored && !folded && voiceMonitoring !== 'logged-out' && (
        <MonitorButtons
          agentId={agentId}
          agentName={agentName}
          agentOnCall={voiceMonitoring === 'call-in-progress'}
          tabbable={tabbable}
        />
      )}
      {folded ? (
        <AgentMenuTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
      ) : (
        <MessagingTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
      )}
    </div>
  );
}

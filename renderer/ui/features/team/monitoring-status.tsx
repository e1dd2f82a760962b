import { commandKeys, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { describeMonitoredAgent, describeSubscription } from '../voice/voice-model';

/**
 * What monitoring this agent means right now, as main derived it: the live call's mode and who can
 * hear the supervisor, or the subscription's status. The agent monitored by the subscription also
 * gets Cancel; an agent reached by following a transferred call does not.
 */
export function MonitoringStatus({ agentId, tabbable }: { agentId: string; tabbable: boolean }) {
  const commands = useCommands();
  const entry = useAppStore(
    (state) => state.mirror.app?.voice.monitoredAgents.find((agent) => agent.agentId === agentId) ?? null,
  );
  const subscription = useAppStore((state) =>
    state.mirror.app?.voice.subscription?.agentId === agentId ? state.mirror.app.voice.subscription : null,
  );
  const cancelling = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.subscription));
  if (entry === null) return null;
  const view = describeMonitoredAgent(entry);
  const options = subscription ? describeSubscription(subscription) : null;
  return (
    <div
      className={`subscription subscription--${entry.mode} subscription--${view.tone}`}
      data-testid="monitoring-subscription"
      data-mode={entry.mode}
      data-status={entry.status}
      data-audience={entry.audience}
      data-scope={subscription?.scope}
      data-frequency={subscription?.frequency}
      data-waiting={entry.status === 'waiting'}
      title={options?.description ?? view.text}
    >
      <span className="subscription__status" data-testid="monitoring-status">
        {view.text}
      </span>
      {options && <span className="visually-hidden">({options.options})</span>}
      {subscription && (
        <button
          type="button"
          className="button button--small subscription__cancel"
          data-testid="monitoring-cancel"
          tabIndex={tabbable ? 0 : -1}
          disabled={subscription.status === 'requesting' || subscription.status === 'cancelling' || cancelling}
          onClick={() => void commands.cancelMonitoring()}
        >
          Cancel
        </button>
      )}
    </div>
  );
}

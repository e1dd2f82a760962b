import type { ComponentType, SVGProps } from 'react';
import type { VoiceMode } from '../../../../electron/common/models/voice';
import { HeadsetIcon, LoudIcon, SpeakingIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import type { AppStoreState } from '../../store/app-store';
import { useAppStore, useCommands } from '../../store/store-context';
import { describeMonitoredAgent, describeSubscription } from '../voice/voice-model';
import { MessagingTrigger } from './messaging-menu';
import { monitorButtonWording } from './monitor-wording';

interface MonitorButtonSpec {
  readonly mode: VoiceMode;
  readonly testId: string;
  readonly Icon: ComponentType<SVGProps<SVGSVGElement>>;
}

const buttons: ReadonlyArray<MonitorButtonSpec> = [
  { mode: 'ListenIn', testId: 'listen', Icon: HeadsetIcon },
  { mode: 'Coach', testId: 'coach', Icon: SpeakingIcon },
  { mode: 'BargeIn', testId: 'barge', Icon: LoudIcon },
];

/** Why monitoring cannot start right now, or null when it can. */
function monitorBlockedReason(state: AppStoreState): string | null {
  const app = state.mirror.app;
  if (app === null || app.connection.status !== 'connected') return 'Waiting for the connection to the contact center';
  const status = app.voice.subscription?.status;
  if (
    status === 'requesting' ||
    status === 'cancelling' ||
    isSending(state.ui.commandStatuses, commandKeys.subscription)
  ) {
    return 'Waiting for the current monitoring request';
  }
  return null;
}

function MonitorButtons({
  agentId,
  agentName,
  agentOnCall,
  tabbable,
}: {
  agentId: string;
  agentName: string;
  agentOnCall: boolean;
  tabbable: boolean;
}) {
  const commands = useCommands();
  const blockedReason = useAppStore(monitorBlockedReason);
  const scope = useAppStore((state) => state.ui.monitorOptions.scope);
  const frequency = useAppStore((state) => state.ui.monitorOptions.frequency);
  const defaultMode = useAppStore((state) => state.settings.view?.settings.monitoring.voice.mode ?? 'ListenIn');
  return (
    <div className="monitor-buttons" role="group" aria-label={`Monitor ${agentName}`}>
      {buttons.map(({ mode, testId, Icon }) => {
        const wording = monitorButtonWording(
          mode,
          { name: agentName, onCall: agentOnCall },
          { scope, frequency, usual: mode === defaultMode },
        );
        return (
          <button
            key={mode}
            type="button"
            className={`monitor-button monitor-button--${testId}${mode === defaultMode ? ' is-default' : ''}`}
            data-testid={`monitor-${testId}-${agentId}`}
            data-default={mode === defaultMode}
            aria-label={wording.name}
            title={blockedReason ?? wording.description}
            tabIndex={tabbable ? 0 : -1}
            disabled={blockedReason !== null}
            onClick={() => void commands.startMonitoring({ agentId, agentName, mode })}
          >
            <Icon className="monitor-button__icon" width={14} height={14} />
            <span className="monitor-button__text">{wording.text}</span>
          </button>
        );
      })}
    </div>
  );
}

/**
 * What monitoring this agent means right now, as main derived it: the live call's mode and who can
 * hear the supervisor, or the subscription's status. The agent monitored by the subscription also
 * gets Cancel; an agent reached by following a transferred call does not.
 */
function MonitoringStatus({ agentId, tabbable }: { agentId: string; tabbable: boolean }) {
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

/**
 * Subscribes to the store on its own, so a voice or chat change re-renders this cell and not the
 * team table's memoised rows.
 */
export function MonitorActions({
  agentId,
  agentName,
  agentOnCall,
  tabbable,
}: {
  agentId: string;
  agentName: string;
  /** Whether a Barge in would join a call in progress, so the buttons can say so before the click. */
  agentOnCall: boolean;
  tabbable: boolean;
}) {
  const monitored = useAppStore(
    (state) => state.mirror.app?.voice.monitoredAgents.some((agent) => agent.agentId === agentId) ?? false,
  );
  return (
    <div className="row-actions">
      {monitored ? (
        <MonitoringStatus agentId={agentId} tabbable={tabbable} />
      ) : (
        <MonitorButtons agentId={agentId} agentName={agentName} agentOnCall={agentOnCall} tabbable={tabbable} />
      )}
      <MessagingTrigger agentId={agentId} agentName={agentName} tabbable={tabbable} />
    </div>
  );
}

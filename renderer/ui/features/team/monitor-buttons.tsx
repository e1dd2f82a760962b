import type { ComponentType, SVGProps } from 'react';
import type { VoiceMode } from '../../../../electron/common/models/voice';
import { HeadsetIcon, LoudIcon, SpeakingIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import type { AppStoreState } from '../../store/app-store';
import { useAppStore, useCommands } from '../../store/store-context';
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

/**
 * Where Listen, Coach and Barge in would be when main offers none (a logged-out agent): why, in
 * words, in the row and in its menu alike.
 */
export function NothingToMonitor({ placement = 'row' }: { placement?: 'row' | 'menu' }) {
  return (
    <span
      className="monitor-unavailable"
      data-testid={placement === 'row' ? 'monitor-unavailable' : 'agent-menu-unavailable'}
    >
      Logged out — nothing to monitor
    </span>
  );
}

/** Listen, Coach and Barge in for one agent: on the row in wide tables, in the row's menu in narrow ones. */
export function MonitorButtons({
  agentId,
  agentName,
  agentOnCall,
  tabbable,
  onStart,
  placement = 'row',
}: {
  agentId: string;
  agentName: string;
  /** Whether a Barge in would join a call in progress, so the buttons can say so before the click. */
  agentOnCall: boolean;
  tabbable: boolean;
  /** Called once a button has sent its command (the menu closes). */
  onStart?: () => void;
  /** Where the buttons are: each place has its own test ids. */
  placement?: 'row' | 'menu';
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
            data-testid={placement === 'row' ? `monitor-${testId}-${agentId}` : `agent-menu-${testId}`}
            data-default={mode === defaultMode}
            aria-label={wording.name}
            title={blockedReason ?? wording.description}
            tabIndex={tabbable ? 0 : -1}
            disabled={blockedReason !== null}
            onClick={() => {
              void commands.startMonitoring({ agentId, agentName, mode });
              onStart?.();
            }}
          >
            <Icon className="monitor-button__icon" width={14} height={14} />
            <span className="monitor-button__text">{wording.text}</span>
          </button>
        );
      })}
    </div>
  );
}

import type { ComponentType, SVGProps } from 'react';
import type { VoiceMode } from '../../../../electron/common/models/voice';
import { HeadsetIcon, LoudIcon, SpeakingIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import type { AppStoreState } from '../../store/app-store';
import { useAppStore, useCommands } from '../../store/store-context';
import { frequencyLabels, monitorActionPhrase, scopeLabels } from '../voice/voice-model';

interface MonitorButtonSpec {
  readonly mode: VoiceMode;
  readonly testId: string;
  readonly text: string;
  readonly Icon: ComponentType<SVGProps<SVGSVGElement>>;
  accessibleName(agentName: string): string;
  consequence(agentName: string): string;
}

const buttons: ReadonlyArray<MonitorButtonSpec> = [
  {
    mode: 'ListenIn',
    testId: 'listen',
    text: 'Listen',
    Icon: HeadsetIcon,
    accessibleName: (name) => monitorActionPhrase('ListenIn', name),
    consequence: () => 'silent, nobody hears you',
  },
  {
    mode: 'Coach',
    testId: 'coach',
    text: 'Coach',
    Icon: SpeakingIcon,
    accessibleName: (name) => monitorActionPhrase('Coach', name),
    consequence: (name) => `${name} hears you, the customer does not`,
  },
  {
    mode: 'BargeIn',
    testId: 'barge',
    text: 'Barge in',
    Icon: LoudIcon,
    accessibleName: (name) => monitorActionPhrase('BargeIn', name),
    consequence: (name) => `${name} and the customer hear you`,
  },
];

/** Why monitoring cannot start right now, or null when it can. */
function monitorBlockedReason(state: AppStoreState): string | null {
  const app = state.mirror.app;
  if (app === null || app.connection.status !== 'connected') return 'Waiting for the connection to the contact center';
  if (app.voice.subscription?.pending || isSending(state.ui.commandStatuses, commandKeys.subscription)) {
    return 'Waiting for the current monitoring request';
  }
  return null;
}

/** Listen, Coach and Barge in for one agent: on the row in wide windows, in the row's menu in narrow ones. */
export function MonitorButtons({
  agentId,
  agentName,
  tabbable,
  onStart,
  placement = 'row',
}: {
  agentId: string;
  agentName: string;
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
  const options = `${scopeLabels[scope].label}, ${frequencyLabels[frequency].label.toLowerCase()}`;
  return (
    <div className="monitor-buttons" role="group" aria-label={`Monitor ${agentName}`}>
      {buttons.map(({ mode, testId, text, Icon, accessibleName, consequence }) => (
        <button
          key={mode}
          type="button"
          className={`monitor-button monitor-button--${testId}${mode === defaultMode ? ' is-default' : ''}`}
          data-testid={placement === 'row' ? `monitor-${testId}-${agentId}` : `agent-menu-${testId}`}
          data-default={mode === defaultMode}
          aria-label={accessibleName(agentName)}
          title={
            blockedReason ??
            `${accessibleName(agentName)}: ${consequence(agentName)}. ${options}.${mode === defaultMode ? ' Your usual choice.' : ''}`
          }
          tabIndex={tabbable ? 0 : -1}
          disabled={blockedReason !== null}
          onClick={() => {
            void commands.startMonitoring({ agentId, agentName, mode });
            onStart?.();
          }}
        >
          <Icon className="monitor-button__icon" width={14} height={14} />
          <span className="monitor-button__text">{text}</span>
        </button>
      ))}
    </div>
  );
}

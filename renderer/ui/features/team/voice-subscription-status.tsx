import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { commandKeys, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { describeSubscription } from '../voice/voice-model';

const noCalls: ReadonlyArray<MonitoredCall> = [];

/**
 * The row's voice-monitoring indicator: the mode, whether a call is in yet, and Cancel. On its own,
 * so the row can show whatever main says about who can hear the supervisor instead.
 */
export function VoiceSubscriptionStatus({ tabbable }: { tabbable: boolean }) {
  const commands = useCommands();
  const subscription = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const calls = useAppStore((state) => state.mirror.app?.voice.calls ?? noCalls);
  const cancelling = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.subscription));
  if (subscription === null) return null;
  const view = describeSubscription(subscription, calls);
  return (
    <div
      className={`subscription subscription--${subscription.mode}`}
      data-testid="monitoring-subscription"
      data-mode={subscription.mode}
      data-scope={subscription.scope}
      data-frequency={subscription.frequency}
      data-waiting={view.waiting}
      title={view.description}
    >
      <span className="subscription__mode">{view.modeLabel}</span>
      <span className="subscription__status">{view.status}</span>
      <span className="visually-hidden">({view.options})</span>
      <button
        type="button"
        className="button button--small subscription__cancel"
        data-testid="monitoring-cancel"
        tabIndex={tabbable ? 0 : -1}
        disabled={subscription.pending || cancelling}
        onClick={() => void commands.cancelMonitoring()}
      >
        Cancel
      </button>
    </div>
  );
}

import type { Agent } from '../../../../electron/common/models/agent';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { NoticeBanner } from '../../components/notice-banner';
import { commandKeys, failureOf } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { describeSubscription, monitorActionPhrase, monitoringPhrase } from '../voice/voice-model';

const noCalls: ReadonlyArray<MonitoredCall> = [];

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** GWS allows one voice subscription at a time, so starting another one asks first. */
function ReplacePrompt() {
  const commands = useCommands();
  const target = useAppStore((state) => state.ui.pendingReplace);
  const current = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const askToReplace = useAppStore((state) => state.uiActions.askToReplace);
  if (target === null || current === null) return null;
  const currentName = current.agentName ?? 'another line';
  return (
    <NoticeBanner
      tone="info"
      testId="monitor-replace"
      action={
        <div className="notice__actions">
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="monitor-replace-confirm"
            // The prompt appears because of a click elsewhere; the answer is one key press away.
            autoFocus
            onClick={() => void commands.confirmReplace()}
          >
            {monitorActionPhrase(target.mode, target.agentName)}
          </button>
          <button
            type="button"
            className="button button--small"
            data-testid="monitor-replace-keep"
            onClick={() => askToReplace(null)}
          >
            Keep {currentName}
          </button>
        </div>
      }
    >
      You are {monitoringPhrase(current.mode, currentName)}, and one agent can be monitored at a time. Stop that and{' '}
      {lowerFirst(monitorActionPhrase(target.mode, target.agentName))} instead?
    </NoticeBanner>
  );
}

function SubscriptionProblems() {
  const stateError = useAppStore((state) => state.mirror.app?.voice.subscriptionError?.message ?? null);
  const commandError = useAppStore(
    (state) => failureOf(state.ui.voiceCommands, commandKeys.subscription)?.message ?? null,
  );
  const dismiss = useAppStore((state) => state.uiActions.dismissCommandError);
  return (
    <>
      {stateError !== null && <NoticeBanner testId="monitoring-error">{stateError}</NoticeBanner>}
      {commandError !== null && commandError !== stateError && (
        <NoticeBanner
          testId="monitoring-command-error"
          action={
            <button type="button" className="button button--quiet" onClick={() => dismiss(commandKeys.subscription)}>
              Dismiss
            </button>
          }
        >
          {commandError}
        </NoticeBanner>
      )}
    </>
  );
}

/**
 * The subscription lives on its agent's row; when that row is filtered out or the agent is not in
 * the team list, it shows here instead, so it can always be seen and cancelled.
 */
function SubscriptionElsewhere({ rows }: { rows: ReadonlyArray<Agent> }) {
  const commands = useCommands();
  const subscription = useAppStore((state) => state.mirror.app?.voice.subscription ?? null);
  const calls = useAppStore((state) => state.mirror.app?.voice.calls ?? noCalls);
  if (subscription === null) return null;
  if (subscription.agentId !== null && rows.some((agent) => agent.id === subscription.agentId)) return null;
  const view = describeSubscription(subscription, calls);
  const who = subscription.agentName ?? 'a monitored line';
  return (
    <div
      className={`subscription subscription--${subscription.mode} subscription--strip`}
      data-testid="monitoring-subscription"
      data-mode={subscription.mode}
      data-waiting={view.waiting}
      title={view.description}
    >
      <span className="subscription__mode">{view.modeLabel}</span>
      <span className="subscription__who">{who}</span>
      <span className="subscription__status">
        {view.status}
        {subscription.agentId !== null && ' · not shown in the list'}
      </span>
      <button
        type="button"
        className="button button--small subscription__cancel"
        data-testid="monitoring-cancel"
        disabled={subscription.pending}
        onClick={() => void commands.cancelMonitoring()}
      >
        Cancel
      </button>
    </div>
  );
}

export function MonitoringNotices({ rows }: { rows: ReadonlyArray<Agent> }) {
  return (
    <>
      <SubscriptionProblems />
      <ReplacePrompt />
      <SubscriptionElsewhere rows={rows} />
    </>
  );
}

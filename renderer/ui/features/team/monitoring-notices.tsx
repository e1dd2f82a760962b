import type { Agent } from '../../../../electron/common/models/agent';
import type { MessagingSubscription } from '../../../../electron/common/models/messaging';
import { NoticeBanner } from '../../components/notice-banner';
import { commandKeys, failureOf } from '../../store/command-status';
import type { CommandStatuses } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { describeMessagingSubscription } from '../messaging/messaging-model';
import { describeSubscription, monitorActionPhrase, monitoringPhrase } from '../voice/voice-model';

const noSubscriptions: ReadonlyArray<MessagingSubscription> = [];

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

/** Monitoring the server ended while Earshot was away, and what Earshot did about it. */
function SubscriptionNotice() {
  const commands = useCommands();
  const notice = useAppStore((state) => state.mirror.app?.voice.subscriptionNotice ?? null);
  if (notice === null) return null;
  return (
    <NoticeBanner
      tone="info"
      testId="monitoring-resumed"
      action={
        <button
          type="button"
          className="button button--quiet"
          data-testid="monitoring-resumed-dismiss"
          onClick={() => void commands.dismissSubscriptionNotice()}
        >
          Dismiss
        </button>
      }
    >
      {notice.message}
    </NoticeBanner>
  );
}

function SubscriptionProblems() {
  const stateError = useAppStore((state) => state.mirror.app?.voice.subscriptionError?.message ?? null);
  const commandError = useAppStore(
    (state) => failureOf(state.ui.commandStatuses, commandKeys.subscription)?.message ?? null,
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
  if (subscription === null) return null;
  if (subscription.agentId !== null && rows.some((agent) => agent.id === subscription.agentId)) return null;
  const view = describeSubscription(subscription);
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
        disabled={subscription.status === 'requesting' || subscription.status === 'cancelling'}
        onClick={() => void commands.cancelMonitoring()}
      >
        Cancel
      </button>
    </div>
  );
}

/** Failed chat and SMS monitoring requests: the menu that sent them has closed, so they show here. */
function messagingFailures(statuses: CommandStatuses): ReadonlyArray<{ key: string; message: string }> {
  return Object.keys(statuses)
    .filter((key) => key.startsWith('messaging:'))
    .flatMap((key) => {
      const error = failureOf(statuses, key);
      return error === null ? [] : [{ key, message: error.message }];
    });
}

function MessagingProblems() {
  const stateError = useAppStore((state) => state.mirror.app?.messaging.subscriptionError?.message ?? null);
  const statuses = useAppStore((state) => state.ui.commandStatuses);
  const dismiss = useAppStore((state) => state.uiActions.dismissCommandError);
  const failures = messagingFailures(statuses).filter((failure) => failure.message !== stateError);
  return (
    <>
      {stateError !== null && <NoticeBanner testId="messaging-monitoring-error">{stateError}</NoticeBanner>}
      {failures.map((failure) => (
        <NoticeBanner
          key={failure.key}
          testId="messaging-command-error"
          action={
            <button type="button" className="button button--quiet" onClick={() => dismiss(failure.key)}>
              Dismiss
            </button>
          }
        >
          {failure.message}
        </NoticeBanner>
      ))}
    </>
  );
}

/**
 * Chat and SMS subscriptions live on their agents' rows; those whose row is filtered out (or whose
 * agent left the team list) show here, so every one can be seen and cancelled.
 */
function MessagingElsewhere({ rows }: { rows: ReadonlyArray<Agent> }) {
  const commands = useCommands();
  const subscriptions = useAppStore((state) => state.mirror.app?.messaging.subscriptions ?? noSubscriptions);
  const hidden = subscriptions.filter((subscription) => !rows.some((agent) => agent.id === subscription.agentId));
  if (hidden.length === 0) return null;
  return (
    <div className="subscription subscription--strip messaging-elsewhere" data-testid="messaging-elsewhere">
      <span className="messaging-elsewhere__title">Chats &amp; SMS not shown in the list:</span>
      <ul className="messaging-elsewhere__list">
        {hidden.map((subscription) => {
          const view = describeMessagingSubscription(subscription);
          return (
            <li key={`${subscription.agentId}:${subscription.channel}`} className="messaging-elsewhere__item">
              <span className={`subscription__mode subscription--${subscription.mode}`} title={view.description}>
                {view.modeLabel}
              </span>
              <span className="subscription__who">
                {subscription.agentName} · {subscription.channel === 'sms' ? 'SMS' : 'chats'}
              </span>
              <button
                type="button"
                className="button button--small"
                data-testid={`messaging-cancel-${subscription.agentId}-${subscription.channel}`}
                disabled={subscription.pending}
                onClick={() => void commands.cancelMessagingMonitoring(subscription.agentId, subscription.channel)}
              >
                Cancel
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function MonitoringNotices({ rows }: { rows: ReadonlyArray<Agent> }) {
  return (
    <>
      <SubscriptionNotice />
      <SubscriptionProblems />
      <MessagingProblems />
      <ReplacePrompt />
      <SubscriptionElsewhere rows={rows} />
      <MessagingElsewhere rows={rows} />
    </>
  );
}

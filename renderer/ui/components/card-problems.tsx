import type { AppError } from '../../../electron/common/result';
import { failureOf } from '../store/command-status';
import { useAppStore } from '../store/store-context';
import { CloseIcon } from './icons';

/**
 * What went wrong on a monitoring card: the error main's state carries, then each failed command of
 * this card (unless it says the same), each dismissable.
 */
export function CardProblems({
  commandKeys,
  stateError,
  testId,
}: {
  commandKeys: readonly string[];
  stateError: string | null;
  testId: string;
}) {
  const statuses = useAppStore((state) => state.ui.commandStatuses);
  const dismiss = useAppStore((state) => state.uiActions.dismissCommandError);
  const shownFailures = commandKeys
    .map((key) => ({ key, error: failureOf(statuses, key) }))
    .filter(
      (entry): entry is { key: string; error: AppError } => entry.error !== null && entry.error.message !== stateError,
    );
  if (stateError === null && shownFailures.length === 0) return null;
  return (
    <ul className="call-card__problems" data-testid={testId}>
      {stateError !== null && <li className="call-card__problem">{stateError}</li>}
      {shownFailures.map(({ key, error }) => (
        <li key={key} className="call-card__problem">
          <span>{error.message}</span>
          <button
            type="button"
            className="icon-button icon-button--small"
            aria-label="Dismiss"
            title="Dismiss"
            onClick={() => dismiss(key)}
          >
            <CloseIcon width={12} height={12} />
          </button>
        </li>
      ))}
    </ul>
  );
}

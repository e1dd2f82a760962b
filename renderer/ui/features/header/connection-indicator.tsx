import { useAppStore } from '../../store/store-context';
import { describeConnection } from './connection-view';

export function ConnectionIndicator() {
  const status = useAppStore((state) => state.mirror.app?.connection.status ?? 'signed-out');
  const message = useAppStore((state) => state.mirror.app?.connection.message ?? null);
  const view = describeConnection({ status, message, since: 0 });
  return (
    <div
      className={`connection connection--${view.tone}`}
      role="status"
      data-testid="connection-status"
      data-status={status}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{view.label}</span>
      {view.message !== null && (
        <span className="connection__message" title={view.message}>
          {view.message}
        </span>
      )}
    </div>
  );
}

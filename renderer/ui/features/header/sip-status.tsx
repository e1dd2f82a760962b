import { useAppStore } from '../../store/store-context';
import { describeSip } from './sip-view';

export function SipStatus() {
  const registration = useAppStore((state) => state.mirror.app?.voice.sip.registration ?? 'unregistered');
  const reason = useAppStore((state) => state.mirror.app?.voice.sip.reason ?? null);
  const address = useAppStore((state) => state.mirror.app?.voice.sip.address ?? null);
  const view = describeSip({ registration, reason, address });
  return (
    <div
      className={`connection connection--${view.tone} sip-status`}
      role="status"
      data-testid="sip-status"
      data-registration={registration}
      title={view.title}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{view.label}</span>
      {view.reason !== null && <span className="connection__message">{view.reason}</span>}
      <span className="visually-hidden">{view.title}</span>
    </div>
  );
}

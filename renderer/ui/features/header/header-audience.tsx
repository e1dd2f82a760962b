import { useAppStore } from '../../store/store-context';
import { audienceIcons } from '../voice/audience-indicator';
import { describeAudience } from '../voice/voice-model';

/**
 * Who hears the supervisor, repeated in the header while any call is up (or a microphone is not yet
 * confirmed closed), so it is never out of sight. Main computes the value; this only shows it.
 */
export function HeaderAudience() {
  const audience = useAppStore((state) => state.mirror.app?.voice.audience ?? 'nobody');
  const anyCall = useAppStore((state) => (state.mirror.app?.voice.calls.length ?? 0) > 0);
  if (!anyCall && audience === 'nobody') return null;
  const view = describeAudience(audience);
  const Icon = audienceIcons[view.tone];
  return (
    <div
      className={`header-audience header-audience--${view.tone}`}
      data-testid="header-audience"
      data-audience={audience}
      title={view.label}
    >
      <Icon width={14} height={14} />
      <span className="header-audience__label">{view.shortLabel}</span>
    </div>
  );
}

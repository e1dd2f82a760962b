import type { Audience } from '../../../../electron/common/models/voice';
import { LoudIcon, MicOffIcon, SpeakingIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { describeAudience, widestAudience } from '../voice/voice-model';

const icons = { silent: MicOffIcon, coach: SpeakingIcon, live: LoudIcon } as const;

/** Who hears the supervisor, repeated in the header while any call is up, so it is never out of sight. */
export function HeaderAudience() {
  const audience = useAppStore((state): Audience | null => widestAudience(state.mirror.app?.voice.calls ?? []));
  if (audience === null) return null;
  const view = describeAudience({ audience, microphone: 'closed', mode: 'ListenIn', error: null });
  const Icon = icons[view.tone];
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

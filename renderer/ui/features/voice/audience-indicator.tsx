import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { LoudIcon, MicOffIcon, SpeakingIcon } from '../../components/icons';
import { describeAudience } from './voice-model';

const icons = { silent: MicOffIcon, coach: SpeakingIcon, live: LoudIcon } as const;

/**
 * The card's headline. It reads `audience`, which main derives from the microphone's real state, so
 * it says who can hear the supervisor, not what the supervisor asked for.
 */
export function AudienceIndicator({ call }: { call: MonitoredCall }) {
  const view = describeAudience(call);
  const Icon = icons[view.tone];
  const transitional = call.microphone === 'opening' || call.microphone === 'closing';
  return (
    <div
      className={`audience audience--${view.tone}${transitional ? ' is-transitional' : ''}`}
      role="status"
      data-testid="audience-indicator"
      data-audience={call.audience}
      data-microphone={call.microphone}
    >
      <Icon className="audience__icon" width={18} height={18} />
      <span className="audience__label">{view.label}</span>
      {view.detail !== null && (
        <span className={`audience__detail${call.microphone === 'failed' ? ' audience__detail--problem' : ''}`}>
          {transitional && <span className="spinner spinner--small" aria-hidden="true" />}
          {view.detail}
        </span>
      )}
    </div>
  );
}

import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { LoudIcon, MicOffIcon, SpeakingIcon } from '../../components/icons';
import { describeCallAudience } from './voice-model';

export const audienceIcons = { silent: MicOffIcon, coach: SpeakingIcon, live: LoudIcon } as const;

/**
 * The card's headline. It reads `audience`, which main derives from the call's state machine (the
 * microphone as the media host confirmed it), so it says who can hear the supervisor, not what the
 * supervisor asked for.
 */
export function AudienceIndicator({ call }: { call: MonitoredCall }) {
  const view = describeCallAudience(call);
  const Icon = audienceIcons[view.tone];
  return (
    <div
      className={`audience audience--${view.tone}${view.transitional ? ' is-transitional' : ''}`}
      role="status"
      data-testid="audience-indicator"
      data-audience={call.audience}
      data-microphone={call.microphone}
    >
      <Icon className="audience__icon" width={18} height={18} />
      <span className="audience__label">{view.label}</span>
      {view.detail !== null && (
        <span className={`audience__detail${view.problem ? ' audience__detail--problem' : ''}`}>
          {view.transitional && <span className="spinner spinner--small" aria-hidden="true" />}
          {view.detail}
        </span>
      )}
    </div>
  );
}

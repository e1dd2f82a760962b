import type { Conversation } from '../../../../electron/common/models/messaging';
import { EyeIcon, EyeOffIcon, PeopleIcon } from '../../components/icons';
import { describeVisibility, isModeSwitch } from './messaging-model';

const icons = { silent: EyeOffIcon, coach: EyeIcon, live: PeopleIcon } as const;

/**
 * The card's headline, in the voice audience's colours. It reads `myVisibility`, the supervisor's
 * own entry among the participants, so it says who sees the supervisor, not what was asked for.
 */
export function VisibilityIndicator({
  conversation,
}: {
  conversation: Pick<Conversation, 'myVisibility' | 'mode' | 'ended' | 'pendingCommand'>;
}) {
  const view = describeVisibility(conversation);
  const Icon = icons[view.tone];
  const transitional = isModeSwitch(conversation.pendingCommand) && !conversation.ended;
  return (
    <div
      className={`audience audience--${view.tone}${transitional ? ' is-transitional' : ''}`}
      role="status"
      data-testid="visibility-indicator"
      data-visibility={conversation.myVisibility ?? 'unknown'}
    >
      <Icon className="audience__icon" width={18} height={18} />
      <span className="audience__label">{view.label}</span>
      {view.detail !== null && (
        <span className="audience__detail">
          {transitional && <span className="spinner spinner--small" aria-hidden="true" />}
          {view.detail}
        </span>
      )}
    </div>
  );
}

import type { Visibility } from '../../../../electron/common/models/messaging';
import { EyeIcon, EyeOffIcon, PeopleIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { describeVisibility, headerVisibilityLabels, widestVisibility } from '../messaging/messaging-model';

const icons = { silent: EyeOffIcon, coach: EyeIcon, live: PeopleIcon } as const;

/** Who sees the supervisor in chats and SMS, beside who hears them, while any conversation is live. */
export function HeaderChatVisibility() {
  const visibility = useAppStore((state): Visibility | null =>
    widestVisibility(state.mirror.app?.messaging.conversations ?? []),
  );
  if (visibility === null) return null;
  const view = describeVisibility({ myVisibility: visibility, mode: 'Monitor', ended: false, pendingCommand: null });
  const Icon = icons[view.tone];
  return (
    <div
      className={`header-audience header-audience--${view.tone}`}
      data-testid="header-chat-visibility"
      data-visibility={visibility}
      title={`In your chats and SMS sessions: ${view.label.toLowerCase()}`}
    >
      <Icon width={14} height={14} />
      <span className="header-audience__label header-chat-visibility__long">
        {headerVisibilityLabels[visibility].label}
      </span>
      <span className="header-audience__label header-chat-visibility__short" aria-hidden="true">
        {headerVisibilityLabels[visibility].short}
      </span>
    </div>
  );
}

import { useId, useRef, useState } from 'react';
import type { Conversation } from '../../../../electron/common/models/messaging';
import { LeaveIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { farewellAudience } from './messaging-model';

/** Leave and the "Move now" that replaces it once the conversation ends hand the focus on to each other. */
export function leaveFocusKey(conversationId: string): string {
  return `leave-${conversationId}`;
}

/**
 * Leaving is always possible, also while another command is on its way: it is how the supervisor
 * gets out. A farewell line is optional and is seen by whoever sees the supervisor now.
 */
export function LeaveConversation({
  conversation,
}: {
  conversation: Pick<Conversation, 'id' | 'ended' | 'myVisibility' | 'mode' | 'pendingCommand'>;
}) {
  const commands = useCommands();
  const popoverId = useId();
  const farewellId = useId();
  const popover = useRef<HTMLDivElement>(null);
  const [farewell, setFarewell] = useState('');
  const leaving =
    useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.leave(conversation.id))) ||
    conversation.pendingCommand === 'leave';

  const audience = farewellAudience(conversation);
  const leave = async () => {
    popover.current?.hidePopover();
    // A farewell typed in Coach is not sent after a switch to Monitor, where only supervisors would read it.
    const result = await commands.leaveConversation(conversation.id, audience === null ? '' : farewell);
    if (result.ok) setFarewell('');
  };

  return (
    <>
      <button
        type="button"
        className="button button--small button--danger conversation-card__leave"
        data-testid="conversation-leave"
        popoverTarget={popoverId}
        data-focus-key={leaveFocusKey(conversation.id)}
        // Not disabled while leaving: the popover hands the focus back to this button when it closes.
        aria-disabled={conversation.ended || leaving || undefined}
        onClick={(event) => {
          if (conversation.ended || leaving) event.preventDefault();
        }}
      >
        <LeaveIcon width={14} height={14} />
        {leaving ? 'Leaving…' : 'Leave'}
      </button>
      <div
        ref={popover}
        id={popoverId}
        popover="auto"
        className="popover leave-popover"
        role="dialog"
        aria-label="Leave this conversation"
      >
        <form
          className="leave-popover__form"
          onSubmit={(event) => {
            event.preventDefault();
            void leave();
          }}
        >
          <p className="leave-popover__title">Leave this conversation?</p>
          <p className="popover__note">It goes on for the agent and the customer.</p>
          {audience !== null && (
            <>
              <label className="leave-popover__field" htmlFor={farewellId}>
                <span>Farewell (optional)</span>
                <span className="popover__note">{audience}</span>
              </label>
              <textarea
                id={farewellId}
                className="leave-popover__input"
                data-testid="conversation-farewell"
                rows={2}
                maxLength={1000}
                value={farewell}
                onChange={(event) => setFarewell(event.target.value)}
              />
            </>
          )}
          <div className="leave-popover__actions">
            <button type="button" className="button button--small" onClick={() => popover.current?.hidePopover()}>
              Stay
            </button>
            <button
              type="submit"
              className="button button--small button--danger"
              data-testid="conversation-leave-confirm"
              disabled={leaving}
            >
              {audience === null || farewell.trim() === '' ? 'Leave' : 'Send and leave'}
            </button>
          </div>
        </form>
      </div>
    </>
  );
}

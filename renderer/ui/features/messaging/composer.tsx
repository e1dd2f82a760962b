import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Conversation } from '../../../../electron/common/models/messaging';
import { SendIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import { useAppStore, useCommands } from '../../store/store-context';
import { describeSendAudience } from './messaging-model';

/**
 * Writes as the supervisor: to the agent only while coaching, to everyone after barging in, and not
 * at all while monitoring. The label says which before a word is sent. Enter sends, Shift+Enter
 * starts a new line.
 */
export function Composer({
  conversation,
}: {
  conversation: Pick<Conversation, 'id' | 'sendVisibility' | 'composerDisabledReason' | 'pendingCommand'>;
}) {
  const commands = useCommands();
  const labelId = useId();
  const [draft, setDraft] = useState('');
  const sending = useAppStore((state) => isSending(state.ui.commandStatuses, commandKeys.send(conversation.id)));
  const disabledReason = conversation.composerDisabledReason;
  // Null while the supervisor may not write: the audience is only said when it is real.
  const audience = disabledReason === null ? describeSendAudience(conversation.sendVisibility) : null;
  const disabled = audience === null;
  const busy = sending || conversation.pendingCommand !== null;
  const canSend = !disabled && !busy && draft.trim() !== '';

  const send = async () => {
    if (!canSend) return;
    const text = draft.trim();
    const result = await commands.sendMessage(conversation.id, text);
    // What the supervisor typed while it was on its way stays; a refusal keeps the text to try again.
    if (result.ok) setDraft((current) => (current.trim() === text ? '' : current));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <form
      className={`composer${audience === null ? '' : ` composer--${audience.tone}`}`}
      data-testid="composer"
      data-send-visibility={conversation.sendVisibility ?? 'none'}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <span id={labelId} className="composer__label">
        {audience === null ? (
          <span className="composer__reason" data-testid="composer-disabled-reason">
            {disabledReason ?? 'You cannot write in this conversation.'}
          </span>
        ) : (
          <span className={`composer__audience composer__audience--${audience.tone}`}>{audience.label}</span>
        )}
      </span>
      <div className="composer__row">
        <textarea
          className="composer__input"
          data-testid="composer-input"
          aria-labelledby={labelId}
          rows={1}
          value={draft}
          placeholder={audience?.placeholder ?? ''}
          // Read-only rather than disabled: a click into it keeps the focus here, where letters are text and no call key fires.
          readOnly={disabled}
          aria-disabled={disabled || undefined}
          data-focus-key={`composer-${conversation.id}`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="button button--small composer__send"
          data-testid="composer-send"
          data-focus-key={`composer-${conversation.id}`}
          disabled={!canSend}
          title={audience === null ? (disabledReason ?? undefined) : `Send ${audience.label.toLowerCase()} (Enter)`}
        >
          <SendIcon width={14} height={14} />
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}

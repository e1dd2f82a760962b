import { memo, useMemo } from 'react';
import { ChatIcon, SmsIcon } from '../../components/icons';
import { commandKeys, isSending } from '../../store/command-status';
import { CardProblems } from '../../components/card-problems';
import { useAppStore, useCommands } from '../../store/store-context';
import { CallDuration } from '../voice/call-duration';
import { Composer } from './composer';
import {
  createCardFieldsSelector,
  findConversation,
  type ConversationCardFields,
} from '../../store/conversation-selectors';
import { LeaveConversation, leaveFocusKey } from './leave-conversation';
import {
  agentNames,
  audienceOfVisibility,
  channelLabels,
  conversationStateLabel,
  conversationSwitchOptions,
  customerName,
  describeConversationPending,
  describeEnding,
  describeVisibility,
  isModeSwitch,
  modeConsequences,
  typingText,
} from './messaging-model';
import { Transcript } from './transcript';
import { VisibilityIndicator } from './visibility-indicator';
import './messaging.css';

const switchTestIds = { Monitor: 'monitor', Coach: 'coach', BargeIn: 'barge' } as const;

function ModeSwitch({ conversation }: { conversation: ConversationCardFields }) {
  const commands = useCommands();
  const sending = useAppStore((state) =>
    isSending(state.ui.commandStatuses, commandKeys.conversation(conversation.id)),
  );
  const busy = sending || conversation.pendingCommand !== null;
  // aria-disabled, not disabled, while a switch is on its way: the clicked button keeps the focus.
  return (
    <div
      className="mode-switch"
      role="group"
      aria-label="Mode"
      data-audience={audienceOfVisibility(conversation.ended ? null : conversation.myVisibility)}
    >
      {conversationSwitchOptions(conversation).map((option) => (
        <button
          key={option.mode}
          type="button"
          className={`mode-switch__button mode-switch__button--${option.mode}`}
          data-testid={`conversation-switch-${switchTestIds[option.mode]}`}
          aria-pressed={option.current}
          title={`${option.label}: ${modeConsequences[option.mode]}`}
          aria-disabled={(!option.current && (busy || conversation.ended)) || undefined}
          onClick={() => {
            if (!option.current && !busy && !conversation.ended)
              void commands.switchConversationMode(conversation.id, option.mode);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

function Ending({ conversation }: { conversation: ConversationCardFields }) {
  const dismissEnding = useAppStore((state) => state.uiActions.dismissEnding);
  const ending = describeEnding(conversation);
  return (
    <div className="conversation-card__ending" role="status" data-testid="conversation-ending">
      <strong className="conversation-card__ending-label">{ending.label}</strong>
      <span className="conversation-card__ending-detail">{ending.detail} It moves to the history.</span>
      <button
        type="button"
        className="button button--quiet conversation-card__ending-dismiss"
        data-focus-key={leaveFocusKey(conversation.id)}
        onClick={() => dismissEnding(conversation.id)}
      >
        Move now
      </button>
    </div>
  );
}

const nobodyTyping: ReadonlyArray<string> = [];

function TypingIndicator({ conversationId }: { conversationId: string }) {
  const typing = useAppStore((state) => findConversation(state, conversationId)?.typing ?? nobodyTyping);
  const text = typingText(typing);
  return (
    <p className="typing" aria-live="polite">
      {text !== null && (
        <span className="typing__text" data-testid="typing-indicator">
          <span className="typing__dots" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          {text}
        </span>
      )}
    </p>
  );
}

function ConversationCardView({ conversationId }: { conversationId: string }) {
  const selectCardFields = useMemo(() => createCardFieldsSelector(conversationId), [conversationId]);
  const conversation = useAppStore(selectCardFields);
  if (conversation === null) return null;
  const ChannelIcon = conversation.channel === 'sms' ? SmsIcon : ChatIcon;
  const customer = customerName(conversation);
  const agents = agentNames(conversation);
  const channel = channelLabels[conversation.channel].one;
  const tone = describeVisibility(conversation).tone;
  // A mode switch on its way shows in the visibility line; sending and leaving show here.
  const pending =
    conversation.ended || isModeSwitch(conversation.pendingCommand)
      ? null
      : describeConversationPending(conversation.pendingCommand);
  return (
    <article
      className={`call-card conversation-card call-card--${tone}${conversation.ended ? ' conversation-card--ended' : ''}`}
      aria-label={`${channel} with ${customer}, agent ${agents}`}
      data-testid={`conversation-card-${conversation.id}`}
      data-state={conversation.ending ?? conversation.state}
      data-mode={conversation.mode}
      data-visibility={conversation.myVisibility ?? 'unknown'}
      data-channel={conversation.channel}
      data-ended={conversation.ended}
      aria-busy={conversation.pendingCommand !== null}
      // Focus lands here when a control inside goes away, instead of falling to the page.
      tabIndex={-1}
    >
      <VisibilityIndicator conversation={conversation} />
      <div className="call-card__body">
        <div className="call-card__head">
          <span className={`conversation-card__channel conversation-card__channel--${conversation.channel}`}>
            <ChannelIcon width={14} height={14} />
            <span className="visually-hidden">{channel}</span>
          </span>
          <span className="call-card__agent" title={`Customer: ${customer}`}>
            {customer}
          </span>
          <span className="conversation-card__agents" title={`Agent: ${agents}`}>
            with {agents}
          </span>
          <span className="call-card__state" data-state={conversation.ended ? 'ended' : 'established'}>
            {conversationStateLabel(conversation)}
          </span>
          <CallDuration startedAt={conversation.startedAt} endedAt={conversation.endedAt} what="Conversation" />
        </div>
        {conversation.ended ? (
          <Ending conversation={conversation} />
        ) : (
          <div className="call-card__controls">
            <ModeSwitch conversation={conversation} />
            <LeaveConversation conversation={conversation} />
          </div>
        )}
        <Transcript conversationId={conversation.id} label={`Transcript: ${channel} with ${customer}`} />
        <TypingIndicator conversationId={conversation.id} />
        {!conversation.ended && <Composer conversation={conversation} />}
        {pending !== null && (
          <p className="call-card__pending" role="status" data-testid="conversation-pending">
            <span className="spinner spinner--small" aria-hidden="true" />
            {pending}
          </p>
        )}
        <CardProblems
          commandKeys={[
            commandKeys.conversation(conversation.id),
            commandKeys.send(conversation.id),
            commandKeys.leave(conversation.id),
          ]}
          stateError={conversation.error?.message ?? null}
          testId="conversation-error"
        />
      </div>
    </article>
  );
}

/** Takes an id and selects its own conversation, so the board never re-renders a card for another's line. */
export const ConversationCard = memo(ConversationCardView);

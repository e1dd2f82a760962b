import { useEffect, useRef } from 'react';
import type { AuditChannel } from '../../../../electron/common/models/audit';
import type { HistoryItem } from '../../../../electron/common/models/history';
import { ChatIcon, CloseIcon, PhoneIcon, SmsIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { findConversation } from '../../store/conversation-selectors';
import { agentNames, channelLabels, customerName, describeEnding } from '../messaging/messaging-model';
import { Transcript } from '../messaging/transcript';
import { formatCallDuration } from '../voice/voice-model';
import { describeHistoryEnding, describeYouDid, historyChannelLabels } from './history-model';

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** An ended conversation's transcript, read while main still holds it. */
function TranscriptDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const readingId = useAppStore((state) => state.ui.readingConversationId);
  const conversation = useAppStore((state) => (readingId === null ? null : findConversation(state, readingId)));
  const openTranscript = useAppStore((state) => state.uiActions.openTranscript);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (conversation !== null && !element.open) element.showModal();
    if (conversation === null && element.open) element.close();
  }, [conversation]);

  const channel = conversation === null ? '' : channelLabels[conversation.channel].one;
  const customer = conversation === null ? '' : customerName(conversation);
  return (
    <dialog
      ref={dialog}
      className="transcript-dialog"
      data-testid="history-transcript"
      aria-label={conversation === null ? 'Transcript' : `${channel} with ${customer}`}
      onClose={() => openTranscript(null)}
    >
      {conversation !== null && (
        <>
          <div className="transcript-dialog__head">
            <div className="transcript-dialog__title">
              <strong>
                {channel} with {customer}
              </strong>
              <span className="transcript-dialog__meta">
                Agent {agentNames(conversation)} · {describeEnding(conversation).label}
                {conversation.endedAt !== null && ` at ${timeOfDay.format(conversation.endedAt)}`}
              </span>
            </div>
            <button
              type="button"
              className="icon-button"
              aria-label="Close"
              title="Close"
              autoFocus
              onClick={() => openTranscript(null)}
            >
              <CloseIcon width={14} height={14} />
            </button>
          </div>
          <Transcript conversationId={conversation.id} label={`Transcript: ${channel} with ${customer}`} />
        </>
      )}
    </dialog>
  );
}

const noItems: ReadonlyArray<HistoryItem> = [];

const channelIcons: Readonly<Record<AuditChannel, typeof PhoneIcon>> = {
  voice: PhoneIcon,
  chat: ChatIcon,
  sms: SmsIcon,
};

function HistoryRow({ item }: { item: HistoryItem }) {
  const openTranscript = useAppStore((state) => state.uiActions.openTranscript);
  const Icon = channelIcons[item.channel];
  const youDid = describeYouDid(item);
  const ending = describeHistoryEnding(item);
  const length = formatCallDuration(item.lengthMs);
  return (
    <tr data-testid={`history-${item.interactionId}`} data-channel={item.channel} data-ending={item.ending}>
      <td>
        <span className="history__channel">
          <Icon width={13} height={13} />
          {historyChannelLabels[item.channel]}
        </span>
      </td>
      <td>{item.agentName ?? <span className="muted">Unknown</span>}</td>
      <td className={item.channel === 'voice' ? 'history__number' : undefined}>
        {item.otherParty ?? <span className="muted">Unknown</span>}
      </td>
      <td className="history__did" data-testid="history-you-did" title={youDid.label}>
        {youDid.text}
      </td>
      <td className="history__number" title={length.label}>
        {length.text}
      </td>
      <td data-testid="history-ending" title={ending.detail ?? undefined}>
        {ending.label}
      </td>
      <td className="history__number">{timeOfDay.format(item.endedAt)}</td>
      <td className="history__open">
        {item.transcript === 'readable' && (
          <button
            type="button"
            className="button button--quiet"
            data-testid={`history-open-${item.interactionId}`}
            aria-label={`Read the transcript: ${historyChannelLabels[item.channel]} with ${item.otherParty ?? 'the customer'}`}
            onClick={() => openTranscript(item.interactionId)}
          >
            Read
          </button>
        )}
        {item.transcript === 'not-kept' && (
          <span
            className="muted"
            data-testid="history-transcript-not-kept"
            title="Earshot keeps a transcript only until you sign out or quit."
          >
            Not kept
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * Calls, chats and SMS sessions that ended, the last to end first, as main folded them from the audit
 * trail: they outlive a sign-out and a restart. Collapsed by default so it never pushes the live cards away.
 */
export function MonitoringHistory() {
  const items = useAppStore((state) => state.mirror.app?.history.items ?? noItems);
  const loading = useAppStore((state) => state.mirror.app?.history.loading ?? false);
  if (items.length === 0) {
    return loading ? (
      <p className="history__loading" role="status" data-testid="history-loading">
        Reading your history…
      </p>
    ) : null;
  }
  return (
    <>
      <details className="history" data-testid="call-history">
        <summary className="history__summary">
          History <span className="history__count">{items.length}</span>
        </summary>
        <table className="history__table">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Agent</th>
              <th scope="col">With</th>
              <th scope="col">What you did</th>
              <th scope="col">Length</th>
              <th scope="col">How it ended</th>
              <th scope="col">Ended at</th>
              <th scope="col">Transcript</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <HistoryRow key={item.id} item={item} />
            ))}
          </tbody>
        </table>
      </details>
      <TranscriptDialog />
    </>
  );
}

import { useEffect, useMemo, useRef } from 'react';
import type { Conversation } from '../../../../electron/common/models/messaging';
import type { MonitoredCall } from '../../../../electron/common/models/voice';
import { ChatIcon, CloseIcon, PhoneIcon, SmsIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import { findConversation } from '../../store/conversation-selectors';
import { agentNames, channelLabels, customerName, describeEnding } from '../messaging/messaging-model';
import { Transcript } from '../messaging/transcript';
import { formatCallDuration } from '../voice/voice-model';
import { combinedHistory } from './board-model';
import type { HistoryChannel } from './board-model';

const noCalls: ReadonlyArray<MonitoredCall> = [];
const noConversations: ReadonlyArray<Conversation> = [];

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

const channelViews: Readonly<Record<HistoryChannel, { label: string; Icon: typeof PhoneIcon }>> = {
  call: { label: 'Call', Icon: PhoneIcon },
  chat: { label: channelLabels.chat.one, Icon: ChatIcon },
  sms: { label: channelLabels.sms.one, Icon: SmsIcon },
};

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

/** Calls, chats and SMS sessions that ended, newest first; collapsed by default so it never pushes the live cards away. */
export function MonitoringHistory() {
  const calls = useAppStore((state) => state.mirror.app?.voice.history ?? noCalls);
  const conversations = useAppStore((state) => state.mirror.app?.messaging.history ?? noConversations);
  const openTranscript = useAppStore((state) => state.uiActions.openTranscript);
  const entries = useMemo(() => combinedHistory(calls, conversations), [calls, conversations]);
  if (entries.length === 0) return null;
  return (
    <>
      <details className="history" data-testid="call-history">
        <summary className="history__summary">
          History <span className="history__count">{entries.length}</span>
        </summary>
        <table className="history__table">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Agent</th>
              <th scope="col">Customer</th>
              <th scope="col">You</th>
              <th scope="col">How it ended</th>
              <th scope="col">Duration</th>
              <th scope="col">Ended at</th>
              <th scope="col">
                <span className="visually-hidden">Transcript</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const length = entry.endedAt === null ? null : formatCallDuration(entry.endedAt - entry.startedAt);
              const { label, Icon } = channelViews[entry.channel];
              return (
                <tr
                  key={`${entry.channel}:${entry.id}`}
                  data-testid={`history-${entry.id}`}
                  data-channel={entry.channel}
                >
                  <td>
                    <span className="history__channel">
                      <Icon width={13} height={13} />
                      {label}
                    </span>
                  </td>
                  <td>{entry.agentName}</td>
                  <td className={entry.channel === 'call' ? 'history__number' : undefined}>{entry.customer}</td>
                  <td>{entry.youDid}</td>
                  <td title={entry.endingDetail ?? undefined}>{entry.ending}</td>
                  <td className="history__number" title={length?.label}>
                    {length?.text ?? '—'}
                  </td>
                  <td className="history__number">{entry.endedAt === null ? '—' : timeOfDay.format(entry.endedAt)}</td>
                  <td className="history__open">
                    {entry.hasTranscript && (
                      <button
                        type="button"
                        className="button button--quiet"
                        data-testid={`history-open-${entry.id}`}
                        onClick={() => openTranscript(entry.id)}
                      >
                        Read
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <TranscriptDialog />
    </>
  );
}

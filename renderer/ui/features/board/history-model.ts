import type { AuditChannel } from '../../../../electron/common/models/audit';
import type { HistoryActivity, HistoryEnding, HistoryItem } from '../../../../electron/common/models/history';
import { assertNever } from '../../../../electron/common/result';
import { channelLabels } from '../messaging/messaging-model';
import { formatCallDuration } from '../voice/voice-model';

export const historyChannelLabels: Readonly<Record<AuditChannel, string>> = {
  voice: 'Call',
  chat: channelLabels.chat.one,
  sms: channelLabels.sms.one,
};

const activityLabels: Readonly<Record<HistoryActivity, string>> = {
  listened: 'Listened',
  monitored: 'Monitored',
  coached: 'Coached',
  'barged-in': 'Barged in',
  talked: 'Talked',
};

export interface YouDidView {
  /** "Listened 2:10 · Coached 0:45" */
  readonly text: string;
  /** "Listened 2 minutes 10 seconds, coached 45 seconds": what a screen reader or a tooltip says. */
  readonly label: string;
}

/** Main's time in each activity, in words; nothing recorded says so rather than showing nothing. */
export function describeYouDid(item: Pick<HistoryItem, 'youDid'>): YouDidView {
  if (item.youDid.length === 0) return { text: '—', label: 'Nothing recorded' };
  const parts = item.youDid.map(({ activity, ms }) => ({
    activity: activityLabels[activity],
    ...formatCallDuration(ms),
  }));
  return {
    text: parts.map((part) => `${part.activity} ${part.text}`).join(' · '),
    label: parts
      .map((part, index) => `${index === 0 ? part.activity : part.activity.toLowerCase()} ${part.label}`)
      .join(', '),
  };
}

export interface HistoryEndingView {
  readonly label: string;
  /** Why, where there is more to say than the label. */
  readonly detail: string | null;
}

const endedLabels: Readonly<Record<AuditChannel, string>> = {
  voice: 'Call ended',
  chat: 'Chat ended',
  sms: 'SMS ended',
};

export function describeHistoryEnding(
  item: Pick<HistoryItem, 'channel' | 'ending' | 'endingDetail' | 'transferredTo'>,
): HistoryEndingView {
  const ending: HistoryEnding = item.ending;
  switch (ending) {
    case 'ended':
      return { label: endedLabels[item.channel], detail: item.endingDetail };
    case 'requeued':
      return {
        label: 'Back in queue',
        detail: item.endingDetail ?? 'The customer was left waiting for the next agent.',
      };
    case 'transferred':
      return {
        label: item.transferredTo === null ? 'Transferred' : `Transferred to ${item.transferredTo}`,
        detail: item.endingDetail,
      };
    case 'you-left':
      return { label: 'You left', detail: 'It went on for the agent and the customer.' };
    case 'you-hung-up':
      return { label: 'You hung up', detail: item.endingDetail };
    case 'signed-out':
      return { label: 'You signed out', detail: item.endingDetail };
    case 'audio-lost':
      return { label: 'Audio lost', detail: item.endingDetail ?? 'The audio window closed, which ends its calls.' };
    case 'earshot-closed':
      return {
        label: 'Earshot closed',
        detail: 'Earshot quit or stopped while you were in it: the times run up to the last thing it recorded.',
      };
    default:
      return assertNever(ending);
  }
}

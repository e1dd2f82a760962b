import type { AppState } from '../../common/models/app-state';
import type { Conversation, ConversationEnding } from '../../common/models/messaging';
import type { NotificationSettings } from '../../common/models/settings';
import type { Audience, MonitoredCall, VoiceMode } from '../../common/models/voice';

/** A desktop notification the shell shows: a monitored interaction started or ended. */
export interface InteractionNotice {
  /** Stable per interaction and event, so the shell can replace rather than stack notices. */
  readonly key: string;
  readonly channel: 'voice' | 'chat' | 'sms';
  readonly event: 'started' | 'ended';
  readonly title: string;
  readonly body: string;
}

const audienceWords: Readonly<Record<Audience, string>> = {
  nobody: 'nobody hears you',
  agent: 'the agent hears you',
  caller: 'the caller hears you',
  everyone: 'everyone hears you',
};

const voiceModeWords: Readonly<Record<VoiceMode, string>> = {
  ListenIn: 'listening silently',
  Coach: 'coaching',
  BargeIn: 'barged in',
};

/** The call's mode and who hears the supervisor, as main derived it: the notice never says more or less. */
function voiceWords(call: MonitoredCall): string {
  if (call.mode === null) return `an ordinary call: ${audienceWords[call.audience]}`;
  if (call.mode === 'ListenIn') return `${voiceModeWords.ListenIn}: ${audienceWords[call.audience]}`;
  if (call.audience === 'nobody') {
    return call.modeChangedOutside
      ? `${voiceModeWords[call.mode]} from outside Earshot: your microphone stays closed`
      : `${voiceModeWords[call.mode]}: your microphone opens when the call connects`;
  }
  return `${voiceModeWords[call.mode]}: ${audienceWords[call.audience]}`;
}

const messagingModeWords: Readonly<Record<Conversation['mode'], string>> = {
  Monitor: 'monitoring silently',
  Coach: 'coaching: the agent sees what you write',
  BargeIn: 'barged in: everyone sees what you write',
};

/**
 * The notices one state change calls for. Signing in or out is no interaction starting or ending.
 * Voice notices wait while a monitored call's audio plays, unless the supervisor asked for them.
 */
export function interactionNotices(
  before: AppState,
  after: AppState,
  settings: NotificationSettings,
): InteractionNotice[] {
  if (before.session === null || after.session === null) return [];
  const notices: InteractionNotice[] = [];
  const audioPlaying = after.voice.calls.some((call) => call.audio.firstAudioAt !== null);
  if (settings.voice && (settings.voiceWhileAudioPlays || !audioPlaying)) {
    const earlier = new Set(before.voice.calls.map((call) => call.id));
    const now = new Set(after.voice.calls.map((call) => call.id));
    for (const call of after.voice.calls) if (!earlier.has(call.id)) notices.push(callStarted(call));
    for (const call of before.voice.calls) if (!now.has(call.id)) notices.push(callEnded(call));
  }
  const wanted = (conversation: Conversation) => (conversation.channel === 'chat' ? settings.chat : settings.sms);
  const earlier = new Set(before.messaging.conversations.map((conversation) => conversation.id));
  const now = new Set(after.messaging.conversations.map((conversation) => conversation.id));
  for (const conversation of after.messaging.conversations) {
    if (!earlier.has(conversation.id) && wanted(conversation)) notices.push(conversationStarted(conversation));
  }
  for (const conversation of after.messaging.history) {
    if (earlier.has(conversation.id) && !now.has(conversation.id) && wanted(conversation))
      notices.push(conversationEnded(conversation));
  }
  return notices;
}

function callStarted(call: MonitoredCall): InteractionNotice {
  return {
    key: `voice:${call.id}:started`,
    channel: 'voice',
    event: 'started',
    title: `Monitoring ${call.agentName ?? 'a call'}`,
    body: sentence(`${call.customerNumber ? `call with ${call.customerNumber}, ` : ''}${voiceWords(call)}`),
  };
}

function callEnded(call: MonitoredCall): InteractionNotice {
  return {
    key: `voice:${call.id}:ended`,
    channel: 'voice',
    event: 'ended',
    title: 'Monitored call ended',
    body: `${call.agentName ?? 'The agent'}${call.customerNumber ? ` with ${call.customerNumber}` : ''}.`,
  };
}

function conversationStarted(conversation: Conversation): InteractionNotice {
  const kind = conversation.channel === 'chat' ? 'chat' : 'SMS';
  return {
    key: `${conversation.channel}:${conversation.id}:started`,
    channel: conversation.channel,
    event: 'started',
    title: `Monitoring ${conversation.agentName ? `${conversation.agentName}'s ${kind}` : `a ${kind}`}`,
    body: sentence(
      `${conversation.customerName ? `with ${conversation.customerName}, ` : ''}${messagingModeWords[conversation.mode]}`,
    ),
  };
}

/** The same words as the card's ending, for a notice that stands on its own. */
const endingWords: Readonly<Record<ConversationEnding, string>> = {
  ended: 'it was closed',
  requeued: 'it went back to a queue',
  'you-left': 'you left it',
};

function conversationEnded(conversation: Conversation): InteractionNotice {
  const kind = conversation.channel === 'chat' ? 'Chat' : 'SMS';
  return {
    key: `${conversation.channel}:${conversation.id}:ended`,
    channel: conversation.channel,
    event: 'ended',
    title: `${kind} ended`,
    body: `${conversation.agentName ?? 'The agent'}${conversation.customerName ? ` with ${conversation.customerName}` : ''}: ${endingWords[conversation.ending ?? 'ended']}.`,
  };
}

function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

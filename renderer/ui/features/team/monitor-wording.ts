import type {
  MessagingChannel,
  MessagingMode,
  MessagingSubscription,
} from '../../../../electron/common/models/messaging';
import type { MonitoringScope, VoiceFrequency, VoiceMode } from '../../../../electron/common/models/voice';
import { assertNever } from '../../../../electron/common/result';
import {
  activeModeLabels,
  channelLabels,
  describeMessagingSubscription,
  modeConsequences,
  modeLabels,
  monitorMessagingPhrase,
} from '../messaging/messaging-model';
import { frequencyLabels, monitorActionPhrase, scopeLabels } from '../voice/voice-model';

/**
 * When a monitor action takes effect, said before the click (gws-api.md §4.2): Listen in and Coach
 * wait for the agent's next call. Barge in joins a call in progress at once where the contact
 * center allows it (SIP Server's intrusion-enabled; never in a SIP Cluster), which Earshot cannot
 * see from GWS, so the sentence says both.
 */
export function monitorTiming(mode: VoiceMode, agentName: string, agentOnCall: boolean): string {
  const next = `${agentName}’s next call`;
  switch (mode) {
    case 'ListenIn':
    case 'Coach':
      return agentOnCall ? `From ${next}, not the one in progress.` : `From ${next}.`;
    case 'BargeIn':
      return agentOnCall
        ? `Now, joining the call in progress, where your contact center allows it; otherwise from ${next}.`
        : `From ${next}.`;
    default:
      return assertNever(mode);
  }
}

/** Who hears the supervisor once the action has taken effect. */
export function monitorConsequence(mode: VoiceMode, agentName: string): string {
  switch (mode) {
    case 'ListenIn':
      return 'silent, nobody hears you';
    case 'Coach':
      return `${agentName} hears you, the customer does not`;
    case 'BargeIn':
      return `${agentName} and the customer hear you`;
    default:
      return assertNever(mode);
  }
}

export interface MonitorButtonWording {
  /** What the button shows. */
  readonly text: string;
  /** Its accessible name: starts with the visible text, so speech input finds it by what it shows (WCAG 2.5.3). */
  readonly name: string;
  /** Its description and tooltip: when it starts, who will hear, and the options it uses. */
  readonly description: string;
}

const buttonTexts: Readonly<Record<VoiceMode, string>> = { ListenIn: 'Listen', Coach: 'Coach', BargeIn: 'Barge in' };

export function monitorButtonWording(
  mode: VoiceMode,
  agent: { readonly name: string; readonly onCall: boolean },
  options: { readonly scope: MonitoringScope; readonly frequency: VoiceFrequency; readonly usual: boolean },
): MonitorButtonWording {
  const name = monitorActionPhrase(mode, agent.name);
  const choices = `${scopeLabels[options.scope].label}, ${frequencyLabels[options.frequency].label.toLowerCase()}.`;
  const when = monitorTiming(mode, agent.name, agent.onCall);
  const usual = options.usual ? ' Your usual choice.' : '';
  const description = `${name}: ${monitorConsequence(mode, agent.name)}. ${when} ${choices}${usual}`;
  return { text: buttonTexts[mode], name, description };
}

const messagingJoiners: Readonly<Record<MessagingMode, string>> = { Monitor: '', Coach: ' in', BargeIn: ' on' };
const oneOf: Readonly<Record<MessagingChannel, string>> = { chat: 'chat', sms: 'SMS session' };

/**
 * A mode button of the Chats & SMS menu. It shows "Monitoring" once that is the mode, and its name
 * follows what it shows. Chat and SMS supervision never joins a conversation in progress (gws-api.md §5.1).
 */
export function messagingButtonWording(
  mode: MessagingMode,
  channel: MessagingChannel,
  agentName: string,
  state: { readonly current: boolean; readonly usual: boolean },
): MonitorButtonWording {
  const text = state.current ? activeModeLabels[mode] : modeLabels[mode];
  const name = `${text}${messagingJoiners[mode]} ${agentName}’s ${channelLabels[channel].many}`;
  const usual = state.usual ? ' Your usual choice.' : '';
  const description =
    `${monitorMessagingPhrase(mode, channel, agentName)}: ${modeConsequences[mode]}. ` +
    `From ${agentName}’s next ${oneOf[channel]}, not those in progress.${usual}`;
  return { text, name, description };
}

/** What a subscription's pill on the row shows. */
export function messagingPillText(subscription: MessagingSubscription): string {
  const view = describeMessagingSubscription(subscription);
  if (subscription.pending) return view.status;
  return subscription.frequency === 'NextChat' ? `${view.modeLabel} · next` : view.modeLabel;
}

/** The row's Chats & SMS trigger: its name starts with what it shows, the pills or "Chats & SMS". */
export function messagingTriggerName(agentName: string, pillTexts: ReadonlyArray<string>): string {
  return pillTexts.length === 0
    ? `Chats & SMS of ${agentName}`
    : `${pillTexts.join(', ')}: chats and SMS of ${agentName}`;
}

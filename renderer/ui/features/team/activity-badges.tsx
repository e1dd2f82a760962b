import type { ComponentType, SVGProps } from 'react';
import type { AgentInteraction, InteractionKind } from '../../../../electron/common/models/agent';
import { ChatIcon, PhoneIcon, SmsIcon } from '../../components/icons';
import { describeElapsed, sinceSource } from './duration';
import { useElapsed, useNow } from './time-in-state';

const kinds: Readonly<Record<InteractionKind, { name: string; Icon: ComponentType<SVGProps<SVGSVGElement>> }>> = {
  call: { name: 'Call', Icon: PhoneIcon },
  chat: { name: 'Chat', Icon: ChatIcon },
  sms: { name: 'SMS', Icon: SmsIcon },
};

/** Badges the column holds beside a "+N" for the others. */
const shownAtMost = 2;

function InteractionBadge({ interaction }: { interaction: AgentInteraction }) {
  const { name, Icon } = kinds[interaction.kind];
  const { text, label } = useElapsed(interaction.since);
  return (
    <span
      className={`badge badge--${interaction.kind}`}
      data-kind={interaction.kind}
      data-basis={interaction.since.basis}
      title={`${name}: ${label}, ${sinceSource(interaction.since)}`}
    >
      <Icon width={12} height={12} />
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">
        {name}, {label}
      </span>
    </span>
  );
}

/** The ones that do not fit, counted; their durations are in its tooltip and its words. */
function MoreInteractions({ interactions }: { interactions: ReadonlyArray<AgentInteraction> }) {
  const now = useNow();
  const list = interactions
    .map((interaction) => `${kinds[interaction.kind].name} ${describeElapsed(interaction.since, now).label}`)
    .join(', ');
  return (
    <span className="badge badge--more" title={list}>
      <span aria-hidden="true">+{interactions.length}</span>
      <span className="visually-hidden">and {list}</span>
    </span>
  );
}

/** Each live call, chat and SMS of the agent with how long it has lasted; the call first. */
export function ActivityBadges({ interactions }: { interactions: ReadonlyArray<AgentInteraction> }) {
  if (interactions.length === 0) {
    return (
      <span className="activity activity--idle" title="No calls, chats or SMS">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">No calls, chats or SMS</span>
      </span>
    );
  }
  const ordered = [
    ...interactions.filter((item) => item.kind === 'call'),
    ...interactions.filter((item) => item.kind !== 'call'),
  ];
  const shown = ordered.slice(0, shownAtMost);
  const hidden = ordered.slice(shownAtMost);
  return (
    <span className="activity">
      {shown.map((interaction, index) => (
        <InteractionBadge key={interaction.id ?? `${interaction.kind}-${index}`} interaction={interaction} />
      ))}
      {hidden.length > 0 && <MoreInteractions interactions={hidden} />}
    </span>
  );
}

import { useCallback, useRef, type ComponentType, type SVGProps } from 'react';
import type { AgentInteraction, InteractionKind } from '../../../../electron/common/models/agent';
import { useClockWrites, writeAttribute, writeText } from '../../components/clock-writes';
import { ChatIcon, PhoneIcon, SmsIcon } from '../../components/icons';
import { describeElapsed, sinceSource } from './duration';

const kinds: Readonly<Record<InteractionKind, { name: string; Icon: ComponentType<SVGProps<SVGSVGElement>> }>> = {
  call: { name: 'Call', Icon: PhoneIcon },
  chat: { name: 'Chat', Icon: ChatIcon },
  sms: { name: 'SMS', Icon: SmsIcon },
};

/** Badges the column holds beside a "+N" for the others. */
const shownAtMost = 2;

/** Its duration, its words and its tooltip are rewritten on each tick (see useClockWrites). */
function InteractionBadge({ interaction }: { interaction: AgentInteraction }) {
  const { name, Icon } = kinds[interaction.kind];
  const badge = useRef<HTMLSpanElement>(null);
  const shown = useRef<HTMLSpanElement>(null);
  const spoken = useRef<HTMLSpanElement>(null);
  const { since } = interaction;
  const write = useCallback(
    (now: number) => {
      const { text, label } = describeElapsed(since, now);
      writeText(shown.current, text);
      writeText(spoken.current, `${name}, ${label}`);
      writeAttribute(badge.current, 'title', `${name}: ${label}, ${sinceSource(since)}`);
    },
    [since, name],
  );
  useClockWrites(write);
  return (
    <span
      ref={badge}
      className={`badge badge--${interaction.kind}`}
      data-kind={interaction.kind}
      data-basis={since.basis}
    >
      <Icon width={12} height={12} />
      <span ref={shown} aria-hidden="true" />
      <span ref={spoken} className="visually-hidden" />
    </span>
  );
}

/** The ones that do not fit, counted; their durations are in its tooltip and its words. */
function MoreInteractions({ interactions }: { interactions: ReadonlyArray<AgentInteraction> }) {
  const badge = useRef<HTMLSpanElement>(null);
  const spoken = useRef<HTMLSpanElement>(null);
  const write = useCallback(
    (now: number) => {
      const list = interactions
        .map((interaction) => `${kinds[interaction.kind].name} ${describeElapsed(interaction.since, now).label}`)
        .join(', ');
      writeText(spoken.current, `and ${list}`);
      writeAttribute(badge.current, 'title', list);
    },
    [interactions],
  );
  useClockWrites(write);
  return (
    <span ref={badge} className="badge badge--more">
      <span aria-hidden="true">+{interactions.length}</span>
      <span ref={spoken} className="visually-hidden" />
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

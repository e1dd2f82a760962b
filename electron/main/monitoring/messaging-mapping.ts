import {
  transcriptLineKindSchema,
  type Participant,
  type TranscriptLine,
  type TranscriptLineKind,
} from '../../common/models/messaging';
import { parseGwsDate } from '../contact-center/wire/common';
import { participantUserId, type WireMessage, type WireParticipant } from '../contact-center/wire/messaging';
import { asVisibility } from './messaging-modes';

/** Who "me" is in a conversation: GWS lists the supervisor as just another `Agent`. */
export interface Me {
  readonly userId: string | null;
  /** The nicknames this supervisor may appear under (those it asked for, and its user name). */
  readonly nicknames: ReadonlySet<string>;
}

/** A participant's uri names its user; only where there is none does the nickname decide. */
export function isMe(participant: WireParticipant, me: Me): boolean {
  const userId = participantUserId(participant);
  if (userId !== null) return me.userId !== null && userId.toLowerCase() === me.userId.toLowerCase();
  return participant.nickname !== undefined && me.nicknames.has(participant.nickname);
}

/**
 * GWS types supervisors as `Agent`; one that only supervisors or only agents can see is a
 * supervisor (Monitor, Coach). A barged-in supervisor looks like an agent unless it is me.
 */
export function toParticipant(wire: WireParticipant, me: Me): Participant {
  const mine = isMe(wire, me);
  const visibility = asVisibility(wire.visibility);
  return {
    participantId: wire.participantId ?? wire.id ?? participantUserId(wire) ?? wire.nickname ?? '',
    nickname: wire.nickname ?? 'Unknown',
    role: mine ? 'Supervisor' : roleOf(wire.type, visibility),
    visibility,
    isMe: mine,
  };
}

function roleOf(type: string | undefined, visibility: Participant['visibility']): Participant['role'] {
  if (type === 'Customer') return 'Customer';
  if (type === 'Agent') return visibility === 'All' ? 'Agent' : 'Supervisor';
  return 'Other';
}

/**
 * One message as the transcript shows it. The sender is described as the conversation knows them
 * now when they are still in it (a supervisor stays a supervisor after barging in).
 */
export function toTranscriptLine(message: WireMessage, participants: readonly Participant[], me: Me): TranscriptLine {
  const known = transcriptLineKindSchema.safeParse(message.type);
  const type: TranscriptLineKind = known.success ? known.data : 'Notice';
  const text = message.text ?? message.noticeText ?? message.url ?? null;
  return {
    index: message.index,
    type,
    // A type Earshot does not know (CustomNotice, a newer one) is a notice; without text, its name says what it was.
    text: text ?? (known.success ? null : spacedWords(message.type)),
    from: message.from ? senderOf(message.from, participants, me) : null,
    visibility: asVisibility(message.visibility),
    at: message.timestampSeconds ?? (message.timestamp ? parseGwsDate(message.timestamp) : null),
  };
}

function senderOf(
  from: WireParticipant,
  participants: readonly Participant[],
  me: Me,
): NonNullable<TranscriptLine['from']> {
  const id = from.participantId ?? from.id;
  const known = id === undefined ? undefined : participants.find((participant) => participant.participantId === id);
  const sender = known ?? toParticipant(from, me);
  return { nickname: from.nickname ?? sender.nickname, role: sender.role, isMe: sender.isMe };
}

/** `CustomNotice` → `Custom notice`. */
function spacedWords(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

import type { Customer } from '../floor/interaction-ids';
import {
  canSee,
  type MessagingChannel,
  type ParticipantRole,
  type SupervisorMode,
  type Visibility,
} from './supervision-rules';

export interface Participant {
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly nickname: string;
  /** The GWS user behind an agent or supervisor; null for the customer. */
  readonly userId: string | null;
  visibility: Visibility;
  /** Only supervisors have a mode. */
  mode: SupervisorMode | null;
  present: boolean;
}

/** The sender as they were when they wrote: a supervisor's visibility changes with the mode. */
export interface Sender {
  readonly participantId: string;
  readonly role: ParticipantRole;
  readonly nickname: string;
  readonly userId: string | null;
  readonly visibility: Visibility;
}

export type MessageType =
  'Text' | 'ParticipantJoined' | 'ParticipantLeft' | 'ParticipantRejoined' | 'TypingStarted' | 'TypingStopped';

export interface LoggedMessage {
  /** 1-based, increasing (gws-api.md §5.6). */
  readonly index: number;
  readonly type: MessageType;
  readonly text: string | null;
  readonly visibility: Visibility;
  readonly from: Sender;
  /** Epoch ms. */
  readonly at: number;
  /** Participant ids of those present, the sender aside, whose role may see it. */
  readonly recipients: readonly string[];
}

/** Chatting: with agents. Queued: placed back in a queue, no agent. Completed: over. */
export type ConversationState = 'Chatting' | 'Queued' | 'Completed';

export interface ConversationInit {
  readonly id: string;
  readonly kind: MessagingChannel;
  readonly customer: Customer;
  readonly customerParticipantId: string;
  readonly startedAt: number;
}

/**
 * One chat or SMS session as the chat server keeps it: who is in it, with which visibility, and
 * the message log. It knows nothing of the wire; MessagingCenter tells people about changes.
 */
export class Conversation {
  readonly id: string;
  readonly kind: MessagingChannel;
  readonly customer: Customer;
  readonly startedAt: number;
  state: ConversationState = 'Chatting';
  private readonly people: Participant[] = [];
  private readonly messages: LoggedMessage[] = [];

  constructor(init: ConversationInit) {
    this.id = init.id;
    this.kind = init.kind;
    this.customer = init.customer;
    this.startedAt = init.startedAt;
    this.add({
      participantId: init.customerParticipantId,
      role: 'customer',
      nickname: init.customer.name,
      userId: null,
      visibility: 'All',
      mode: null,
    });
  }

  get log(): readonly LoggedMessage[] {
    return this.messages;
  }

  get participants(): readonly Participant[] {
    return this.people;
  }

  get customerParticipant(): Participant {
    return this.people[0] as Participant;
  }

  add(participant: Omit<Participant, 'present'>): Participant {
    const added: Participant = { ...participant, present: true };
    this.people.push(added);
    return added;
  }

  present(): Participant[] {
    return this.people.filter((person) => person.present);
  }

  presentAgents(): Participant[] {
    return this.people.filter((person) => person.present && person.role === 'agent');
  }

  presentSupervisors(): Participant[] {
    return this.people.filter((person) => person.present && person.role === 'supervisor');
  }

  presentUser(userId: string, role: 'agent' | 'supervisor'): Participant | undefined {
    return this.people.find((person) => person.present && person.role === role && person.userId === userId);
  }

  append(type: MessageType, from: Participant, visibility: Visibility, text: string | null, at: number): LoggedMessage {
    const recipients = this.present()
      .filter((person) => person !== from && canSee(person.role, visibility))
      .map((person) => person.participantId);
    const last = this.messages[this.messages.length - 1];
    const message: LoggedMessage = {
      index: this.messages.length + 1,
      type,
      text,
      visibility,
      from: {
        participantId: from.participantId,
        role: from.role,
        nickname: from.nickname,
        userId: from.userId,
        visibility: from.visibility,
      },
      // A line never predates the one before it, even when a backdated history meets a live one.
      at: last ? Math.max(last.at, at) : at,
      recipients,
    };
    this.messages.push(message);
    return message;
  }

  /** The log as one participant role may read it, from startIndex (1-based), at most count lines. */
  readableBy(role: ParticipantRole, startIndex = 1, count = Number.POSITIVE_INFINITY): LoggedMessage[] {
    return this.messages
      .filter((message) => message.index >= startIndex && canSee(role, message.visibility))
      .slice(0, count);
  }
}

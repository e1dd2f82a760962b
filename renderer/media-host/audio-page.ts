import type { MediaEvent } from '../../electron/common/contract/media-host-contract';
import type { RegistrationState } from '../../electron/common/models/sip-registration';
import type { MicrophoneHold } from './call-session';

/**
 * What the audio page says, decided from facts alone: the page's own events (registration, calls)
 * and what the phone holds right now (its calls and their microphone tracks). Pure, so every
 * sentence is covered by unit tests; status-view.ts only puts it on screen.
 */

/** What the page learned of one call from the events it sent main. */
export interface CallRecord {
  readonly title: string;
  readonly phase: 'ringing' | 'answering' | 'established';
  readonly establishedAt: number | null;
  readonly audioArrived: boolean;
}

export interface AudioPageRecord {
  readonly registration: { readonly state: RegistrationState; readonly reason: string | null } | null;
  readonly calls: Readonly<Record<string, CallRecord>>;
  /** The link to main dropped: the page ended its calls and reloads once the link is back. */
  readonly linkLost: boolean;
}

export const initialAudioPageRecord: AudioPageRecord = { registration: null, calls: {}, linkLost: false };

export interface AudioPageFacts {
  readonly record: AudioPageRecord;
  /** The phone's calls, the one source of what the microphone does. */
  readonly held: ReadonlyArray<{ readonly callId: string; readonly microphone: MicrophoneHold }>;
  readonly now: number;
}

export type LineTone = 'good' | 'pending' | 'bad';
export type MicrophoneStatement = 'closed' | 'opening' | 'open';

export interface CallView {
  readonly callId: string;
  readonly title: string;
  readonly status: string;
  /** m:ss (h:mm:ss past an hour) since the call was established; null before. */
  readonly duration: string | null;
  /** The call is connected, so its incoming audio has a level to show. */
  readonly metered: boolean;
  readonly microphone: MicrophoneHold;
  readonly microphoneNote: string | null;
}

export interface AudioPageView {
  readonly line: { readonly tone: LineTone; readonly text: string; readonly detail: string | null };
  readonly microphone: { readonly state: MicrophoneStatement; readonly text: string; readonly detail: string };
  readonly calls: readonly CallView[];
}

/** Folds one of the page's own events into what it knows; events that change nothing return the record as it was. */
export function recordEvent(record: AudioPageRecord, event: MediaEvent): AudioPageRecord {
  switch (event.type) {
    case 'registration':
      return { ...record, registration: { state: event.state, reason: event.reason } };
    case 'incomingCall':
      return {
        ...record,
        calls: {
          ...record.calls,
          [event.callId]: { title: callTitle(event), phase: 'ringing', establishedAt: null, audioArrived: false },
        },
      };
    case 'callState': {
      const call = record.calls[event.callId];
      if (!call) return record;
      if (event.state === 'ended') {
        const others = Object.entries(record.calls).filter(([callId]) => callId !== event.callId);
        return { ...record, calls: Object.fromEntries(others) };
      }
      const establishedAt = event.state === 'established' ? (call.establishedAt ?? event.at) : call.establishedAt;
      return { ...record, calls: { ...record.calls, [event.callId]: { ...call, phase: event.state, establishedAt } } };
    }
    case 'firstAudio': {
      const call = record.calls[event.callId];
      if (!call || call.audioArrived) return record;
      return { ...record, calls: { ...record.calls, [event.callId]: { ...call, audioArrived: true } } };
    }
    default:
      return record;
  }
}

export function recordLinkLost(record: AudioPageRecord): AudioPageRecord {
  return { ...record, linkLost: true };
}

/** The SIP server's name for the call (a Genesys server names the agent and customer there), else its number. */
function callTitle(event: Extract<MediaEvent, { type: 'incomingCall' }>): string {
  const name = event.remoteDisplayName?.trim();
  if (name) return name;
  const user = /^sips?:([^@;]+)@/i.exec(event.remoteUri)?.[1];
  return user ? `Call from ${user}` : 'Call';
}

export function describeAudioPage(facts: AudioPageFacts): AudioPageView {
  const calls = facts.held.map(({ callId, microphone }) => describeCall(callId, microphone, facts));
  return { line: describeLine(facts.record), microphone: describeMicrophone(calls), calls };
}

function describeLine(record: AudioPageRecord): AudioPageView['line'] {
  if (record.linkLost) {
    return {
      tone: 'bad',
      text: 'Not connected to Earshot',
      detail: 'The link to Earshot dropped, so every call here ended. This page reconnects by itself.',
    };
  }
  const registration = record.registration;
  if (registration === null) {
    return { tone: 'pending', text: 'Phone line not registered yet', detail: 'Waiting for Earshot to sign in.' };
  }
  switch (registration.state) {
    case 'registered':
      return { tone: 'good', text: 'Phone line registered', detail: null };
    case 'connecting':
      return { tone: 'pending', text: 'Registering the phone line…', detail: registration.reason };
    case 'failed':
      return {
        tone: 'bad',
        text: 'Phone line not registered',
        detail: registration.reason ?? 'The SIP server refused the registration.',
      };
    case 'unregistered':
      return {
        tone: 'bad',
        text: 'Phone line not registered',
        detail: registration.reason ?? 'Earshot is not signed in to it.',
      };
  }
}

function describeCall(callId: string, microphone: MicrophoneHold, facts: AudioPageFacts): CallView {
  const record = facts.record.calls[callId];
  const phase = record?.phase ?? 'ringing';
  const establishedAt = phase === 'established' ? (record?.establishedAt ?? null) : null;
  return {
    callId,
    title: record?.title ?? 'Call',
    status: callStatus(phase, record?.audioArrived ?? false),
    duration: establishedAt === null ? null : formatDuration(facts.now - establishedAt),
    metered: phase === 'established',
    microphone,
    microphoneNote:
      microphone === 'sending'
        ? 'Your microphone is on this call'
        : microphone === 'held'
          ? 'Microphone open, not on this call yet'
          : null,
  };
}

function callStatus(phase: CallRecord['phase'], audioArrived: boolean): string {
  switch (phase) {
    case 'ringing':
      return 'Ringing';
    case 'answering':
      return 'Connecting…';
    case 'established':
      return audioArrived ? 'Playing' : 'Connected, waiting for its audio';
  }
}

/** Never understates: one call that sends is enough for OPEN, one live track for "open". */
function describeMicrophone(calls: readonly CallView[]): AudioPageView['microphone'] {
  const sending = calls.filter((call) => call.microphone === 'sending').length;
  if (sending > 0) {
    return {
      state: 'open',
      text: `Microphone OPEN — ${sending === 1 ? 'the call' : `${sending} calls`} can hear you`,
      detail: 'The call card in Earshot says who: the agent alone when you coach, everyone on the call otherwise.',
    };
  }
  if (calls.some((call) => call.microphone === 'held')) {
    return {
      state: 'opening',
      text: 'Microphone open — not on a call yet',
      detail: 'It is open on this computer but sends nothing: nobody hears you yet.',
    };
  }
  return {
    state: 'closed',
    text: 'Microphone closed — nobody hears you',
    detail: 'Earshot opens it only when you choose to be heard.',
  };
}

export function formatDuration(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

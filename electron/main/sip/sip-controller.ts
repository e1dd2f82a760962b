import type { CallStats, MediaEvent, MediaSipAccount } from '../../common/contract/media-host-contract';
import type { Logger } from '../platform/logger';
import { updateAppState, type AppStore } from '../state/app-store';
import { withVoice } from '../state/voice-reducers';
import { decideIncomingCall, MATCH_WINDOW_MS, type MonitoringFacts } from './auto-answer-policy';
import type { MediaHostLink } from './media-host-link';

export type SipCallEvent =
  | { readonly type: 'autoAnswered'; readonly sipCallId: string; readonly genesysCallUuid: string }
  | { readonly type: 'established'; readonly sipCallId: string }
  | { readonly type: 'ended'; readonly sipCallId: string; readonly reason: string | null }
  | { readonly type: 'firstAudio'; readonly sipCallId: string; readonly at: number }
  | { readonly type: 'stats'; readonly sipCallId: string; readonly stats: CallStats }
  | { readonly type: 'microphone'; readonly sipCallId: string; readonly open: boolean; readonly error: string | null };

interface PendingInvite {
  readonly sipCallId: string;
  readonly genesysCallUuid: string | null;
  readonly from: string;
  readonly displayName: string | null;
  readonly arrivedAt: number;
  timer: NodeJS.Timeout | null;
}

export interface SipControllerOptions {
  readonly link: MediaHostLink;
  readonly store: AppStore;
  readonly logger: Logger;
  readonly monitoringFacts: () => MonitoringFacts;
  readonly now?: () => number;
}

/**
 * Owns the SIP side of the supervisor: the account and when it registers, which incoming call is
 * answered by itself, and the commands to the media host. The media host only executes; every
 * decision, above all when the microphone opens, is taken here or by the monitoring service.
 */
export class SipController {
  private account: MediaSipAccount | null = null;
  private readonly pending = new Map<string, PendingInvite>();
  private readonly listeners = new Set<(event: SipCallEvent) => void>();
  private outputDeviceId: string | null = null;
  private inputDeviceId: string | null = null;
  private readonly disposers: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly options: SipControllerOptions) {
    this.now = options.now ?? Date.now;
    this.disposers.push(
      options.link.onEvent((event) => this.onMediaEvent(event)),
      options.link.onConnected(() => this.onMediaHostConnected()),
      options.link.onDisconnected(() => this.onMediaHostDisconnected()),
    );
  }

  onCallEvent(listener: (event: SipCallEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Registers with this account (null: unregister). Credentials stay in main and the media host. */
  setAccount(account: MediaSipAccount | null): void {
    this.account = account;
    this.updateVoice((voice) => ({
      ...voice,
      sip: {
        registration: account ? 'connecting' : 'unregistered',
        reason: account && !this.options.link.connected ? 'Waiting for the audio engine to start…' : null,
        address: account?.sipUri ?? null,
      },
    }));
    if (!this.options.link.connected) return;
    this.options.link.send(account ? { type: 'register', account } : { type: 'unregister' });
  }

  /** A monitoring call became known to GWS: an INVITE waiting for it may now be answered. */
  reconsiderPendingInvites(): void {
    for (const invite of this.pending.values()) this.decide(invite);
  }

  answer(sipCallId: string): void {
    this.send({ type: 'answer', callId: sipCallId });
  }

  decline(sipCallId: string): void {
    this.dropPending(sipCallId);
    this.send({ type: 'decline', callId: sipCallId });
  }

  hangUp(sipCallId: string): void {
    this.send({ type: 'hangUp', callId: sipCallId });
  }

  setMicrophone(sipCallId: string, open: boolean): void {
    this.send({ type: 'setMicrophone', callId: sipCallId, open, inputDeviceId: this.inputDeviceId });
  }

  setVolume(sipCallId: string, volume: number): void {
    this.send({ type: 'setVolume', callId: sipCallId, volume });
  }

  selectOutput(deviceId: string | null): void {
    this.outputDeviceId = deviceId;
    this.updateVoice((voice) => ({ ...voice, devices: { ...voice.devices, selectedOutputId: deviceId } }));
    this.send({ type: 'setOutputDevice', deviceId });
  }

  selectInput(deviceId: string | null): void {
    this.inputDeviceId = deviceId;
    this.updateVoice((voice) => ({ ...voice, devices: { ...voice.devices, selectedInputId: deviceId } }));
  }

  /** Answers a call that rang (not monitoring): it is an ordinary two-way call once answered. */
  answerIncoming(sipCallId: string): boolean {
    if (!this.dropPending(sipCallId)) return false;
    this.send({ type: 'answer', callId: sipCallId });
    this.send({ type: 'setMicrophone', callId: sipCallId, open: true, inputDeviceId: this.inputDeviceId });
    return true;
  }

  dispose(): void {
    for (const invite of this.pending.values()) if (invite.timer) clearTimeout(invite.timer);
    this.pending.clear();
    for (const dispose of this.disposers) dispose();
  }

  private send(command: Parameters<MediaHostLink['send']>[0]): void {
    if (!this.options.link.connected) {
      this.options.logger.warn('Media host not connected; command not sent', { command: command.type });
      return;
    }
    this.options.link.send(command);
  }

  private onMediaHostConnected(): void {
    this.send({ type: 'listDevices' });
    if (this.outputDeviceId !== null) this.send({ type: 'setOutputDevice', deviceId: this.outputDeviceId });
    if (this.account) this.options.link.send({ type: 'register', account: this.account });
  }

  private onMediaHostDisconnected(): void {
    if (!this.account) return;
    this.updateVoice((voice) => ({
      ...voice,
      sip: { ...voice.sip, registration: 'connecting', reason: 'The audio engine restarted; registering again…' },
    }));
  }

  private onMediaEvent(event: MediaEvent): void {
    switch (event.type) {
      case 'ready':
        return;
      case 'registration':
        this.updateVoice((voice) => ({
          ...voice,
          sip: { ...voice.sip, registration: event.state, reason: event.reason },
        }));
        return;
      case 'incomingCall': {
        const invite: PendingInvite = {
          sipCallId: event.callId,
          genesysCallUuid: event.genesysCallUuid,
          from: event.remoteUri,
          displayName: event.remoteDisplayName,
          arrivedAt: this.now(),
          timer: null,
        };
        this.pending.set(invite.sipCallId, invite);
        this.decide(invite);
        return;
      }
      case 'callState':
        if (event.state === 'established') this.emit({ type: 'established', sipCallId: event.callId });
        if (event.state === 'ended') {
          this.dropPending(event.callId);
          this.emit({ type: 'ended', sipCallId: event.callId, reason: event.reason });
        }
        return;
      case 'firstAudio':
        this.emit({ type: 'firstAudio', sipCallId: event.callId, at: event.at });
        return;
      case 'callStats':
        this.emit({ type: 'stats', sipCallId: event.callId, stats: event.stats });
        return;
      case 'microphone':
        this.emit({ type: 'microphone', sipCallId: event.callId, open: event.open, error: event.error });
        return;
      case 'devices':
        this.updateVoice((voice) => ({
          ...voice,
          devices: {
            ...voice.devices,
            outputs: event.outputs,
            inputs: event.inputs,
            outputSelectionSupported: event.outputSelectionSupported,
          },
        }));
        return;
      case 'commandFailed':
        this.options.logger.warn('The media host could not carry out a command', {
          command: event.command,
          reason: event.reason,
        });
        return;
    }
  }

  private decide(invite: PendingInvite): void {
    if (invite.timer) clearTimeout(invite.timer);
    invite.timer = null;
    const decision = decideIncomingCall(
      { genesysCallUuid: invite.genesysCallUuid, waitedMs: this.now() - invite.arrivedAt },
      this.options.monitoringFacts(),
    );
    if (decision === 'answer' && invite.genesysCallUuid !== null) {
      this.pending.delete(invite.sipCallId);
      this.options.link.send({ type: 'answer', callId: invite.sipCallId });
      this.emit({ type: 'autoAnswered', sipCallId: invite.sipCallId, genesysCallUuid: invite.genesysCallUuid });
      return;
    }
    if (decision === 'wait') {
      invite.timer = setTimeout(() => this.decide(invite), MATCH_WINDOW_MS - (this.now() - invite.arrivedAt) + 1);
      return;
    }
    this.options.logger.info('An incoming call does not match monitoring; it rings', { from: invite.from });
    this.updateVoice((voice) =>
      voice.incoming.some((call) => call.id === invite.sipCallId)
        ? voice
        : {
            ...voice,
            incoming: [
              ...voice.incoming,
              { id: invite.sipCallId, from: invite.from, displayName: invite.displayName, at: invite.arrivedAt },
            ],
          },
    );
  }

  private dropPending(sipCallId: string): boolean {
    const invite = this.pending.get(sipCallId);
    if (invite?.timer) clearTimeout(invite.timer);
    this.pending.delete(sipCallId);
    let wasRinging = false;
    this.updateVoice((voice) => {
      wasRinging = voice.incoming.some((call) => call.id === sipCallId);
      return wasRinging ? { ...voice, incoming: voice.incoming.filter((call) => call.id !== sipCallId) } : voice;
    });
    return wasRinging || invite !== undefined;
  }

  private emit(event: SipCallEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private updateVoice(change: Parameters<typeof withVoice>[1]): void {
    updateAppState(this.options.store, (state) => withVoice(state, change));
  }
}

import type { MediaCommand, MediaEvent, MediaSipAccount } from '../../common/contract/media-host-contract';
import type { VoiceState } from '../../common/models/voice';
import type { Logger } from '../platform/logger';
import { updateAppState, type AppStore } from '../state/app-store';
import type { SipEvent } from './sip-events';
import type { MediaHostLink, MediaHostLoss } from './media-host-link';

export interface SipControllerOptions {
  readonly link: MediaHostLink;
  readonly store: AppStore;
  readonly logger: Logger;
  /** The desktop app restarts a lost media window by itself; the browser edition needs the supervisor. */
  readonly restartsByItself: boolean;
}

/**
 * The SIP side of the supervisor: the account and when it registers, the audio devices, and the
 * link to the media host. Everything about calls and the microphone it passes on, as voice core
 * events, to the voice calls service, which decides; commands come back through `send`.
 */
export class SipController {
  private account: MediaSipAccount | null = null;
  private outputDeviceId: string | null = null;
  private inputDeviceId: string | null = null;
  /** The line as the voice core last heard of it: registered, lost after being registered, or neither yet. */
  private line: 'unknown' | 'registered' | 'lost' = 'unknown';
  private readonly listeners = new Set<(event: SipEvent) => void>();
  private readonly disposers: Array<() => void> = [];

  constructor(private readonly options: SipControllerOptions) {
    this.disposers.push(
      options.link.onEvent((event) => this.onMediaEvent(event)),
      options.link.onConnected(() => this.onMediaHostConnected()),
      options.link.onDisconnected((loss) => this.onMediaHostDisconnected(loss)),
    );
  }

  /** Call, leg and microphone events for the voice core. */
  onCoreEvent(listener: (event: SipEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get mediaHostConnected(): boolean {
    return this.options.link.connected;
  }

  get selectedInputId(): string | null {
    return this.inputDeviceId;
  }

  /** Registers with this account (null: unregister). Credentials stay in main and the media host. */
  setAccount(account: MediaSipAccount | null): void {
    this.account = account;
    this.line = 'unknown';
    const connected = this.options.link.connected;
    this.updateVoice((voice) => ({
      ...voice,
      sip: {
        registration: account && connected ? 'connecting' : 'unregistered',
        reason: account && !connected ? 'Waiting for the audio window to start.' : null,
        address: account?.sipUri ?? null,
      },
    }));
    if (!connected) return;
    this.options.link.send(account ? { type: 'register', account } : { type: 'unregister' });
  }

  /** After a network change: a fresh SIP connection and registration, where there is an account. */
  reconnect(): void {
    if (this.account && this.options.link.connected) this.options.link.send({ type: 'reconnect' });
  }

  send(command: MediaCommand): void {
    if (!this.options.link.connected) {
      this.options.logger.warn('Media host not connected; command not sent', { command: command.type });
      if ('callId' in command) {
        this.emit({
          type: 'leg-command-failed',
          legId: command.callId,
          command: command.type,
          reason: 'The audio window is not running.',
        });
      }
      return;
    }
    this.options.link.send(command);
  }

  selectOutput(deviceId: string | null): void {
    this.outputDeviceId = deviceId;
    this.updateVoice((voice) => ({ ...voice, devices: { ...voice.devices, selectedOutputId: deviceId } }));
    if (this.options.link.connected) this.options.link.send({ type: 'setOutputDevice', deviceId });
  }

  selectInput(deviceId: string | null): void {
    this.inputDeviceId = deviceId;
    this.updateVoice((voice) => ({ ...voice, devices: { ...voice.devices, selectedInputId: deviceId } }));
  }

  dispose(): void {
    for (const dispose of this.disposers) dispose();
    this.listeners.clear();
  }

  private emit(event: SipEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private onMediaHostConnected(): void {
    this.options.link.send({ type: 'listDevices' });
    if (this.outputDeviceId !== null)
      this.options.link.send({ type: 'setOutputDevice', deviceId: this.outputDeviceId });
    if (this.account) {
      this.updateVoice((voice) => ({ ...voice, sip: { ...voice.sip, registration: 'connecting', reason: null } }));
      this.options.link.send({ type: 'register', account: this.account });
    }
  }

  /**
   * A line that registers again after it was lost may sit on a new network: the calls it carries are
   * told to move (the voice core restarts their ICE). A new account or a new media host starts afresh.
   */
  private followLine(registration: Extract<MediaEvent, { type: 'registration' }>): void {
    if (registration.state === 'registered') {
      if (this.line === 'lost') this.emit({ type: 'line-restored' });
      this.line = 'registered';
    } else if (this.line === 'registered') {
      this.line = 'lost';
      this.emit({ type: 'line-lost' });
    }
  }

  private onMediaHostDisconnected(loss: MediaHostLoss): void {
    this.line = 'unknown';
    const reason = this.options.restartsByItself
      ? 'The audio engine stopped; Earshot is restarting it.'
      : 'The audio window was closed: calls cannot be heard until it is open again.';
    this.options.logger.warn('The media host went away', {
      cause: loss.cause,
      microphoneReleased: loss.microphoneReleased,
    });
    this.updateVoice((voice) => ({
      ...voice,
      sip: { ...voice.sip, registration: 'unregistered', reason: this.account ? reason : null },
    }));
    this.emit({
      type: 'media-lost',
      microphoneReleased: loss.microphoneReleased,
      reason,
      restarting: this.options.restartsByItself,
      reopenable: !this.options.restartsByItself,
    });
  }

  private onMediaEvent(event: MediaEvent): void {
    switch (event.type) {
      case 'ready':
        this.emit({
          type: 'media-ready',
          heldLegs: event.calls.map((call) => ({ legId: call.callId, microphoneLive: call.microphoneLive })),
        });
        return;
      case 'goodbye':
        return;
      case 'registration':
        this.updateVoice((voice) => ({
          ...voice,
          sip: { ...voice.sip, registration: event.state, reason: event.reason },
        }));
        this.followLine(event);
        return;
      case 'incomingCall':
        this.emit({
          type: 'leg-offered',
          leg: {
            id: event.callId,
            sipCallId: event.sipCallId,
            genesysCallUuid: event.genesysCallUuid,
            from: event.remoteUri,
            displayName: event.remoteDisplayName,
            at: event.at,
          },
        });
        return;
      case 'callState':
        this.emit({ type: 'leg-state', legId: event.callId, state: event.state, reason: event.reason });
        return;
      case 'reoffer':
        this.options.logger.info('The far end renegotiated a call; the microphone stays as it was', {
          callId: event.callId,
          offeredDirection: event.offeredDirection,
        });
        return;
      case 'iceRestart':
        this.emit({ type: 'leg-ice-restart', legId: event.callId, outcome: event.outcome, reason: event.reason });
        return;
      case 'firstAudio':
        this.emit({ type: 'leg-first-audio', legId: event.callId, at: event.at });
        return;
      case 'callStats':
        this.emit({ type: 'leg-stats', legId: event.callId, stats: event.stats });
        return;
      case 'microphone':
        this.emit({ type: 'leg-microphone', legId: event.callId, report: event.state, error: event.error });
        return;
      case 'devices':
        this.updateVoice((voice) => ({
          ...voice,
          devices: {
            ...voice.devices,
            outputs: event.outputs,
            inputs: event.inputs,
            outputSelection: event.outputSelectionSupported ? 'available' : 'unavailable',
          },
        }));
        return;
      case 'commandFailed':
        if (event.callId !== null) {
          this.emit({ type: 'leg-command-failed', legId: event.callId, command: event.command, reason: event.reason });
        } else {
          this.options.logger.warn('The media host could not carry out a command', {
            command: event.command,
            reason: event.reason,
          });
        }
        return;
    }
  }

  private updateVoice(change: (voice: VoiceState) => VoiceState): void {
    updateAppState(this.options.store, (state) => {
      const voice = change(state.voice);
      return voice === state.voice ? state : { ...state, voice };
    });
  }
}

import type { EndEvent, IceCandidateEvent, ReInviteEvent, RTCSession } from 'jssip/lib/RTCSession';
import type {
  IceRestartOutcome,
  MediaEvent,
  MicrophoneReport,
} from '../../electron/common/contract/media-host-contract';
import type { CallAudioOutputs } from './call-audio';
import { mapCallStats, type RtcStatsEntry } from './call-stats';
import { epochNow } from './clock';
import { describeCallEnd, describeIceRestartEnd, describeMicrophoneError, errorMessage } from './failure-reasons';

export interface CallSessionDependencies {
  readonly emit: (event: MediaEvent) => void;
  readonly outputs: CallAudioOutputs;
  readonly getUserMedia: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  readonly onFinished: (callId: string) => void;
}

type CallPhase = 'ringing' | 'answering' | 'established' | 'ended';

/**
 * What the page holds of the microphone on one call, read from the tracks and the transceiver
 * themselves rather than from the commands: `sending` is a live track on the sender of a call
 * negotiated to send, `held` a live track that sends nothing (opened, or on its way onto the call).
 */
export type MicrophoneHold = 'closed' | 'held' | 'sending';

const STATS_INTERVAL_MS = 1_000;
const RENEGOTIATION_LIMIT_MS = 5_000;
const REOFFER_POLL_MS = 20;
const REOFFER_POLL_ATTEMPTS = 100;
/**
 * Chromium signals all host candidates within a few milliseconds; waiting that long after the first
 * one keeps every interface in the answer without waiting for the end of gathering.
 */
const HOST_CANDIDATE_SETTLE_MS = 5;

/** The far end did not answer a re-INVITE within RENEGOTIATION_LIMIT_MS. */
class RenegotiationTimeout extends Error {}

function stopStream(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * One incoming call: answered receive-only (no microphone), its remote audio on an unmuted element,
 * stats once a second. The microphone moves only on main's commands, in three steps that let main
 * ask GWS in between: acquire (device open, track held, nothing sent), attach (the track on the call)
 * and release (tracks ended at once, the call back to receive-only).
 */
export class CallSession {
  readonly id: string;
  private phase: CallPhase = 'ringing';
  private microphone: MediaStream | null = null;
  private microphoneDeviceId: string | null = null;
  /** Bumped by every microphone command and by the end of the call; work that sees it move gives up. */
  private microphoneGeneration = 0;
  private microphoneWork: Promise<void> = Promise.resolve();
  private cancelRenegotiation: ((reason: Error) => void) | null = null;
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private statsPending = false;
  private firstAudioReported = false;
  /** An ICE restart is waiting for its answer: if the call ends meanwhile, that is its outcome. */
  private iceRestartPending = false;

  constructor(
    private readonly session: RTCSession,
    private readonly dependencies: CallSessionDependencies,
  ) {
    this.id = session.id;
    dependencies.outputs.create(this.id);
    session.on('peerconnection', ({ peerconnection }) => this.watchConnection(peerconnection));
    session.on('icecandidate', (event: IceCandidateEvent) => this.onIceCandidate(event));
    session.on('confirmed', () => this.onEstablished());
    session.on('reinvite', (event: ReInviteEvent) => this.onReoffer(event.request.body));
    session.on('update', (event: ReInviteEvent) => this.onReoffer(event.request.body));
    session.on('ended', (event: EndEvent) => this.finish(event.originator, event.cause));
    session.on('failed', (event: EndEvent) => this.finish(event.originator, event.cause));
  }

  answer(): void {
    if (this.phase !== 'ringing') throw new Error(`The call is ${this.phase}; only a ringing call can be answered.`);
    this.phase = 'answering';
    this.emitCallState('answering', null);
    // Receive-only by construction: no constraints, so JsSIP asks for no microphone and adds no track.
    // An INVITE without SDP (delayed offer) gets an offer that still receives audio.
    this.session.answer({
      mediaConstraints: { audio: false, video: false },
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
      pcConfig: { iceServers: [] },
    });
  }

  decline(statusCode: number): void {
    if (this.phase !== 'ringing') throw new Error(`The call is ${this.phase}; only a ringing call can be declined.`);
    this.session.terminate({ status_code: statusCode });
  }

  /** Ending a call the other side ended already is done, not a failure: both ends may hang up at once. */
  hangUp(): void {
    if (this.phase === 'ended') return;
    // Privacy first: nothing is captured from the moment the supervisor hangs up.
    this.stopMicrophone();
    this.session.terminate();
  }

  /** True while a microphone track lives on this call (held or sent). */
  get microphoneLive(): boolean {
    return this.microphone?.getAudioTracks().some((track) => track.readyState === 'live') ?? false;
  }

  get microphoneHold(): MicrophoneHold {
    const transceiver = this.audioTransceiver();
    const onSender = transceiver?.sender.track?.readyState === 'live';
    const negotiatedToSend =
      transceiver?.currentDirection === 'sendrecv' || transceiver?.currentDirection === 'sendonly';
    if (onSender && negotiatedToSend) return 'sending';
    return onSender || this.microphoneLive ? 'held' : 'closed';
  }

  get ended(): boolean {
    return this.phase === 'ended';
  }

  setVolume(volume: number): void {
    this.dependencies.outputs.setVolume(this.id, volume);
  }

  /** Opens the input device and holds its track; nothing is sent. Resolves once the event is emitted. */
  acquireMicrophone(inputDeviceId: string | null): Promise<void> {
    const generation = ++this.microphoneGeneration;
    return this.queueMicrophoneWork(() => this.acquire(generation, inputDeviceId));
  }

  /** Puts the held track on the call: two-way audio from here. */
  attachMicrophone(): Promise<void> {
    const generation = ++this.microphoneGeneration;
    return this.queueMicrophoneWork(() => this.attach(generation));
  }

  /** Ends the tracks at once, then takes the sender off the call and goes back to receive-only. */
  releaseMicrophone(): Promise<void> {
    // Privacy first: the capture stops before anything else, even before queued work runs.
    this.stopMicrophone();
    this.microphoneGeneration += 1;
    return this.queueMicrophoneWork(() => this.release());
  }

  /**
   * Moves the call to the current network (a re-INVITE with fresh ICE credentials). It runs in turn
   * with the microphone's work and touches neither the transceiver's direction nor its sender, so the
   * offer sends exactly what the call sent before: a receive-only call stays receive-only.
   */
  restartIce(): Promise<void> {
    return this.queueMicrophoneWork(() => this.restart());
  }

  private async restart(): Promise<void> {
    if (this.phase !== 'established') {
      this.emitIceRestart('refused', `The call is ${this.phase}, so it cannot move to the new network.`);
      return;
    }
    this.iceRestartPending = true;
    try {
      await this.renegotiate({ iceRestart: true, offerToReceiveAudio: true });
      if (!this.iceRestartPending) return;
      this.iceRestartPending = false;
      this.emitIceRestart('restarted', null);
    } catch (error) {
      // The call's end reported the outcome already (finish), with the cause JsSIP gave.
      if (!this.iceRestartPending) return;
      this.iceRestartPending = false;
      this.emitIceRestart(error instanceof RenegotiationTimeout ? 'no-answer' : 'refused', errorMessage(error));
    }
  }

  private queueMicrophoneWork(work: () => Promise<void>): Promise<void> {
    const queued = this.microphoneWork.then(work);
    this.microphoneWork = queued.catch(() => undefined);
    return queued;
  }

  private async acquire(generation: number, inputDeviceId: string | null): Promise<void> {
    if (this.phase !== 'established') {
      this.emitMicrophone('failed', 'The call is not connected yet, so the microphone stays closed.');
      return;
    }
    if (this.microphoneLive && this.microphoneDeviceId === inputDeviceId) {
      this.emitMicrophone('acquired', null);
      return;
    }
    const superseded = (): boolean => generation !== this.microphoneGeneration || this.phase !== 'established';
    let stream: MediaStream;
    try {
      stream = await this.dependencies.getUserMedia({
        audio: inputDeviceId ? { deviceId: { exact: inputDeviceId } } : true,
        video: false,
      });
    } catch (error) {
      if (!superseded()) this.emitMicrophone('failed', describeMicrophoneError(error));
      return;
    }
    if (superseded()) {
      stopStream(stream);
      return;
    }
    if (!stream.getAudioTracks()[0]) {
      stopStream(stream);
      this.emitMicrophone('failed', 'No microphone found.');
      return;
    }
    stopStream(this.microphone);
    this.microphone = stream;
    this.microphoneDeviceId = inputDeviceId;
    this.emitMicrophone('acquired', null);
  }

  private async attach(generation: number): Promise<void> {
    const superseded = (): boolean => generation !== this.microphoneGeneration || this.phase !== 'established';
    const transceiver = this.audioTransceiver();
    const track = this.microphone?.getAudioTracks().find((candidate) => candidate.readyState === 'live');
    if (this.phase !== 'established' || !transceiver || !track) {
      this.stopMicrophone();
      this.emitMicrophone(
        'failed',
        !transceiver ? 'The call has no audio channel to speak on.' : 'No microphone is open to put on the call.',
      );
      return;
    }
    try {
      await transceiver.sender.replaceTrack(track);
      if (superseded()) return;
      if (transceiver.direction !== 'sendrecv') {
        transceiver.direction = 'sendrecv';
        await this.renegotiate();
      }
      if (superseded()) return;
      this.emitMicrophone('sending', null);
    } catch (error) {
      // Never half-open: no live track, nothing on the sender, and the transceiver back to listening.
      this.stopMicrophone();
      await transceiver.sender.replaceTrack(null).catch(() => undefined);
      if (!this.ended) transceiver.direction = 'recvonly';
      if (!superseded()) {
        this.emitMicrophone('failed', `Could not switch the call to two-way audio: ${errorMessage(error)}`);
      }
    }
  }

  private async release(): Promise<void> {
    this.stopMicrophone();
    if (this.phase === 'ended') return;
    const transceiver = this.audioTransceiver();
    if (transceiver) await transceiver.sender.replaceTrack(null).catch(() => undefined);
    this.emitMicrophone('released', null);
    // The far end learns the call is receive-only again; nothing is sent meanwhile, the tracks are ended.
    if (transceiver && transceiver.direction !== 'recvonly' && this.phase === 'established') {
      transceiver.direction = 'recvonly';
      try {
        await this.renegotiate();
      } catch (error) {
        this.dependencies.emit({
          type: 'commandFailed',
          command: 'releaseMicrophone',
          callId: null,
          reason: `The microphone is closed, but the call could not be switched back to receive-only: ${errorMessage(error)}`,
        });
      }
    }
  }

  private stopMicrophone(): void {
    stopStream(this.microphone);
    this.microphone = null;
    this.microphoneDeviceId = null;
  }

  private async renegotiate(rtcOfferConstraints?: RTCOfferOptions): Promise<void> {
    for (let attempt = 0; !this.session.isReadyToReOffer(); attempt += 1) {
      if (this.phase === 'ended') throw new Error('the call ended');
      if (attempt >= REOFFER_POLL_ATTEMPTS) throw new Error('another renegotiation is still in progress');
      await new Promise((resolve) => setTimeout(resolve, REOFFER_POLL_MS));
    }
    await new Promise<void>((resolve, reject) => {
      const settle = (error?: Error): void => {
        clearTimeout(timer);
        this.cancelRenegotiation = null;
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(
        () => settle(new RenegotiationTimeout('the SIP server did not answer the re-INVITE in time')),
        RENEGOTIATION_LIMIT_MS,
      );
      this.cancelRenegotiation = settle;
      const options = rtcOfferConstraints ? { rtcOfferConstraints } : {};
      if (!this.session.renegotiate(options, () => settle())) settle(new Error('the call is not ready to renegotiate'));
    });
  }

  private audioTransceiver(): RTCRtpTransceiver | undefined {
    const connection = this.session.connection as RTCPeerConnection | undefined;
    return connection?.getTransceivers().find((transceiver) => transceiver.receiver.track.kind === 'audio');
  }

  private watchConnection(connection: RTCPeerConnection): void {
    connection.addEventListener('track', (event) => {
      if (event.track.kind !== 'audio') return;
      this.dependencies.outputs.play(this.id, event.streams[0] ?? new MediaStream([event.track]));
      // A remote track stays muted until its first packet: unmute is the earliest sign of audio.
      if (!event.track.muted) this.reportFirstAudio();
      else event.track.addEventListener('unmute', () => this.reportFirstAudio(), { once: true });
    });
  }

  private onReoffer(body: string | undefined): void {
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(body ?? '')?.[1] ?? 'sendrecv';
    this.dependencies.emit({ type: 'reoffer', callId: this.id, offeredDirection: direction, at: epochNow() });
  }

  private onIceCandidate({ candidate, ready }: IceCandidateEvent): void {
    if (candidate.type === 'host') setTimeout(ready, HOST_CANDIDATE_SETTLE_MS);
  }

  private reportFirstAudio(): void {
    if (this.firstAudioReported || this.phase === 'ended') return;
    this.firstAudioReported = true;
    this.dependencies.emit({ type: 'firstAudio', callId: this.id, at: epochNow() });
  }

  private onEstablished(): void {
    if (this.phase === 'ended') return;
    this.phase = 'established';
    this.emitCallState('established', null);
    this.statsTimer = setInterval(() => void this.sampleStats(), STATS_INTERVAL_MS);
  }

  private async sampleStats(): Promise<void> {
    const connection = this.session.connection as RTCPeerConnection | undefined;
    if (this.statsPending || !connection || this.phase !== 'established') return;
    this.statsPending = true;
    try {
      const report = await connection.getStats();
      if (this.phase !== 'established') return;
      const stats = mapCallStats(report.values() as Iterable<RtcStatsEntry>);
      this.dependencies.emit({ type: 'callStats', callId: this.id, at: epochNow(), stats });
    } catch {
      // A closing connection can refuse getStats; the next sample or the end of the call follows.
    } finally {
      this.statsPending = false;
    }
  }

  private finish(originator: string, cause: string): void {
    if (this.phase === 'ended') return;
    const microphoneWasInUse = this.microphone !== null || this.audioTransceiver()?.direction === 'sendrecv';
    this.phase = 'ended';
    if (this.iceRestartPending) {
      // JsSIP ends a call whose re-INVITE failed (481, a timeout, a refusal): main hears why first.
      this.iceRestartPending = false;
      const { outcome, reason } = describeIceRestartEnd(originator, cause);
      this.emitIceRestart(outcome, reason);
    }
    this.microphoneGeneration += 1;
    this.stopMicrophone();
    this.cancelRenegotiation?.(new Error('the call ended'));
    clearInterval(this.statsTimer);
    this.dependencies.outputs.remove(this.id);
    if (microphoneWasInUse) this.emitMicrophone('released', null);
    this.emitCallState('ended', describeCallEnd(originator, cause));
    this.dependencies.onFinished(this.id);
  }

  private emitCallState(state: 'answering' | 'established' | 'ended', reason: string | null): void {
    this.dependencies.emit({ type: 'callState', callId: this.id, state, reason, at: epochNow() });
  }

  private emitIceRestart(outcome: IceRestartOutcome, reason: string | null): void {
    this.dependencies.emit({ type: 'iceRestart', callId: this.id, outcome, reason, at: epochNow() });
  }

  private emitMicrophone(state: MicrophoneReport, error: string | null): void {
    this.dependencies.emit({ type: 'microphone', callId: this.id, state, error, at: epochNow() });
  }
}

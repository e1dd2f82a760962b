// One monitoring call's media: a werift PeerConnection that offers PCMU, plays the conversation once
// DTLS is up, and reports every RTP packet the supervisor sends back.
import { RTCPeerConnection, RTCRtpCodecParameters, MediaStreamTrack, RtpHeader, RtpPacket } from 'werift';
import type { RTCPeerConnectionConfig, RTCRtpTransceiver } from 'werift';
import { randomInt } from 'node:crypto';
import { ConversationPlayer, FRAME_MS, SAMPLES_PER_FRAME } from './conversation';

const PCMU_PAYLOAD_TYPE = 0;
const LOOPBACK = '127.0.0.1';
const ICE_GATHERING_LIMIT_MS = 2_000;
/** Enough for a ClientHello and a retransmission of it; anything beyond is not a handshake start. */
const MAX_EARLY_DTLS_PACKETS = 8;
/** A stalled event loop should not turn into a burst of catch-up frames. */
const MAX_FRAMES_PER_TICK = 5;

/** Milliseconds since the epoch with sub-millisecond precision, comparable with a page's clock. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface MediaTimings {
  offerStartedAt?: number;
  offerReadyAt?: number;
  iceConnectedAt?: number;
  dtlsConnectedAt?: number;
  firstRtpSentAt?: number;
}

export interface MediaSessionOptions {
  readonly conversation: Uint8Array;
  /** The loopback STUN endpoint (see loopback-stun.ts); without one werift asks a public server. */
  readonly stunUrl: string;
  readonly onRtpFromRemote: (payloadType: number, payload: Buffer) => void;
  readonly onFailed: (reason: string) => void;
  readonly log: (line: string) => void;
}

/**
 * Drops the peer's mDNS (.local) host candidates: resolving them would send multicast queries onto
 * the LAN, and the simulator's media never leaves 127.0.0.1 anyway.
 */
function withoutMdnsCandidates(sdp: string): string {
  return sdp
    .split(/\r\n/)
    .filter((line) => !/^a=candidate:\S+ \d+ \S+ \d+ \S+\.local /i.test(line))
    .join('\r\n');
}

/**
 * SIP offer/answer carries complete candidate lists (no trickle ICE), so the peer's SDP is final.
 * Saying so lets werift's ICE agent stop polling for late candidates (it checks every 20 ms).
 */
function withEndOfCandidates(sdp: string): string {
  const [head = '', ...sections] = sdp.split(/\r\n(?=m=)/);
  return [
    head,
    ...sections.map((section) => {
      if (/\r\na=end-of-candidates\b/.test(section)) return section;
      return section.endsWith('\r\n') ? `${section}a=end-of-candidates\r\n` : `${section}\r\na=end-of-candidates`;
    }),
  ].join('\r\n');
}

function remoteSdp(sdp: string): string {
  return withEndOfCandidates(withoutMdnsCandidates(sdp));
}

export function iceUfragOf(sdp: string | undefined): string | null {
  return /^a=ice-ufrag:(\S+)/m.exec(sdp ?? '')?.[1] ?? null;
}

function offeredDirection(sdp: string): MediaDirection {
  const audioSection = sdp
    .split(/\r?\nm=/)
    .find((section) => section.startsWith('audio') || section.startsWith('m=audio'));
  const match = /\r?\na=(sendrecv|sendonly|recvonly|inactive)\b/.exec(audioSection ?? '');
  return (match?.[1] as MediaDirection | undefined) ?? 'sendrecv';
}

/** werift settings that keep every packet on 127.0.0.1 and offer PCMU only. */
export function loopbackPeerConfig(stunUrl: string): RTCPeerConnectionConfig {
  return {
    iceServers: [{ urls: stunUrl }],
    // One host candidate, its socket bound to 127.0.0.1, nothing else gathered, checked or answered.
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceAdditionalHostAddresses: [LOOPBACK],
    iceInterfaceAddresses: { udp4: LOOPBACK },
    iceFilterCandidatePair: (pair) => pair.remoteCandidate.host === LOOPBACK,
    iceFilterStunResponse: (_message, address) => address[0] === LOOPBACK,
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: 'audio/PCMU',
          clockRate: 8000,
          channels: 1,
          payloadType: PCMU_PAYLOAD_TYPE,
        }),
      ],
      video: [],
    },
    headerExtensions: { audio: [], video: [] },
  };
}

export class MediaSession {
  readonly timings: MediaTimings = {};
  private readonly pc: RTCPeerConnection;
  private readonly transceiver: RTCRtpTransceiver;
  private readonly track = new MediaStreamTrack({ kind: 'audio' });
  private readonly player: ConversationPlayer;
  private clock: NodeJS.Timeout | undefined;
  private closed = false;
  private framesSent = 0;
  private clockStartedAt = 0;
  private sequenceNumber = randomInt(0, 0x10000);
  private readonly timestampBase = randomInt(0, 0x1_0000_0000);
  private readonly unsubscribers: Array<() => void> = [];
  /**
   * The network between the phone and us went away (a laptop changed networks): the path ICE chose
   * carries nothing, in either direction, until the phone restarts ICE onto a new one.
   */
  private pathDown = false;
  /** The phone offered fresh ICE credentials since the path went down: media resumes once ICE connects. */
  private pathMoving = false;

  constructor(private readonly options: MediaSessionOptions) {
    this.player = new ConversationPlayer(options.conversation);
    this.pc = new RTCPeerConnection(loopbackPeerConfig(options.stunUrl));
    this.transceiver = this.pc.addTransceiver(this.track, { direction: 'sendrecv' });
  }

  /** Builds a complete (non-trickle) offer: SIP carries the SDP once, so gathering must finish first. */
  async createOffer(): Promise<string> {
    this.timings.offerStartedAt = epochNow();
    await this.pc.setLocalDescription(await this.pc.createOffer());
    this.watchTransport();
    await this.waitForGathering();
    this.timings.offerReadyAt = epochNow();
    return this.localSdp();
  }

  async acceptAnswer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp: remoteSdp(sdp) });
  }

  /** Answers the phone's offer of a delayed-offer call (it came in the 200 OK), and starts the media. */
  async answerFirstOffer(sdp: string): Promise<string> {
    this.timings.offerStartedAt = epochNow();
    const answer = await this.answerOffer(sdp);
    this.watchTransport();
    this.timings.offerReadyAt = epochNow();
    return answer;
  }

  /** Answers a re-INVITE's offer: our side always sends, and receives when the supervisor does. */
  async answerOffer(sdp: string): Promise<string> {
    if (this.pathDown && iceUfragOf(sdp) !== this.phoneIceUfrag()) this.pathMoving = true;
    const remote = offeredDirection(sdp);
    const supervisorSends = remote === 'sendrecv' || remote === 'sendonly';
    // werift intersects the transceiver's direction with the offer's, so set it before createAnswer.
    this.transceiver.setDirection(supervisorSends ? 'sendrecv' : 'sendonly');
    await this.pc.setRemoteDescription({ type: 'offer', sdp: remoteSdp(sdp) });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await this.waitForGathering();
    const ice = this.transceiver.dtlsTransport.iceTransport.state;
    if (ice === 'connected' || ice === 'completed') this.resumeIfMoved();
    return this.localSdp();
  }

  /** The ICE user fragment the phone last gave: a new one in an offer is an ICE restart. */
  phoneIceUfrag(): string | null {
    return iceUfragOf(this.pc.remoteDescription?.sdp);
  }

  /** Nothing passes on the current path from now on; only an ICE restart brings media back. */
  pathLost(): void {
    if (this.closed || this.pathDown) return;
    this.pathDown = true;
    this.pathMoving = false;
    this.stopClock();
    this.options.log('media: the path to the phone is lost; waiting for an ICE restart');
  }

  private resumeIfMoved(): void {
    if (!this.pathDown || !this.pathMoving || this.closed) return;
    this.pathDown = false;
    this.pathMoving = false;
    this.options.log('media: the phone restarted ICE; media flows on the new path');
    if (this.transceiver.dtlsTransport.state === 'connected') this.startClock();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopClock();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.track.stop();
    await this.pc.close().catch((error: unknown) => this.options.log(`media: close failed: ${String(error)}`));
  }

  private localSdp(): string {
    const sdp = this.pc.localDescription?.sdp;
    if (!sdp) throw new Error('werift produced no local description');
    return sdp;
  }

  private async waitForGathering(): Promise<void> {
    if (this.pc.iceGatheringState === 'complete') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ICE_GATHERING_LIMIT_MS);
      const subscription = this.pc.iceGatheringStateChange.subscribe((state) => {
        if (state === 'complete') done();
      });
      function done(): void {
        clearTimeout(timer);
        subscription.unSubscribe();
        resolve();
      }
    });
  }

  private watchTransport(): void {
    const dtls = this.transceiver.dtlsTransport;
    this.replayEarlyDtls();
    const rtp = dtls.onRtp.subscribe((packet) => {
      if (!this.pathDown) this.options.onRtpFromRemote(packet.header.payloadType, packet.payload);
    });
    const dtlsState = dtls.onStateChange.subscribe((state) => {
      if (state === 'connected') {
        this.timings.dtlsConnectedAt ??= epochNow();
        this.startClock();
      } else if (state === 'failed' && !this.closed) {
        this.options.onFailed('DTLS handshake failed');
      }
    });
    const iceState = dtls.iceTransport.onStateChange.subscribe((state) => {
      if (state === 'connected' || state === 'completed') {
        this.timings.iceConnectedAt ??= epochNow();
        this.resumeIfMoved();
      } else if (state === 'failed' && !this.closed) this.options.onFailed('ICE failed');
    });
    this.unsubscribers.push(rtp.unSubscribe, dtlsState.unSubscribe, iceState.unSubscribe);
  }

  /**
   * Chromium, as the answerer, sees our candidate in the offer, finds the path writable (werift
   * answers its connectivity checks at once) and sends its DTLS ClientHello before its 200 OK has even
   * reached us. werift starts its DTLS server only once its own ICE checks finish and drops what came
   * earlier, so the handshake waited for Chromium's retransmission, about 50–60 ms later. Keeping
   * those early records and handing them to the DTLS server as it starts removes that wait.
   */
  private replayEarlyDtls(): void {
    const dtls = this.transceiver.dtlsTransport;
    const ice = dtls.iceTransport.connection;
    const early: Buffer[] = [];
    const capture = ice.onData.subscribe((data: Buffer) => {
      const isDtlsRecord = data.length > 0 && data[0]! >= 20 && data[0]! <= 63;
      if (dtls.state === 'new' && isDtlsRecord && early.length < MAX_EARLY_DTLS_PACKETS) early.push(data);
    });
    const started = dtls.onStateChange.subscribe((state) => {
      if (state === 'new') return;
      capture.unSubscribe();
      started.unSubscribe();
      // The DTLS server subscribes to the ICE data right after announcing 'connecting'.
      if (state === 'connecting' && early.length > 0) {
        setImmediate(() => {
          for (const record of early.splice(0)) ice.onData.execute(record);
        });
      }
    });
    this.unsubscribers.push(capture.unSubscribe, started.unSubscribe);
  }

  /** werift drops packets written before DTLS is up, so the 20 ms clock starts on connected. */
  private startClock(): void {
    if (this.clock || this.closed || this.pathDown) return;
    // After a pause (a lost path) the stream goes on from its last frame, not in a burst of the missed ones.
    this.clockStartedAt = epochNow() - this.framesSent * FRAME_MS;
    this.sendDueFrames();
    this.clock = setInterval(() => this.sendDueFrames(), FRAME_MS / 2);
  }

  private stopClock(): void {
    if (this.clock) clearInterval(this.clock);
    this.clock = undefined;
  }

  private sendDueFrames(): void {
    const due = Math.floor((epochNow() - this.clockStartedAt) / FRAME_MS) + 1;
    const toSend = Math.min(due - this.framesSent, MAX_FRAMES_PER_TICK);
    for (let index = 0; index < toSend; index += 1) this.sendFrame();
    // Frames skipped after a stall are dropped, as a real media server would, keeping timestamps on wall time.
    this.framesSent = Math.max(this.framesSent, due);
  }

  private sendFrame(): void {
    const header = new RtpHeader({
      payloadType: PCMU_PAYLOAD_TYPE,
      sequenceNumber: this.sequenceNumber,
      timestamp: (this.timestampBase + this.framesSent * SAMPLES_PER_FRAME) % 0x1_0000_0000,
      marker: this.framesSent === 0,
    });
    this.sequenceNumber = (this.sequenceNumber + 1) & 0xffff;
    this.framesSent += 1;
    this.track.writeRtp(new RtpPacket(header, this.player.nextFrame()));
    this.timings.firstRtpSentAt ??= epochNow();
  }
}

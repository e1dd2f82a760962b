// The supervisor leg of a monitored call, as the contact center's B2BUA places it: a UAC INVITE
// dialog (RFC 3261 §12–§15) toward the supervisor's registered Contact, with WebRTC media that
// plays the conversation and counts what the supervisor sends back.
import { randomBytes } from 'node:crypto';
import { epochNow, iceUfragOf, MediaSession } from '../media/media-session';
import type { MediaTimings } from '../media/media-session';
import { frameHasEnergy } from '../media/mulaw';
import { parseNameAddress, splitHeaderList } from './sip-address';
import { createResponse, cseqOf, headerValue } from './sip-message';
import type { SipHeader, SipRequest, SipResponse } from './sip-message';
import type { SipConnection } from './websocket-transport';

export type MonitoringMode = 'ListenIn' | 'Coach' | 'BargeIn';

export interface RtpCount {
  packets: number;
  packetsWithEnergy: number;
  /** Epoch ms of the first and the latest packet counted under this mode (benchmarks time switches with them). */
  firstAt: number | null;
  lastAt: number | null;
}

/** A re-INVITE from the phone: the direction it offered, and whether it moved ICE to a new path. */
export interface PhoneReoffer {
  readonly direction: string;
  readonly iceRestart: boolean;
  readonly status: number;
}

export interface MonitoringCallTimings extends MediaTimings {
  inviteSentAt: number;
  answeredAt?: number;
}

export interface MonitoringCall {
  readonly callId: string;
  /**
   * The contact center renegotiates (a re-INVITE offering two-way audio, as a SIP Server may on a
   * mode change or a transfer): resolves with the phone's final status and the direction it answered.
   */
  reInvite(): Promise<{ readonly status: number; readonly answerDirection: string | null }>;
  setMode(mode: MonitoringMode): void;
  rtpFromSupervisor(): Record<MonitoringMode, RtpCount>;
  /** Every re-INVITE the phone sent, in order, with our final answer's status. */
  reoffersFromPhone(): readonly PhoneReoffer[];
  readonly timings: Readonly<MonitoringCallTimings>;
  onEnded(listener: (reason: string) => void): () => void;
  hangUp(): Promise<void>;
}

export interface PlaceCallOptions {
  readonly toUser: string;
  readonly callUuid: string;
  readonly fromDisplayName: string;
  readonly fromUser: string;
  readonly autoAnswer: boolean;
  readonly mode: MonitoringMode;
  /** Aborting before the phone answers CANCELs the INVITE (the phone answers 487). */
  readonly signal?: AbortSignal;
  /** Reuse this Call-ID for a new dialog (a duplicated INVITE, for tests); a fresh one by default. */
  readonly callId?: string;
  /**
   * An INVITE without SDP, as third-party call control servers (Genesys SIP Server) commonly send: the
   * phone puts its offer in the 200 OK and the answer travels in the ACK (RFC 3261 §13.2.1).
   */
  readonly delayedOffer?: boolean;
}

export interface CallContext {
  /** The WebSocket of the phone's registration; in-dialog requests from another one move the call there. */
  readonly connection: SipConnection;
  readonly contactUri: string;
  readonly domain: string;
  /** host:port the simulator's WebSocket listens on, for Via and Contact. */
  readonly localHostPort: string;
  readonly conversation: Uint8Array;
  readonly stunUrl: string;
  readonly inviteTimeoutMs: number;
  /**
   * How long the call outlives its phone's WebSocket: SIP Server keeps a dialog whose phone is out of
   * service that long (the phone may come back on another connection), then releases it.
   */
  readonly outOfServiceMs: () => number;
  readonly log: (line: string) => void;
  readonly onFinished: (call: OutgoingMonitoringCall) => void;
}

/** The supervisor's phone answered the INVITE with a final non-2xx response, or never answered. */
export class MonitoringCallRejectedError extends Error {
  override readonly name = 'MonitoringCallRejectedError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS';
const BYE_RESPONSE_LIMIT_MS = 3_000;
const CANCEL_RESPONSE_LIMIT_MS = 3_000;

function token(bytes = 8): string {
  return randomBytes(bytes).toString('hex');
}

function explainRejection(status: number, reason: string): string {
  const base = `the supervisor's phone answered ${status} ${reason}`;
  switch (status) {
    case 404:
      return `${base}: the INVITE did not reach a registered Contact`;
    case 480:
      return `${base}: the phone is temporarily unavailable`;
    case 486:
    case 600:
      return `${base}: the phone is busy`;
    case 487:
      return `${base}: the call was cancelled before it was answered`;
    case 488:
    case 606:
      return `${base}: the phone could not accept the offered media`;
    case 603:
      return `${base}: the supervisor declined the call`;
    default:
      return base;
  }
}

type CallState = 'calling' | 'confirmed' | 'ended';

export class OutgoingMonitoringCall implements MonitoringCall {
  readonly callId: string;
  private readonly callTimings: { inviteSentAt: number; answeredAt?: number } = { inviteSentAt: Number.NaN };
  private readonly localTag = token(6);
  private readonly inviteBranch = `z9hG4bK${token(10)}`;
  private readonly media: MediaSession;
  private readonly counts: Record<MonitoringMode, RtpCount> = {
    ListenIn: { packets: 0, packetsWithEnergy: 0, firstAt: null, lastAt: null },
    Coach: { packets: 0, packetsWithEnergy: 0, firstAt: null, lastAt: null },
    BargeIn: { packets: 0, packetsWithEnergy: 0, firstAt: null, lastAt: null },
  };
  private readonly endedListeners = new Set<(reason: string) => void>();
  private readonly pendingResponses = new Map<string, (response: SipResponse | undefined) => void>();
  private state: CallState = 'calling';
  private endReason: string | undefined;
  private finished = false;
  private mode: MonitoringMode;
  private localCSeq = 1;
  private remoteCSeq: number | undefined;
  private remoteTarget: string;
  private toHeader: string;
  private inviteRequest: SipRequest | undefined;
  private settleInvite: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private inviteTimer: NodeJS.Timeout | undefined;
  private cancelled = false;
  private reInviteQueue: Promise<void> = Promise.resolve();
  /** A delayed offer's 200 OK arrived and our answer for the ACK is being made. */
  private answeringDelayedOffer = false;
  private phoneConnection: SipConnection;
  /** Running while the phone's WebSocket is gone: the call is released when it fires. */
  private outOfServiceTimer: NodeJS.Timeout | undefined;
  private readonly phoneReoffers: PhoneReoffer[] = [];

  constructor(
    private readonly context: CallContext,
    private readonly options: PlaceCallOptions,
  ) {
    this.callId = options.callId ?? `${token(12)}@earshot-demo`;
    this.mode = options.mode;
    this.remoteTarget = context.contactUri;
    this.phoneConnection = context.connection;
    this.toHeader = `<sip:${options.toUser}@${context.domain}>`;
    this.media = new MediaSession({
      conversation: context.conversation,
      stunUrl: context.stunUrl,
      log: context.log,
      onRtpFromRemote: (payloadType, payload) => this.countRtp(payloadType, payload),
      onFailed: (reason) => {
        if (this.state === 'confirmed') void this.terminate(`media failed: ${reason}`);
      },
    });
  }

  get timings(): Readonly<MonitoringCallTimings> {
    return { ...this.media.timings, ...this.callTimings };
  }

  get toUser(): string {
    return this.options.toUser;
  }

  get connection(): SipConnection {
    return this.phoneConnection;
  }

  /** Calls are told apart by Call-ID and our tag: a duplicated Call-ID is a dialog of its own. */
  get key(): string {
    return dialogKey(this.callId, this.localTag);
  }

  private get fromHeader(): string {
    const display = this.options.fromDisplayName.replace(/(["\\])/g, '\\$1');
    return `"${display}" <sip:${this.options.fromUser}@${this.context.domain}>;tag=${this.localTag}`;
  }

  private get contactHeader(): string {
    return `<sip:${this.options.fromUser}@${this.context.localHostPort};transport=ws>`;
  }

  /** Resolves once the phone's 200 OK is acknowledged; rejects with MonitoringCallRejectedError. */
  async start(): Promise<void> {
    let offer = '';
    try {
      if (!this.options.delayedOffer) offer = await this.media.createOffer();
    } catch (error) {
      await this.finish(`media setup failed: ${String(error)}`);
      throw error;
    }
    if (this.state === 'ended')
      throw new MonitoringCallRejectedError(`the call ended before it was placed: ${this.endReason}`);
    if (this.options.signal?.aborted) {
      await this.finish('cancelled before the INVITE was sent');
      throw new MonitoringCallRejectedError('cancelled before the INVITE was sent', 487);
    }
    const headers: SipHeader[] = [
      { name: 'Via', value: `SIP/2.0/WS ${this.context.localHostPort};branch=${this.inviteBranch}` },
      { name: 'Max-Forwards', value: '70' },
      { name: 'From', value: this.fromHeader },
      { name: 'To', value: this.toHeader },
      { name: 'Call-ID', value: this.callId },
      { name: 'CSeq', value: `${this.localCSeq} INVITE` },
      { name: 'Contact', value: this.contactHeader },
      { name: 'Allow', value: ALLOW },
      { name: 'User-Agent', value: 'Earshot demo contact center' },
      { name: 'X-Genesys-CallUUID', value: this.options.callUuid },
      ...(this.options.autoAnswer ? [{ name: 'Call-Info', value: `<sip:${this.context.domain}>;answer-after=0` }] : []),
      ...(offer === '' ? [] : [{ name: 'Content-Type', value: 'application/sdp' }]),
    ];
    this.inviteRequest = { kind: 'request', method: 'INVITE', uri: this.context.contactUri, headers, body: offer };
    const settled = new Promise<void>((resolve, reject) => {
      this.settleInvite = { resolve, reject };
    });
    const signal = this.options.signal;
    if (signal) {
      const onAbort = (): void => void this.abandonInvite('cancelled before the phone answered', 487);
      signal.addEventListener('abort', onAbort, { once: true });
      this.endedListeners.add(() => signal.removeEventListener('abort', onAbort));
      settled.then(
        () => signal.removeEventListener('abort', onAbort),
        () => {},
      );
    }
    this.inviteTimer = setTimeout(() => {
      void this.abandonInvite(`no final answer within ${this.context.inviteTimeoutMs} ms`, 408);
    }, this.context.inviteTimeoutMs);
    this.callTimings.inviteSentAt = epochNow();
    this.phoneConnection.send(this.inviteRequest);
    this.context.log(`sip: INVITE ${this.callId} to ${this.options.toUser} at ${this.context.contactUri}`);
    return settled;
  }

  setMode(mode: MonitoringMode): void {
    this.mode = mode;
  }

  rtpFromSupervisor(): Record<MonitoringMode, RtpCount> {
    return {
      ListenIn: { ...this.counts.ListenIn },
      Coach: { ...this.counts.Coach },
      BargeIn: { ...this.counts.BargeIn },
    };
  }

  reoffersFromPhone(): readonly PhoneReoffer[] {
    return [...this.phoneReoffers];
  }

  onEnded(listener: (reason: string) => void): () => void {
    if (this.finished) {
      const reason = this.endReason ?? 'ended';
      queueMicrotask(() => listener(reason));
      return () => {};
    }
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  async hangUp(): Promise<void> {
    if (this.state === 'calling') {
      await this.abandonInvite('the simulator hung up before the phone answered', 487);
      return;
    }
    await this.terminate('hung up by the simulator');
  }

  async reInvite(): Promise<{ readonly status: number; readonly answerDirection: string | null }> {
    const offer = this.inviteRequest?.body;
    if (this.state !== 'confirmed' || !offer) return { status: 481, answerDirection: null };
    this.localCSeq += 1;
    const cseq = this.localCSeq;
    // The same session, offered again as two-way with a newer version: what a SIP Server sends on a
    // mode change. The phone must answer without opening its microphone.
    const body = offer
      .replace(/^(o=\S+ \S+ )(\d+)/m, (_line, head: string, version: string) => `${head}${Number(version) + 1}`)
      .replace(/^a=(sendonly|recvonly|inactive)\r?$/gm, 'a=sendrecv');
    this.phoneConnection.send({
      kind: 'request',
      method: 'INVITE',
      uri: this.remoteTarget,
      headers: [
        { name: 'Via', value: `SIP/2.0/WS ${this.context.localHostPort};branch=z9hG4bK${token(10)}` },
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: this.fromHeader },
        { name: 'To', value: this.toHeader },
        { name: 'Call-ID', value: this.callId },
        { name: 'CSeq', value: `${cseq} INVITE` },
        { name: 'Contact', value: this.contactHeader },
        { name: 'Content-Type', value: 'application/sdp' },
      ],
      body,
    });
    this.context.log(`sip: re-INVITE (sendrecv) on ${this.callId}`);
    const response = await this.awaitResponse(`${cseq} INVITE`, BYE_RESPONSE_LIMIT_MS);
    if (!response) return { status: 408, answerDirection: null };
    if (response.status >= 200 && response.status < 300) {
      this.sendAck(headerValue(response, 'To') ?? this.toHeader, this.remoteTarget, `z9hG4bK${token(10)}`, cseq);
    }
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(response.body)?.[1] ?? null;
    return { status: response.status, answerDirection: direction };
  }

  handleResponse(response: SipResponse): void {
    const cseq = cseqOf(response);
    if (cseq.method === 'INVITE' && cseq.number === 1) {
      this.handleInviteResponse(response);
      return;
    }
    const key = `${cseq.number} ${cseq.method}`;
    const waiter = this.pendingResponses.get(key);
    if (waiter && response.status >= 200) {
      this.pendingResponses.delete(key);
      waiter(response);
    }
  }

  /**
   * A request of this dialog. One that comes on another WebSocket than the call's (the phone
   * reconnected after a network change) moves the call there: responses and our requests follow it.
   */
  handleRequest(request: SipRequest, from: SipConnection = this.phoneConnection): void {
    if (from !== this.phoneConnection && from.isOpen) this.moveTo(from);
    const connection = this.phoneConnection;
    const reply = (status: number, reason: string, extra: { headers?: SipHeader[]; body?: string } = {}): void =>
      connection.send(createResponse(request, status, reason, extra));
    if (request.method === 'ACK') return;
    if (request.method === 'CANCEL') {
      reply(481, 'Call/Transaction Does Not Exist');
      return;
    }
    const cseq = cseqOf(request).number;
    if (this.remoteCSeq !== undefined && cseq <= this.remoteCSeq) {
      reply(500, 'Server Internal Error (CSeq out of order)');
      return;
    }
    this.remoteCSeq = cseq;
    if (this.state !== 'confirmed') {
      reply(481, 'Call/Transaction Does Not Exist');
      return;
    }
    switch (request.method) {
      case 'BYE':
        reply(200, 'OK');
        void this.finish('the supervisor hung up');
        return;
      case 'INVITE':
        this.reInviteQueue = this.reInviteQueue.then(() => this.answerReInvite(request));
        return;
      case 'OPTIONS':
        reply(200, 'OK', { headers: [{ name: 'Allow', value: ALLOW }] });
        return;
      default:
        reply(501, 'Not Implemented', { headers: [{ name: 'Allow', value: ALLOW }] });
    }
  }

  /**
   * The phone's WebSocket closed. A call not yet answered ends; an answered one waits for the phone to
   * come back on another connection (its dialog is not the socket's), and is released after the
   * out-of-service time if it does not.
   */
  connectionClosed(): void {
    if (this.state !== 'confirmed') {
      void this.finish("the supervisor phone's WebSocket closed");
      return;
    }
    clearTimeout(this.outOfServiceTimer);
    const limitMs = this.context.outOfServiceMs();
    this.context.log(`sip: ${this.callId}: the phone's WebSocket closed; keeping the call for ${limitMs} ms`);
    this.outOfServiceTimer = setTimeout(() => {
      this.outOfServiceTimer = undefined;
      void this.terminate(`the supervisor's phone was out of service for ${limitMs} ms`);
    }, limitMs);
    this.outOfServiceTimer.unref();
  }

  /** The phone registered again on a new WebSocket: our requests (BYE, re-INVITE) go there now. */
  moveTo(connection: SipConnection): void {
    if (connection === this.phoneConnection || this.state === 'ended') return;
    this.phoneConnection = connection;
    clearTimeout(this.outOfServiceTimer);
    this.outOfServiceTimer = undefined;
    this.context.log(`sip: ${this.callId} moved to connection ${connection.id}`);
  }

  /** The network between the phone and us went away: its media path carries nothing any more. */
  networkLost(): void {
    if (this.state === 'confirmed') this.media.pathLost();
  }

  private async answerReInvite(request: SipRequest): Promise<void> {
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(request.body)?.[1] ?? 'sendrecv';
    const ufrag = iceUfragOf(request.body);
    const iceRestart = ufrag !== null && ufrag !== this.media.phoneIceUfrag();
    const reply = (status: number, reason: string, extra: { headers?: SipHeader[]; body?: string } = {}): void => {
      this.phoneReoffers.push({ direction, iceRestart, status });
      this.phoneConnection.send(createResponse(request, status, reason, extra));
    };
    if (this.state !== 'confirmed') {
      reply(481, 'Call/Transaction Does Not Exist');
      return;
    }
    if (request.body.length === 0 || !/^application\/sdp\b/i.test(headerValue(request, 'Content-Type') ?? '')) {
      reply(488, 'Not Acceptable Here (re-INVITE without an SDP offer)');
      return;
    }
    try {
      // New ICE credentials (the phone moved to another network) restart ICE on our side too.
      const answer = await this.media.answerOffer(request.body);
      const contact = headerValue(request, 'Contact');
      if (contact) this.remoteTarget = parseNameAddress(splitHeaderList(contact)[0] ?? contact).uri;
      if (iceRestart) this.context.log(`sip: ${this.callId}: the phone restarted ICE`);
      reply(200, 'OK', {
        headers: [
          { name: 'Contact', value: this.contactHeader },
          { name: 'Allow', value: ALLOW },
          { name: 'Content-Type', value: 'application/sdp' },
        ],
        body: answer,
      });
    } catch (error) {
      this.context.log(`sip: re-INVITE on ${this.callId} refused: ${String(error)}`);
      reply(488, 'Not Acceptable Here');
    }
  }

  private handleInviteResponse(response: SipResponse): void {
    if (response.status < 200) return;
    const to = headerValue(response, 'To') ?? this.toHeader;
    if (response.status >= 300) {
      if (this.state !== 'calling') return;
      this.sendAck(to, this.inviteRequest!.uri, this.inviteBranch);
      this.clearInviteTimer();
      const message = explainRejection(response.status, response.reason);
      this.settleInvite?.reject(new MonitoringCallRejectedError(message, response.status));
      void this.finish(message);
      return;
    }
    if (this.answeringDelayedOffer) return; // a retransmitted 2xx: the ACK follows once the answer is ready
    if (this.state === 'confirmed' || this.state === 'ended') {
      // A retransmitted 2xx means our ACK was lost or crossed it: ACK again, or BYE a call we gave up on.
      this.sendAck(to, this.remoteTarget, `z9hG4bK${token(10)}`);
      if (this.state === 'ended') this.sendBye();
      return;
    }
    this.clearInviteTimer();
    this.callTimings.answeredAt = epochNow();
    this.toHeader = to;
    const contact = headerValue(response, 'Contact');
    try {
      if (contact) this.remoteTarget = parseNameAddress(splitHeaderList(contact)[0] ?? contact).uri;
    } catch (error) {
      this.context.log(
        `sip: ${this.callId}: unusable Contact in 200 OK (${String(error)}), keeping the registered one`,
      );
    }
    if (this.options.delayedOffer) {
      this.answerDelayedOffer(to, response.body);
      return;
    }
    this.sendAck(to, this.remoteTarget, `z9hG4bK${token(10)}`);
    this.state = 'confirmed';
    if (this.cancelled) {
      void this.terminate('the simulator hung up as the phone answered');
      this.settleInvite?.reject(
        new MonitoringCallRejectedError('the call was cancelled while the phone answered it', 487),
      );
      return;
    }
    this.media.acceptAnswer(response.body).then(
      () => {
        this.context.log(`sip: ${this.callId} established`);
        this.settleInvite?.resolve();
      },
      (error: unknown) => {
        const message = `the phone's SDP answer was unusable: ${String(error)}`;
        this.settleInvite?.reject(new MonitoringCallRejectedError(message, 488));
        void this.terminate(message);
      },
    );
  }

  /** The phone's offer came in its 200 OK: our answer goes in the ACK, and then the call is up. */
  private answerDelayedOffer(to: string, offer: string): void {
    this.answeringDelayedOffer = true;
    const unusable = (reason: string): void => {
      const message = `the phone's SDP offer in its 200 OK was unusable: ${reason}`;
      this.sendAck(to, this.remoteTarget, `z9hG4bK${token(10)}`);
      this.state = 'confirmed';
      this.settleInvite?.reject(new MonitoringCallRejectedError(message, 488));
      void this.terminate(message);
    };
    if (offer.trim() === '') {
      this.answeringDelayedOffer = false;
      unusable('there was none');
      return;
    }
    this.media.answerFirstOffer(offer).then(
      (answer) => {
        this.answeringDelayedOffer = false;
        this.sendAck(to, this.remoteTarget, `z9hG4bK${token(10)}`, 1, answer);
        this.state = 'confirmed';
        if (this.cancelled) {
          void this.terminate('the simulator hung up as the phone answered');
          this.settleInvite?.reject(
            new MonitoringCallRejectedError('the call was cancelled while the phone answered it', 487),
          );
          return;
        }
        this.context.log(`sip: ${this.callId} established (delayed offer)`);
        this.settleInvite?.resolve();
      },
      (error: unknown) => {
        this.answeringDelayedOffer = false;
        unusable(String(error));
      },
    );
  }

  private sendAck(to: string, uri: string, branch: string, cseq = 1, sdp = ''): void {
    this.phoneConnection.send({
      kind: 'request',
      method: 'ACK',
      uri,
      headers: [
        { name: 'Via', value: `SIP/2.0/WS ${this.context.localHostPort};branch=${branch}` },
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: this.fromHeader },
        { name: 'To', value: to },
        { name: 'Call-ID', value: this.callId },
        { name: 'CSeq', value: `${cseq} ACK` },
        ...(sdp === '' ? [] : [{ name: 'Content-Type', value: 'application/sdp' }]),
      ],
      body: sdp,
    });
  }

  private sendBye(): Promise<SipResponse | undefined> {
    this.localCSeq += 1;
    const cseq = this.localCSeq;
    this.phoneConnection.send({
      kind: 'request',
      method: 'BYE',
      uri: this.remoteTarget,
      headers: [
        { name: 'Via', value: `SIP/2.0/WS ${this.context.localHostPort};branch=z9hG4bK${token(10)}` },
        { name: 'Max-Forwards', value: '70' },
        { name: 'From', value: this.fromHeader },
        { name: 'To', value: this.toHeader },
        { name: 'Call-ID', value: this.callId },
        { name: 'CSeq', value: `${cseq} BYE` },
      ],
      body: '',
    });
    return this.awaitResponse(`${cseq} BYE`, BYE_RESPONSE_LIMIT_MS);
  }

  private awaitResponse(key: string, limitMs: number): Promise<SipResponse | undefined> {
    if (!this.phoneConnection.isOpen) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingResponses.delete(key);
        resolve(undefined);
      }, limitMs);
      this.pendingResponses.set(key, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
    });
  }

  /** CANCEL an unanswered INVITE (RFC 3261 §9.1) and wait, bounded, for the 487 that closes it. */
  private async abandonInvite(why: string, status: number): Promise<void> {
    if (this.state !== 'calling' || this.cancelled) return;
    this.cancelled = true;
    this.endReason = why;
    this.clearInviteTimer();
    const invite = this.inviteRequest;
    if (invite) {
      const via = headerValue(invite, 'Via')!;
      this.phoneConnection.send({
        kind: 'request',
        method: 'CANCEL',
        uri: invite.uri,
        headers: [
          { name: 'Via', value: via },
          { name: 'Max-Forwards', value: '70' },
          { name: 'From', value: this.fromHeader },
          { name: 'To', value: this.toHeader },
          { name: 'Call-ID', value: this.callId },
          { name: 'CSeq', value: `${this.localCSeq} CANCEL` },
        ],
        body: '',
      });
      this.settleInvite?.reject(new MonitoringCallRejectedError(why, status));
      const ended = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, CANCEL_RESPONSE_LIMIT_MS);
        this.endedListeners.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      await ended;
    }
    await this.finish(why);
  }

  private async terminate(why: string): Promise<void> {
    if (this.state !== 'confirmed') return;
    this.state = 'ended';
    this.endReason ??= why;
    await this.sendBye();
    await this.finish(why);
  }

  private clearInviteTimer(): void {
    if (this.inviteTimer) clearTimeout(this.inviteTimer);
    this.inviteTimer = undefined;
  }

  private async finish(reason: string): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.state = 'ended';
    this.endReason ??= reason;
    this.clearInviteTimer();
    clearTimeout(this.outOfServiceTimer);
    // Settles a still-pending placeMonitoringCall (a no-op once it resolved), e.g. when the socket drops.
    this.settleInvite?.reject(
      new MonitoringCallRejectedError(`the call ended before it was answered: ${this.endReason}`),
    );
    for (const waiter of this.pendingResponses.values()) waiter(undefined);
    this.pendingResponses.clear();
    await this.media.close();
    this.context.onFinished(this);
    this.context.log(`sip: ${this.callId} ended: ${this.endReason}`);
    const listeners = [...this.endedListeners];
    this.endedListeners.clear();
    for (const listener of listeners) {
      try {
        listener(this.endReason);
      } catch (error) {
        this.context.log(`sip: ended listener failed: ${String(error)}`);
      }
    }
  }

  private countRtp(payloadType: number, payload: Buffer): void {
    const count = this.counts[this.mode];
    const now = performance.timeOrigin + performance.now();
    count.packets += 1;
    count.firstAt ??= now;
    count.lastAt = now;
    if (payloadType === 0 && frameHasEnergy(payload)) count.packetsWithEnergy += 1;
  }
}

/** The tag parameter of a From or To header. */
export function tagOf(header: string | undefined): string | null {
  return /;\s*tag=([^;>\s]+)/i.exec(header ?? '')?.[1] ?? null;
}

export function dialogKey(callId: string, localTag: string): string {
  return `${callId};${localTag}`;
}

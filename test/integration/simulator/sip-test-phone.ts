// A supervisor's phone for wire-level tests: SIP over a raw WebSocket (RFC 7118) with digest
// REGISTER, and a werift peer that answers the monitoring INVITE and can "talk" (loud PCMU frames).
import { randomBytes } from 'node:crypto';
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket } from 'werift';
import { WebSocket } from 'ws';
import { startLoopbackStun, type LoopbackStun } from '../../../electron/simulator/media/loopback-stun';
import { loopbackPeerConfig } from '../../../electron/simulator/media/media-session';
import { computeDigestResponse } from '../../../electron/simulator/sip/digest-auth';
import {
  createResponse,
  headerValue,
  parseSipMessage,
  serializeSipMessage,
  type SipRequest,
  type SipResponse,
} from '../../../electron/simulator/sip/sip-message';

const responseLimitMs = 5_000;
const gatheringLimitMs = 2_000;
/** A loud µ-law frame (20 ms at 8 kHz): alternating large positive and negative samples. */
const loudFrame = Buffer.from(Array.from({ length: 160 }, (_, index) => (index % 2 === 0 ? 0x10 : 0x90)));

export interface PhoneAccount {
  readonly webSocketUrl: string;
  /** The DN: both the SIP user and the digest user name. */
  readonly user: string;
  readonly password: string;
  readonly domain: string;
}

/** answer: at once (auto-answer); ring: until answer() is called; reject: with that final status. */
export type IncomingPolicy = 'answer' | 'ring' | { readonly rejectWith: number };

export interface PhoneCall {
  readonly callId: string;
  readonly invite: SipRequest;
  readonly callUuid: string | undefined;
  state: 'ringing' | 'answered' | 'rejected' | 'cancelled' | 'ended';
  endedBy: 'server' | 'phone' | null;
  localTag: string;
  peer: RTCPeerConnection | null;
  track: MediaStreamTrack | null;
  talking: NodeJS.Timeout | null;
}

function token(bytes = 6): string {
  return randomBytes(bytes).toString('hex');
}

export class TestSipPhone {
  readonly calls: PhoneCall[] = [];
  policy: IncomingPolicy = 'answer';
  private readonly waiting = new Map<string, (response: SipResponse) => void>();
  private cseq = 0;
  private readonly contact: string;

  private constructor(
    private readonly socket: WebSocket,
    private readonly account: PhoneAccount,
    private readonly stun: LoopbackStun,
  ) {
    this.contact = `<sip:phone${account.user}@client.invalid;transport=ws>`;
    socket.on('message', (data) => this.onMessage(data.toString()));
  }

  /** Opens the WebSocket and registers with digest authentication. */
  static async register(account: PhoneAccount): Promise<TestSipPhone> {
    const stun = await startLoopbackStun();
    const socket = new WebSocket(account.webSocketUrl, ['sip']);
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
    } catch (error) {
      await stun.close();
      throw error;
    }
    const phone = new TestSipPhone(socket, account, stun);
    const status = await phone.sendRegister(600);
    if (status !== 200) {
      await phone.close();
      throw new Error(`REGISTER answered ${status}`);
    }
    return phone;
  }

  get lastCall(): PhoneCall | undefined {
    return this.calls.at(-1);
  }

  /**
   * Resolves once DTLS is up on the phone's side. Tests end calls only after this: werift keeps
   * retransmitting a half-done DTLS handshake for ~30 s after close(), which holds the process open.
   */
  async mediaConnected(call: PhoneCall): Promise<void> {
    const peer = call.peer;
    if (!peer) throw new Error('the call has no media');
    if (peer.connectionState === 'connected') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.unSubscribe();
        reject(new Error('the phone’s media did not connect'));
      }, responseLimitMs);
      const subscription = peer.connectionStateChange.subscribe((state) => {
        if (state !== 'connected') return;
        clearTimeout(timer);
        subscription.unSubscribe();
        resolve();
      });
    });
  }

  /** Sends loud PCMU frames every 20 ms, as a supervisor talking into the microphone. */
  startTalking(call: PhoneCall): void {
    if (call.talking || !call.track) return;
    let sequenceNumber = 1;
    let timestamp = 0;
    const track = call.track;
    call.talking = setInterval(() => {
      track.writeRtp(new RtpPacket(new RtpHeader({ payloadType: 0, sequenceNumber, timestamp }), loudFrame));
      sequenceNumber = (sequenceNumber + 1) & 0xffff;
      timestamp += 160;
    }, 20);
  }

  stopTalking(call: PhoneCall): void {
    if (call.talking) clearInterval(call.talking);
    call.talking = null;
  }

  /** The supervisor hangs up on the phone: BYE, and its 200. */
  async hangUp(call: PhoneCall): Promise<number> {
    this.cseq += 1;
    const from = headerValue(call.invite, 'From')!;
    const to = headerValue(call.invite, 'To')!;
    const lines = [
      `BYE ${/<([^>]+)>/.exec(headerValue(call.invite, 'Contact') ?? '')?.[1] ?? `sip:${this.account.domain}`} SIP/2.0`,
      `Via: SIP/2.0/WS client.invalid;branch=z9hG4bK${token()}`,
      'Max-Forwards: 70',
      `From: ${to};tag=${call.localTag}`,
      `To: ${from}`,
      `Call-ID: ${call.callId}`,
      `CSeq: ${this.cseq} BYE`,
      'Content-Length: 0',
      '',
      '',
    ];
    const response = await this.send(lines.join('\r\n'), `${this.cseq} BYE`);
    this.endCall(call, 'phone');
    return response.status;
  }

  async close(): Promise<void> {
    for (const call of this.calls) this.endCall(call, call.endedBy ?? 'phone');
    await new Promise<void>((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
    await this.stun.close();
  }

  private async sendRegister(expires: number): Promise<number> {
    const challenge = await this.registerRequest(expires, []);
    if (challenge.status !== 401) return challenge.status;
    const nonce = /nonce="([^"]+)"/.exec(headerValue(challenge, 'WWW-Authenticate') ?? '')?.[1] ?? '';
    const uri = `sip:${this.account.domain}`;
    const { user, password, domain } = this.account;
    const response = computeDigestResponse({
      username: user,
      password,
      realm: domain,
      method: 'REGISTER',
      uri,
      nonce,
      qop: 'auth',
      nc: '00000001',
      cnonce: 'cafe',
    });
    const authorization = `Digest username="${user}", realm="${domain}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="cafe"`;
    return (await this.registerRequest(expires, [`Authorization: ${authorization}`])).status;
  }

  private registerRequest(expires: number, extra: string[]): Promise<SipResponse> {
    this.cseq += 1;
    const { user, domain } = this.account;
    const lines = [
      `REGISTER sip:${domain} SIP/2.0`,
      `Via: SIP/2.0/WS client.invalid;branch=z9hG4bK${token()}`,
      'Max-Forwards: 70',
      `To: <sip:${user}@${domain}>`,
      `From: <sip:${user}@${domain}>;tag=${token()}`,
      `Call-ID: register-${user}`,
      `CSeq: ${this.cseq} REGISTER`,
      `Contact: ${this.contact};expires=${expires}`,
      ...extra,
      'Content-Length: 0',
      '',
      '',
    ];
    return this.send(lines.join('\r\n'), `${this.cseq} REGISTER`);
  }

  private send(text: string, cseqKey: string): Promise<SipResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(cseqKey);
        reject(new Error(`no response to ${cseqKey}`));
      }, responseLimitMs);
      this.waiting.set(cseqKey, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.socket.send(text);
    });
  }

  private reply(
    request: SipRequest,
    status: number,
    reason: string,
    options: Parameters<typeof createResponse>[3] = {},
  ): void {
    if (this.socket.readyState === WebSocket.OPEN)
      this.socket.send(serializeSipMessage(createResponse(request, status, reason, options)));
  }

  private onMessage(text: string): void {
    if (/^(\r\n)+$/.test(text)) return;
    const message = parseSipMessage(text);
    if (message.kind === 'response') {
      const key = headerValue(message, 'CSeq') ?? '';
      const waiter = this.waiting.get(key);
      if (waiter && message.status >= 200) {
        this.waiting.delete(key);
        waiter(message);
      }
      return;
    }
    const callId = headerValue(message, 'Call-ID') ?? '';
    const call = this.calls.find((item) => item.callId === callId);
    switch (message.method) {
      case 'INVITE':
        if (!call) void this.onInvite(message);
        return;
      case 'CANCEL':
        this.reply(message, 200, 'OK');
        if (call?.state === 'ringing') {
          call.state = 'cancelled';
          this.reply(call.invite, 487, 'Request Terminated', { toTag: call.localTag });
        }
        return;
      case 'BYE':
        this.reply(message, call ? 200 : 481, call ? 'OK' : 'Call/Transaction Does Not Exist');
        if (call) this.endCall(call, 'server');
        return;
      case 'ACK':
        return;
      default:
        this.reply(message, 405, 'Method Not Allowed');
    }
  }

  private async onInvite(invite: SipRequest): Promise<void> {
    const call: PhoneCall = {
      callId: headerValue(invite, 'Call-ID') ?? '',
      invite,
      callUuid: headerValue(invite, 'X-Genesys-CallUUID'),
      state: 'ringing',
      endedBy: null,
      localTag: token(),
      peer: null,
      track: null,
      talking: null,
    };
    this.calls.push(call);
    this.reply(invite, 180, 'Ringing', { toTag: call.localTag });
    const policy = this.policy;
    if (typeof policy === 'object') {
      call.state = 'rejected';
      this.reply(invite, policy.rejectWith, 'Rejected by the test phone', { toTag: call.localTag });
      return;
    }
    if (policy === 'answer') await this.answer(call);
  }

  /** Answers a ringing call with a werift peer that can send audio. */
  async answer(call: PhoneCall): Promise<void> {
    if (call.state !== 'ringing' || call.peer) return;
    const invite = call.invite;
    const peer = new RTCPeerConnection(loopbackPeerConfig(this.stun.url));
    const track = new MediaStreamTrack({ kind: 'audio' });
    call.peer = peer;
    call.track = track;
    await peer.setRemoteDescription({ type: 'offer', sdp: invite.body });
    const transceiver = peer.getTransceivers()[0];
    if (transceiver) {
      transceiver.setDirection('sendrecv');
      await transceiver.sender.replaceTrack(track);
    }
    await peer.setLocalDescription(await peer.createAnswer());
    await waitForGathering(peer);
    if (call.state !== 'ringing') {
      this.endCall(call, 'server');
      return;
    }
    call.state = 'answered';
    this.reply(invite, 200, 'OK', {
      toTag: call.localTag,
      headers: [
        { name: 'Contact', value: this.contact },
        { name: 'Content-Type', value: 'application/sdp' },
      ],
      body: peer.localDescription?.sdp ?? '',
    });
  }

  private endCall(call: PhoneCall, by: 'server' | 'phone'): void {
    this.stopTalking(call);
    if (call.state === 'answered' || call.state === 'ringing') {
      call.state = 'ended';
      call.endedBy = by;
    }
    const peer = call.peer;
    call.peer = null;
    call.track?.stop();
    if (peer) void peer.close().catch(() => undefined);
  }
}

function waitForGathering(peer: RTCPeerConnection): Promise<void> {
  if (peer.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, gatheringLimitMs);
    const subscription = peer.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') done();
    });
    function done(): void {
      clearTimeout(timer);
      subscription.unSubscribe();
      resolve();
    }
  });
}

// The registrar over a raw WebSocket, the way any RFC 7118 client (not only JsSIP) talks to it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { startSipService } from '../../../electron/simulator/sip/index';
import type { SipService } from '../../../electron/simulator/sip/index';
import { computeDigestResponse } from '../../../electron/simulator/sip/digest-auth';
import { headerValue, parseSipMessage } from '../../../electron/simulator/sip/sip-message';
import type { SipRequest, SipResponse } from '../../../electron/simulator/sip/sip-message';
import { MonitoringCallRejectedError } from '../../../electron/simulator/sip/index';

const DOMAIN = 'demo.earshot.local';
const ACCOUNT = { user: '5005', password: 'listen-in-secret' };
const LIMIT_MS = 5_000;

class RawSipClient {
  private cseq = 0;
  private readonly waiting = new Map<string, (response: SipResponse) => void>();
  private nc = 0;
  pongs = 0;
  readonly requests: SipRequest[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === '\r\n') {
        this.pongs += 1;
        return;
      }
      const message = parseSipMessage(text);
      if (message.kind !== 'response') {
        this.requests.push(message);
        return;
      }
      const key = headerValue(message, 'CSeq')!;
      this.waiting.get(key)?.(message);
      this.waiting.delete(key);
    });
  }

  static open(url: string, protocols: string[] = ['sip']): Promise<RawSipClient> {
    const socket = new WebSocket(url, protocols);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RawSipClient(socket)));
      socket.once('error', reject);
    });
  }

  send(text: string, cseqKey: string): Promise<SipResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no response to ${cseqKey}`)), LIMIT_MS);
      this.waiting.set(cseqKey, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.socket.send(text);
    });
  }

  register(
    options: { expires?: number; contact?: string; password?: string; user?: string; authorize?: boolean } = {},
  ): Promise<SipResponse> {
    const user = options.user ?? ACCOUNT.user;
    const contact = options.contact ?? `<sip:raw${user}@client.invalid;transport=ws>;expires=${options.expires ?? 600}`;
    const unauthorized = async (): Promise<SipResponse> => this.request('REGISTER', user, contact);
    return (async () => {
      const challenge = await unauthorized();
      if (options.authorize === false || challenge.status !== 401) return challenge;
      const header = headerValue(challenge, 'WWW-Authenticate')!;
      const nonce = /nonce="([^"]+)"/.exec(header)![1]!;
      this.nc += 1;
      const nc = this.nc.toString(16).padStart(8, '0');
      const uri = `sip:${DOMAIN}`;
      const response = computeDigestResponse({
        username: user,
        password: options.password ?? ACCOUNT.password,
        realm: DOMAIN,
        method: 'REGISTER',
        uri,
        nonce,
        qop: 'auth',
        nc,
        cnonce: 'c0ffee',
      });
      const authorization = `Digest username="${user}", realm="${DOMAIN}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="c0ffee"`;
      return this.request('REGISTER', user, contact, [`Authorization: ${authorization}`]);
    })();
  }

  request(method: string, user: string, contact: string | undefined, extra: string[] = []): Promise<SipResponse> {
    this.cseq += 1;
    const lines = [
      `${method} sip:${DOMAIN} SIP/2.0`,
      `Via: SIP/2.0/WS client.invalid;branch=z9hG4bK${method}${this.cseq}`,
      'Max-Forwards: 70',
      `To: <sip:${user}@${DOMAIN}>`,
      `From: <sip:${user}@${DOMAIN}>;tag=raw1`,
      'Call-ID: raw-registration',
      `CSeq: ${this.cseq} ${method}`,
      ...(contact ? [`Contact: ${contact}`] : []),
      ...extra,
      'Content-Length: 0',
      '',
      '',
    ];
    return this.send(lines.join('\r\n'), `${this.cseq} ${method}`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

function waitForRegistration(sip: SipService, registered: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`registered never became ${registered}`)), LIMIT_MS);
    const stop = sip.onRegistrationChange((user, now) => {
      if (user === ACCOUNT.user && now === registered) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

describe('simulator registrar over SIP/WebSocket', { timeout: 30_000 }, () => {
  let sip: SipService;
  const clients: RawSipClient[] = [];
  const changes: Array<[string, boolean]> = [];

  before(async () => {
    sip = await startSipService({ domain: DOMAIN, accounts: [ACCOUNT, { user: '5006', password: 'other' }] });
    sip.onRegistrationChange((user, registered) => changes.push([user, registered]));
  });

  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await sip.stop();
    await sip.stop();
  });

  async function client(): Promise<RawSipClient> {
    const opened = await RawSipClient.open(sip.webSocketUrl);
    clients.push(opened);
    return opened;
  }

  test('listens on 127.0.0.1 with its own port', () => {
    assert.match(sip.webSocketUrl, /^ws:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('challenges, then registers and echoes the Contact with its expiry', async () => {
    const phone = await client();
    const challenge = await phone.register({ authorize: false });
    assert.equal(challenge.status, 401);
    assert.match(
      headerValue(challenge, 'WWW-Authenticate')!,
      /^Digest realm="demo\.earshot\.local", nonce="[0-9a-f]+", opaque="[0-9a-f]+", algorithm=MD5, qop="auth"$/,
    );
    assert.match(headerValue(challenge, 'To')!, /;tag=/);

    const ok = await phone.register({ expires: 300 });
    assert.equal(ok.status, 200);
    assert.equal(headerValue(ok, 'Contact'), '<sip:raw5005@client.invalid;transport=ws>;expires=300');
    assert.equal(headerValue(ok, 'Expires'), '300');
    assert.equal(sip.isRegistered(ACCOUNT.user), true);
    assert.deepEqual(changes.at(-1), [ACCOUNT.user, true]);

    const query = await phone.request('REGISTER', ACCOUNT.user, undefined, []);
    assert.equal(query.status, 401, 'every REGISTER is authenticated, a query too');
  });

  test('un-REGISTER with expires=0, and with Contact: *', async () => {
    const phone = await client();
    assert.equal((await phone.register()).status, 200);
    const unregister = await phone.register({ expires: 0 });
    assert.equal(unregister.status, 200);
    assert.equal(headerValue(unregister, 'Contact'), undefined);
    assert.equal(sip.isRegistered(ACCOUNT.user), false);

    assert.equal((await phone.register()).status, 200);
    const challenge = await phone.register({ authorize: false, contact: '*' });
    assert.equal(challenge.status, 401);
    const nonce = /nonce="([^"]+)"/.exec(headerValue(challenge, 'WWW-Authenticate')!)![1]!;
    const response = computeDigestResponse({
      username: ACCOUNT.user,
      password: ACCOUNT.password,
      realm: DOMAIN,
      method: 'REGISTER',
      uri: `sip:${DOMAIN}`,
      nonce,
      qop: 'auth',
      nc: '00000001',
      cnonce: 'x',
    });
    const all = await phone.request('REGISTER', ACCOUNT.user, '*', [
      'Expires: 0',
      `Authorization: Digest username="${ACCOUNT.user}", realm="${DOMAIN}", nonce="${nonce}", uri="sip:${DOMAIN}", response="${response}", qop=auth, nc=00000001, cnonce="x"`,
    ]);
    assert.equal(all.status, 200);
    assert.equal(sip.isRegistered(ACCOUNT.user), false);
  });

  test('a registration expires', async () => {
    const phone = await client();
    assert.equal((await phone.register({ expires: 1 })).status, 200);
    assert.equal(sip.isRegistered(ACCOUNT.user), true);
    await waitForRegistration(sip, false);
    assert.equal(sip.isRegistered(ACCOUNT.user), false);
  });

  test('closing the WebSocket ends its registrations', async () => {
    const phone = await client();
    assert.equal((await phone.register()).status, 200);
    const gone = waitForRegistration(sip, false);
    await phone.close();
    await gone;
    assert.equal(sip.isRegistered(ACCOUNT.user), false);
  });

  test('a wrong password, an unknown user or someone else’s credentials are refused', async () => {
    const phone = await client();
    assert.equal((await phone.register({ password: 'guess' })).status, 403);
    assert.equal((await phone.register({ user: '9999' })).status, 403);
    const borrowed = await phone.register({ user: '5006', password: ACCOUNT.password });
    assert.equal(borrowed.status, 403);
    assert.equal(sip.isRegistered('5006'), false);
  });

  test('malformed input gets a 400 or is dropped, and the server carries on', async () => {
    const phone = await client();
    const badLength = [
      'OPTIONS sip:demo.earshot.local SIP/2.0',
      'Via: SIP/2.0/WS client.invalid;branch=z9hG4bKbad',
      'To: <sip:5005@demo.earshot.local>',
      'From: <sip:5005@demo.earshot.local>;tag=1',
      'Call-ID: bad',
      'CSeq: 1 OPTIONS',
      'Content-Length: 99',
      '',
      '',
    ].join('\r\n');
    const response = await phone.send(badLength, '1 OPTIONS');
    assert.equal(response.status, 400);
    assert.match(response.reason, /Content-Length/);
    phone.socket.send('\u0000\u0001 not SIP at all');
    phone.socket.send('\r\n\r\n');
    const options = await phone.request('OPTIONS', ACCOUNT.user, undefined);
    assert.equal(options.status, 200);
    assert.match(headerValue(options, 'Allow')!, /REGISTER/);
    assert.equal(phone.pongs, 1, 'the CRLFCRLF keep-alive got its CRLF');
    const refer = await phone.request('REFER', ACCOUNT.user, undefined);
    assert.equal(refer.status, 405);
  });

  test('the INVITE goes to the registered Contact with the call UUID; a phone that drops while ringing rejects the call', async () => {
    const phone = await client();
    assert.equal((await phone.register()).status, 200);
    const placing = sip.placeMonitoringCall({
      toUser: ACCOUNT.user,
      callUuid: '00A1B2C3-uuid',
      fromDisplayName: 'Agent "5001"',
      fromUser: '5001',
      autoAnswer: true,
      mode: 'ListenIn',
    });
    const rejected = assert.rejects(
      placing,
      (error: unknown) => error instanceof MonitoringCallRejectedError && /WebSocket closed/.test(error.message),
    );
    const deadline = Date.now() + LIMIT_MS;
    while (phone.requests.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const invite = phone.requests[0]!;
    assert.equal(invite.method, 'INVITE');
    assert.equal(invite.uri, 'sip:raw5005@client.invalid;transport=ws');
    assert.equal(headerValue(invite, 'X-Genesys-CallUUID'), '00A1B2C3-uuid');
    assert.match(headerValue(invite, 'Call-Info')!, /^<sip:demo\.earshot\.local>;answer-after=0$/);
    assert.equal(headerValue(invite, 'From')!.split(';')[0], '"Agent \\"5001\\"" <sip:5001@demo.earshot.local>');
    assert.equal(headerValue(invite, 'Content-Type'), 'application/sdp');
    assert.match(invite.body, /m=audio \d+ UDP\/TLS\/RTP\/SAVPF 0\r\n/);
    assert.match(invite.body, /a=rtpmap:0 PCMU\/8000/);
    assert.doesNotMatch(invite.body, /a=candidate:(?!\S+ \d+ udp \d+ 127\.0\.0\.1 )/i, 'loopback candidates only');
    await phone.close();
    await rejected;
  });

  test('a WebSocket without the sip subprotocol is closed', async () => {
    const socket = new WebSocket(sip.webSocketUrl);
    const code = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('not closed')), LIMIT_MS);
      socket.once('close', (closeCode) => {
        clearTimeout(timer);
        resolve(closeCode);
      });
    });
    assert.equal(code, 1002);
  });
});

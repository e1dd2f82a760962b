// The demo contact center's SIP side: a registrar and a B2BUA over WebSocket (RFC 7118) that
// places monitoring calls to supervisors' registered phones, with WebRTC media that plays the
// monitored conversation.
import { buildConversationLoop, loadConversation } from '../media/conversation';
import { startLoopbackStun } from '../media/loopback-stun';
import { warmUpMedia } from '../media/warm-up';
import { Registrar } from './registrar';
import { dialogKey, MonitoringCallRejectedError, OutgoingMonitoringCall, tagOf } from './monitoring-call';
import type { MonitoringCall, PlaceCallOptions } from './monitoring-call';
import { badRequestFor, createResponse, cseqOf, headerValue } from './sip-message';
import type { SipMessage, SipRequest } from './sip-message';
import { startSipTransport } from './websocket-transport';
import type { SipConnection } from './websocket-transport';

export type {
  MonitoringCall,
  PlaceCallOptions,
  RtpCount,
  MonitoringCallTimings,
  PhoneReoffer,
} from './monitoring-call';
/** @public callers tell a refused monitoring call from a broken connection by it */
export { MonitoringCallRejectedError } from './monitoring-call';

export interface SipServiceOptions {
  host?: string;
  port?: number;
  domain: string;
  accounts: ReadonlyArray<{ user: string; password: string }>;
  log?: (line: string) => void;
  /** Where NN-customer.ulaw / NN-agent.ulaw live; defaults to media/clips beside the source. */
  clipsDirectory?: string;
  /** How long an INVITE may go without a final response before it is cancelled. */
  inviteTimeoutMs?: number;
  /** How long an answered call outlives its phone's WebSocket before SIP Server releases it (5 s by default). */
  outOfServiceMs?: () => number;
}

export interface SipService {
  readonly webSocketUrl: string;
  isRegistered(user: string): boolean;
  onRegistrationChange(listener: (user: string, registered: boolean) => void): () => void;
  placeMonitoringCall(options: PlaceCallOptions): Promise<MonitoringCall>;
  /** Cuts every SIP WebSocket and refuses new ones until reachable again (a network drop, for tests). */
  setReachable(reachable: boolean): void;
  stop(): Promise<void>;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, REGISTER';

export async function startSipService(options: SipServiceOptions): Promise<SipService> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const conversation = buildConversationLoop(loadConversation(options.clipsDirectory));
  const registrar = new Registrar({ domain: options.domain, accounts: options.accounts, log });
  const calls = new Map<string, OutgoingMonitoringCall>();
  const stun = await startLoopbackStun();
  const warmedUp = warmUpMedia({ conversation, stunUrl: stun.url, log });
  let stopped = false;

  /** Our calls are the UAC side: the phone's requests carry our tag in To, its responses in From. */
  const callOf = (message: SipMessage): OutgoingMonitoringCall | undefined => {
    const callId = headerValue(message, 'Call-ID') ?? '';
    const ourTag = tagOf(headerValue(message, message.kind === 'request' ? 'To' : 'From'));
    return ourTag === null ? undefined : calls.get(dialogKey(callId, ourTag));
  };

  function handleRequest(connection: SipConnection, request: SipRequest): void {
    const call = callOf(request);
    if (call) {
      call.handleRequest(request, connection);
      return;
    }
    // A request inside a dialog (its To has a tag) that we no longer have: the call ended meanwhile,
    // e.g. while the phone was away (RFC 3261 §12.2.2).
    if (request.method !== 'ACK' && tagOf(headerValue(request, 'To')) !== null) {
      connection.send(createResponse(request, 481, 'Call/Transaction Does Not Exist'));
      return;
    }
    switch (request.method) {
      case 'REGISTER':
        connection.send(registrar.handleRegister(request, connection));
        return;
      case 'OPTIONS':
        connection.send(createResponse(request, 200, 'OK', { headers: [{ name: 'Allow', value: ALLOW }] }));
        return;
      case 'ACK':
        return;
      case 'INVITE':
        connection.send(
          createResponse(request, 403, 'Forbidden (the demo contact center places calls; it takes none)'),
        );
        return;
      case 'BYE':
      case 'CANCEL':
        connection.send(createResponse(request, 481, 'Call/Transaction Does Not Exist'));
        return;
      default:
        connection.send(
          createResponse(request, 405, 'Method Not Allowed', { headers: [{ name: 'Allow', value: ALLOW }] }),
        );
    }
  }

  function handleMessage(connection: SipConnection, message: SipMessage): void {
    if (message.kind === 'request') {
      handleRequest(connection, message);
      return;
    }
    const call = callOf(message);
    if (call) call.handleResponse(message);
    else log(`sip: stray ${message.status} response to ${cseqOf(message).method} dropped`);
  }

  const transport = await startSipTransport(
    { host, port: options.port ?? 0, log },
    {
      onMessage: handleMessage,
      onMalformed(connection, text, error) {
        log(`sip: connection ${connection.id}: malformed message dropped: ${error.message}`);
        const response = badRequestFor(text, error);
        if (response) connection.send(response);
      },
      onClose(connection) {
        registrar.dropConnection(connection);
        for (const call of calls.values()) {
          if (call.connection === connection) call.connectionClosed();
        }
      },
    },
  );
  const localHostPort = new URL(transport.url).host;
  // A phone that registers again on a new WebSocket takes its calls along: our BYE or re-INVITE goes there.
  registrar.onChange((user, registered) => {
    const binding = registrar.binding(user);
    if (!registered || !binding) return;
    for (const call of calls.values()) {
      if (call.toUser === user && !call.connection.isOpen) call.moveTo(binding.connection);
    }
  });
  log(`sip: listening on ${transport.url} for domain ${options.domain}`);

  return {
    webSocketUrl: transport.url,
    isRegistered: (user) => registrar.binding(user) !== undefined,
    onRegistrationChange: (listener) => registrar.onChange(listener),
    async placeMonitoringCall(callOptions) {
      if (stopped) throw new MonitoringCallRejectedError('the SIP service is stopped');
      const binding = registrar.binding(callOptions.toUser);
      if (!binding || !binding.connection.isOpen) {
        throw new MonitoringCallRejectedError(`${callOptions.toUser} has no registered phone`, 480);
      }
      const call = new OutgoingMonitoringCall(
        {
          connection: binding.connection,
          contactUri: binding.contact.uri,
          domain: options.domain,
          localHostPort,
          conversation,
          stunUrl: stun.url,
          inviteTimeoutMs: options.inviteTimeoutMs ?? 30_000,
          outOfServiceMs: options.outOfServiceMs ?? (() => 5_000),
          log,
          onFinished: (finished) => calls.delete(finished.key),
        },
        callOptions,
      );
      calls.set(call.key, call);
      await call.start();
      return call;
    },
    setReachable(reachable) {
      // Before the sockets close: what the phone sent last on the old path is not counted either.
      if (!reachable) for (const call of calls.values()) call.networkLost();
      transport.setReachable(reachable);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await warmedUp;
      await Promise.allSettled([...calls.values()].map((call) => call.hangUp()));
      registrar.close();
      await transport.close();
      await stun.close();
      log('sip: stopped');
    },
  };
}

// A signed-in supervisor for the voice tests: GWS REST with its cookie and CSRF token, the official
// CometD client on /v2/me/calls and /v2/me/devices, and (optionally) a registered SIP phone.
import type { CometD, Message } from 'cometd';
import type { RunningSimulator } from '../../../electron/simulator/index';
import {
  GwsTestClient,
  control,
  createCometd,
  disconnect,
  handshake,
  subscribe,
  waitFor,
  type WireResponse,
} from './gws-test-client';
import { TestSipPhone } from './sip-test-phone';

export interface WireCall {
  id: string;
  state: string;
  callUuid: string;
  connId: string;
  deviceUri: string;
  participants: Array<{ e164Number: string; formattedPhoneNumber: string; phoneNumber: string; digits: string }>;
  ani: string;
  dnis: string;
  callType: string;
  capabilities: string[];
  duration: string;
  mute: string;
  supervisorListeningIn: boolean;
  monitoredUserMuted: boolean;
  monitoring: boolean;
  uri: string;
  path: string;
}

export interface CallEvent {
  messageType: string;
  notificationType: string;
  call: WireCall;
  phoneNumber: string;
  extensions: Record<string, number>;
}

export interface WireDevice {
  id: string;
  capabilities: string[];
  supervisorMonitoringState?: Record<string, string>;
}

export interface VoiceCallReport {
  id: string;
  supervisor: string;
  agentId: string;
  monitoredCallId: string;
  mode: string;
  state: string;
  scope: string;
  releaseReason: string | null;
  rtpFromSupervisor: Record<
    'ListenIn' | 'Coach' | 'BargeIn',
    { packets: number; packetsWithEnergy: number; firstAt: number | null; lastAt: number | null }
  >;
  timings: Record<
    'monitoredEstablishedAt' | 'inviteSentAt' | 'answeredAt' | 'dtlsConnectedAt' | 'firstRtpSentAt',
    number | null
  >;
}

export interface ControlUser {
  id: string;
  userName: string;
  phoneNumber: string;
  deviceId: string;
  state: string;
}

export const supervisorAccounts = {
  supervisor: { userName: 'supervisor', password: 'demo', dn: '5005', sipPassword: 'sip-5005' },
  jellis: { userName: 'jellis', password: 'demo', dn: '5099', sipPassword: 'sip-5099' },
} as const;

export class VoiceSupervisor {
  readonly calls: CallEvent[] = [];
  readonly devices: WireDevice[] = [];
  phone: TestSipPhone | null = null;
  private constructor(
    readonly simulator: RunningSimulator,
    readonly rest: GwsTestClient,
    readonly device: WireDevice,
    private readonly cometd: CometD,
  ) {}

  static async signIn(
    simulator: RunningSimulator,
    who: keyof typeof supervisorAccounts,
    options: { phone?: boolean } = {},
  ): Promise<VoiceSupervisor> {
    const account = supervisorAccounts[who];
    const rest = new GwsTestClient(simulator.baseUrl);
    const me = (await rest.get('/api/v2/me?subresources=devices', { basic: account })).json?.user as {
      devices: WireDevice[];
    };
    await rest.post('/api/v2/me', { operationName: 'StartContactCenterSession', channels: ['voice'] });
    const cometd = createCometd(simulator.baseUrl, { cookie: rest.cookieHeader });
    const supervisor = new VoiceSupervisor(simulator, rest, me.devices[0]!, cometd);
    await handshake(cometd);
    await subscribe(cometd, '/v2/me/calls', (message: Message) => supervisor.calls.push(message.data as CallEvent));
    await subscribe(cometd, '/v2/me/devices', (message: Message) =>
      supervisor.devices.push(...((message.data as { devices: WireDevice[] }).devices ?? [])),
    );
    if (options.phone ?? true) {
      supervisor.phone = await TestSipPhone.register({
        webSocketUrl: simulator.sip.webSocketUrl,
        user: account.dn,
        password: account.sipPassword,
        domain: simulator.sip.domain,
      });
    }
    return supervisor;
  }

  /** ListenIn/Coach/BargeIn or Cancel on the supervisor's own device. */
  monitor(
    operationName: string,
    agent: ControlUser | null,
    extra: Record<string, unknown> = {},
  ): Promise<WireResponse> {
    const target = agent ? { targetDeviceUri: `${this.simulator.baseUrl}/api/v2/devices/${agent.deviceId}` } : {};
    return this.rest.post(`/api/v2/me/devices/${this.device.id}`, { operationName, ...target, ...extra });
  }

  operate(callId: string, operationName: string): Promise<WireResponse> {
    return this.rest.post(`/api/v2/me/calls/${callId}`, { operationName });
  }

  /** The first call event after `from` that matches. */
  nextCallEvent(what: string, match: (event: CallEvent) => boolean, from = 0): Promise<CallEvent> {
    return waitFor(what, () => this.calls.slice(from).find(match));
  }

  callState(callId: string, state: string, from = 0): Promise<CallEvent> {
    return this.nextCallEvent(
      `call ${callId} ${state}`,
      (event) => event.call.id === callId && event.call.state === state,
      from,
    );
  }

  /**
   * The call is Established on /v2/me/calls and its media is up at both ends (see
   * TestSipPhone.mediaConnected for why tests wait for the media before ending a call).
   */
  async established(callId: string, from = 0): Promise<WireCall> {
    const event = await this.callState(callId, 'Established', from);
    const phone = this.phone;
    if (phone) {
      const atPhone = await waitFor(`the phone's leg of ${callId}`, () =>
        phone.calls.find((item) => item.callUuid === callId),
      );
      await phone.mediaConnected(atPhone);
    }
    await waitFor(
      `DTLS up at the simulator for ${callId}`,
      async () => (await voiceCall(this.simulator, callId)).timings.dtlsConnectedAt !== null,
    );
    return event.call;
  }

  async close(): Promise<void> {
    await this.phone?.close();
    await disconnect(this.cometd);
  }
}

export async function controlUser(simulator: RunningSimulator, userName: string): Promise<ControlUser> {
  const state = (await control(simulator.baseUrl, 'GET', '/state')).json as unknown as {
    agents: ControlUser[];
    supervisors: ControlUser[];
  };
  const user = [...state.agents, ...state.supervisors].find((item) => item.userName === userName);
  if (!user) throw new Error(`no user ${userName}`);
  return user;
}

export async function startCall(
  simulator: RunningSimulator,
  agent: ControlUser,
  body: Record<string, unknown> = {},
): Promise<{ id: string; establishedAt: number | null }> {
  const response = await control(simulator.baseUrl, 'POST', `/agents/${agent.userName}/calls`, body);
  if (response.status !== 200)
    throw new Error(`could not start a call at ${agent.userName}: ${JSON.stringify(response.json)}`);
  return response.json as unknown as { id: string; establishedAt: number | null };
}

export async function endCall(simulator: RunningSimulator, callId: string): Promise<void> {
  const response = await control(simulator.baseUrl, 'DELETE', `/interactions/${callId}`);
  if (response.status !== 200) throw new Error(`could not end ${callId}: ${JSON.stringify(response.json)}`);
}

export async function voiceReport(simulator: RunningSimulator): Promise<VoiceCallReport[]> {
  return ((await control(simulator.baseUrl, 'GET', '/voice')).json as unknown as { calls: VoiceCallReport[] }).calls;
}

export async function voiceCall(simulator: RunningSimulator, id: string): Promise<VoiceCallReport> {
  const call = (await voiceReport(simulator)).find((item) => item.id === id);
  if (!call) throw new Error(`no monitoring call ${id} in /control/voice`);
  return call;
}

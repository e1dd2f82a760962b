import type { CometD, Message } from 'cometd';
import { startSimulator, type RunningSimulator } from '../../../electron/simulator/index';
import {
  GwsTestClient,
  control,
  createCometd,
  disconnect,
  handshake,
  subscribe,
  waitFor,
  type Credentials,
  type WireResponse,
} from './gws-test-client';

/** What differs between chat and SMS on the wire (the messaging wire brief's table). */
export interface WireChannel {
  readonly kind: 'chat' | 'sms';
  /** The canonical monitoring path segment, and the other spellings the simulator accepts. */
  readonly monitorSegment: string;
  readonly monitorAliases: readonly string[];
  readonly collection: 'chats' | 'smssessions';
  readonly operationAliases: readonly string[];
  readonly topic: string;
  readonly stateMessageType: string;
  readonly resourceKey: 'chat' | 'smssession';
  readonly uriKey: 'chatUri' | 'smssessionUri';
}

export const wireChannels: readonly WireChannel[] = [
  {
    kind: 'chat',
    monitorSegment: 'chat',
    monitorAliases: [],
    collection: 'chats',
    operationAliases: [],
    topic: '/v2/me/chats',
    stateMessageType: 'ChatStateChangeMessage',
    resourceKey: 'chat',
    uriKey: 'chatUri',
  },
  {
    kind: 'sms',
    monitorSegment: 'smssession',
    monitorAliases: ['smsession', 'smsssession'],
    collection: 'smssessions',
    operationAliases: ['smsssession'],
    topic: '/v2/me/smssessions',
    stateMessageType: 'SMSsessionStateChangeMessage',
    resourceKey: 'smssession',
    uriKey: 'smssessionUri',
  },
];

export interface WireParticipant {
  nickname: string;
  type: string;
  uri?: string;
  visibility: string;
  participantId: string;
}

export interface WireMessage {
  index: number;
  type: string;
  text?: string;
  visibility: string;
  from: WireParticipant;
  timestamp: string;
  timestampSeconds: number;
}

export interface WireConversation {
  id: string;
  state: string;
  chatType: string;
  receivedDate: string;
  uri: string;
  path: string;
  participants: WireParticipant[];
  capabilities: string[];
  userData: Record<string, unknown>;
}

/** One CometD event as received: the channel it came on and its data. */
export interface Received {
  readonly channel: string;
  readonly data: Record<string, unknown>;
}

export interface ControlMessage {
  index: number;
  type: string;
  text: string | null;
  visibility: string;
  visibleTo: string[];
  from: { role: string; nickname: string; userName: string | null; visibility: string };
  recipients: Array<{ participantId: string; role: string; nickname: string }>;
}

export interface ControlConversation {
  id: string;
  kind: string;
  state: string;
  agent: string | null;
  participants: Array<{
    participantId: string;
    role: string;
    nickname: string;
    userName: string | null;
    visibility: string;
    mode: string | null;
    present: boolean;
  }>;
  messages: ControlMessage[];
}

/** A signed-in GWS user with a CometD client on the chat and SMS topics, recording what arrives. */
export class WireUser {
  readonly events: Received[] = [];

  private constructor(
    readonly rest: GwsTestClient,
    readonly cometd: CometD,
    readonly userId: string,
  ) {}

  static async signIn(
    baseUrl: string,
    credentials: Credentials,
    options: { startSession?: boolean } = {},
  ): Promise<WireUser> {
    const rest = new GwsTestClient(baseUrl);
    const me = await rest.signIn(credentials);
    const userId = String((me.json?.user as { id: string }).id);
    if (options.startSession ?? true) {
      const started = await rest.post('/api/v2/me', {
        operationName: 'StartContactCenterSession',
        channels: ['voice', 'chat', 'sms'],
      });
      if (started.status !== 200) throw new Error(`StartContactCenterSession failed: ${started.text}`);
    }
    const cometd = createCometd(baseUrl, { cookie: rest.cookieHeader });
    const user = new WireUser(rest, cometd, userId);
    const shook = await handshake(cometd);
    if (!shook.successful) throw new Error('CometD handshake failed');
    for (const topic of ['/v2/me/chats', '/v2/me/smssessions']) {
      const reply = await subscribe(cometd, topic, (message: Message) =>
        user.events.push({ channel: message.channel, data: message.data as Record<string, unknown> }),
      );
      if (!reply.successful) throw new Error(`subscribe ${topic} failed`);
    }
    return user;
  }

  monitor(
    channel: WireChannel,
    agentId: string,
    body: Record<string, unknown>,
    segment = channel.monitorSegment,
  ): Promise<WireResponse> {
    return this.rest.post(`/api/v2/users/${agentId}/channels/${segment}`, body);
  }

  operate(
    channel: WireChannel,
    id: string,
    body: Record<string, unknown>,
    collection: string = channel.collection,
  ): Promise<WireResponse> {
    return this.rest.post(`/api/v2/me/${collection}/${id}`, body);
  }

  /** Every event about one conversation, in arrival order. */
  about(channel: WireChannel, id: string): Received[] {
    return this.events.filter((event) => {
      const resource = event.data[channel.resourceKey] as { id?: string } | undefined;
      const uri = event.data[channel.uriKey];
      return resource?.id === id || (typeof uri === 'string' && uri.endsWith(`/${id}`));
    });
  }

  states(
    channel: WireChannel,
    id: string,
  ): Array<{ notificationType: string; resource: WireConversation; channel: string; messageType: string }> {
    return this.about(channel, id)
      .filter((event) => event.data.messageType === channel.stateMessageType)
      .map((event) => ({
        notificationType: String(event.data.notificationType),
        resource: event.data[channel.resourceKey] as WireConversation,
        channel: event.channel,
        messageType: String(event.data.messageType),
      }));
  }

  logs(channel: WireChannel, id: string): WireMessage[][] {
    return this.about(channel, id)
      .filter((event) => event.data.messageType === 'MessageLogUpdated')
      .map((event) => event.data.messages as WireMessage[]);
  }

  lines(channel: WireChannel, id: string): WireMessage[] {
    return this.logs(channel, id).flat();
  }

  waitForState(
    channel: WireChannel,
    id: string,
    what: string,
    check: (resource: WireConversation, notificationType: string) => boolean,
  ): Promise<WireConversation> {
    return waitFor(
      what,
      () => this.states(channel, id).find((state) => check(state.resource, state.notificationType))?.resource,
    );
  }

  waitForLine(
    channel: WireChannel,
    id: string,
    what: string,
    check: (message: WireMessage) => boolean,
  ): Promise<WireMessage> {
    return waitFor(what, () => this.lines(channel, id).find(check));
  }

  close(): Promise<void> {
    return disconnect(this.cometd);
  }
}

/** A fresh simulator with the live floor off, and the control API as tests drive it. */
export class MessagingFloor {
  private readonly users: WireUser[] = [];

  private constructor(readonly simulator: RunningSimulator) {}

  static async start(): Promise<MessagingFloor> {
    return new MessagingFloor(await startSimulator({ liveFloor: false }));
  }

  get baseUrl(): string {
    return this.simulator.baseUrl;
  }

  async signIn(credentials: Credentials, options: { startSession?: boolean } = {}): Promise<WireUser> {
    const user = await WireUser.signIn(this.baseUrl, credentials, options);
    this.users.push(user);
    return user;
  }

  supervisor(): Promise<WireUser> {
    return this.signIn(this.simulator.demo);
  }

  async agentId(userName: string): Promise<string> {
    const state = await control(this.baseUrl, 'GET', '/state');
    const agents = state.json.agents as Array<{ id: string; userName: string }>;
    const agent = agents.find((item) => item.userName === userName);
    if (!agent) throw new Error(`no agent ${userName}`);
    return agent.id;
  }

  /** Starts a conversation at the agent with no scripted lines; returns its id. */
  async start(channel: WireChannel, agent: string, extra: Record<string, unknown> = {}): Promise<string> {
    const started = await control(this.baseUrl, 'POST', `/agents/${agent}/interactions`, {
      kind: channel.kind,
      script: false,
      ...extra,
    });
    if (started.status !== 200) throw new Error(`start failed: ${JSON.stringify(started.json)}`);
    return String(started.json.id);
  }

  control(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    return control(this.baseUrl, method, path, body);
  }

  async act(id: string, action: string, body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const reply = await control(this.baseUrl, 'POST', `/interactions/${id}/${action}`, body);
    if (reply.status !== 200) throw new Error(`${action} failed: ${JSON.stringify(reply.json)}`);
    return reply.json;
  }

  say(id: string, from: 'customer' | 'agent', text: string, agent?: string): Promise<Record<string, unknown>> {
    return this.act(id, 'messages', agent === undefined ? { from, text } : { from, text, agent });
  }

  async conversation(id: string): Promise<ControlConversation> {
    const reply = await control(this.baseUrl, 'GET', `/messaging/${id}`);
    if (reply.status !== 200) throw new Error(`no conversation ${id}`);
    return reply.json as unknown as ControlConversation;
  }

  async stop(): Promise<void> {
    for (const user of this.users.splice(0)) await user.close();
    await this.simulator.stop();
  }
}

/** Runs a test body against a fresh floor, and always stops it. */
export async function withFloor(body: (floor: MessagingFloor) => Promise<void>): Promise<void> {
  const floor = await MessagingFloor.start();
  try {
    await body(floor);
  } finally {
    await floor.stop();
  }
}

export const agents = {
  ava: { userName: 'avasquez', password: 'agent' },
  marcus: { userName: 'mchen', password: 'agent' },
  priya: { userName: 'pnatarajan', password: 'agent' },
} as const;

export const secondSupervisor = { userName: 'jellis', password: 'demo' } as const;

/** The seed-003 list before the switch entries. */
export const seedCapabilities = [
  'Leave',
  'SetInFocus',
  'SetDisposition',
  'AttachUserData',
  'DeleteUserData',
  'UpdateUserData',
  'Transfer',
  'Invite',
  'Consult',
  'SendToAgents',
  'SendStartTypingToAgentsNotification',
  'SendStopTypingToAgentsNotification',
  'SendMessage',
  'SendStartTypingNotification',
  'SendStopTypingNotification',
];

import type { Directory } from '../directory/directory';
import { isSupervisor } from '../directory/directory';
import type { DirectoryUser } from '../directory/roster';
import type { AgentStatus, CallInteraction, FloorModel, Interaction, TextInteraction } from '../floor/floor-model';
import type { ContactsPaging } from './contacts-paging';
import { formatGwsDate } from './http-io';
import { muteFlag, supervisorCallCapabilities } from '../voice/monitoring-rules';
import type { SupervisorCall, SupervisorCalls } from '../voice/supervisor-calls';
import type { VoiceSupervision } from '../voice/voice-supervision';

/** What the resource renderers read: the contact center's state and where it is served. */
export interface GwsWorld {
  readonly directory: Directory;
  readonly floor: FloorModel;
  readonly supervision: VoiceSupervision;
  readonly supervisorCalls: SupervisorCalls;
  readonly contactsPaging: ContactsPaging;
  readonly baseUrl: () => string;
  /** The channel names StartContactCenterSession accepts. */
  readonly contactCenterChannels: readonly string[];
}

export type Json = Record<string, unknown>;

// [INF] Stable made-up values where the samples give none.
export const contactCenterId = '6f1b2c8e-3d4a-4b5c-9e7f-0a1b2c3d4e5f';
const voiceEnvironmentId = '370ef5e6-9e3c-4d91-9588-7f4dfe67e011';
export const switchName = 'SIP_Switch';

/**
 * userState ids: Ready and Not Ready are the well-known ids of the Genesys samples (gws-api.md §2.6);
 * After Call Work and Logged Out are [INF] stable ids made up here.
 */
export const userStateIds = {
  Ready: '9430250E-0A1B-421F-B372-F29E69366DED',
  NotReady: '900D55CC-2BB0-431F-8BF9-D3525B383BE6',
  AfterCallWork: '5F3B0C1E-7A2D-4E8B-9C61-0D4A2E7F13B5',
  LoggedOut: 'C6A1E2B4-3D5F-4A7C-8E9B-1F2D3C4B5A69',
} as const;

const displayNames = {
  Ready: 'Ready',
  NotReady: 'Not Ready',
  AfterCallWork: 'After Call Work',
  LoggedOut: 'Logged Out',
} as const;

const agentDeviceCapabilities = ['ForwardCallsOn', 'DoNotDisturbOn'];
const supervisionCapabilities = ['ListenIn', 'Coach', 'BargeIn'];
const ringingCallCapabilities = ['Answer', 'Hangup', 'AttachUserData', 'UpdateUserData', 'DeleteUserData'];
const establishedCallCapabilities = [
  'AttachUserData',
  'InitiateConference',
  'UpdateUserData',
  'Hold',
  'SingleStepTransfer',
  'DeleteUserData',
  'SingleStepConference',
  'Hangup',
  'DeleteUserDataPair',
  'SendDtmf',
  'InitiateTransfer',
  'StartCallRecording',
];
const chatCapabilities = [
  'Complete',
  'Leave',
  'Transfer',
  'Invite',
  'Consult',
  'SetInFocus',
  'SetDisposition',
  'AttachUserData',
  'UpdateUserData',
  'DeleteUserData',
  'SendMessage',
  'SendStartTypingNotification',
  'SendStopTypingNotification',
];
const smsCapabilities = [
  'AttachUserData',
  'UpdateUserData',
  'DeleteUserData',
  'Leave',
  'LeaveAndComplete',
  'Transfer',
  'Invite',
  'Consult',
  'SendMessage',
];

export function userUri(world: GwsWorld, user: DirectoryUser): string {
  return `${world.baseUrl()}/api/v2/users/${user.id}`;
}

export function deviceUri(world: GwsWorld, user: DirectoryUser): string {
  return `${world.baseUrl()}/api/v2/devices/${user.device.id}`;
}

export function userJson(world: GwsWorld, user: DirectoryUser): Json {
  return {
    id: user.id,
    userName: user.userName,
    firstName: user.firstName,
    lastName: user.lastName,
    emailAddress: user.emailAddress,
    roles: [...user.roles],
    enabled: true,
    changePasswordOnFirstLogin: false,
    contactCenterId,
    uri: userUri(world, user),
    path: `/users/${user.id}`,
  };
}

export function statusOf(world: GwsWorld, user: DirectoryUser): AgentStatus {
  return world.floor.status(user.id) ?? { kind: 'LoggedOut', reason: null, since: 0 };
}

export function userStateJson(status: AgentStatus): Json {
  const json: Json = { id: userStateIds[status.kind], displayName: displayNames[status.kind], state: status.kind };
  if (status.reason) json.reason = status.reason;
  return json;
}

/** [INF] After Call Work is a voice state; chat and SMS channels stay Ready meanwhile. */
function multimediaStatus(status: AgentStatus): AgentStatus {
  return status.kind === 'AfterCallWork' ? { ...status, kind: 'Ready', reason: null } : status;
}

export function deviceJson(world: GwsWorld, user: DirectoryUser): Json {
  const status = statusOf(world, user);
  const capabilities = [...agentDeviceCapabilities];
  const device: Json = {
    id: user.device.id,
    deviceState: 'Active',
    userState: userStateJson(status),
    phoneNumber: user.device.phoneNumber,
    e164Number: user.device.phoneNumber,
    telephonyNetwork: 'Private',
    doNotDisturb: 'Off',
    voiceEnvironmentUri: `${world.baseUrl()}/api/v2/voice-environments/${voiceEnvironmentId}`,
    capabilities,
    uri: deviceUri(world, user),
    path: `/devices/${user.device.id}`,
  };
  if (isSupervisor(user) && status.kind !== 'LoggedOut') {
    capabilities.push(...supervisionCapabilities);
    const subscription = world.supervision.of(user.id);
    const target = subscription ? world.directory.byId(subscription.targetUserId) : undefined;
    if (subscription && target) {
      capabilities.push('CancelSupervisorMonitoring');
      // The target as it was asked for: a request by device URI names the device alone, so a client
      // that did not ask must look the device up to know whose it is.
      device.supervisorMonitoringState = {
        state: subscription.state,
        mode: subscription.mode,
        scope: subscription.scope,
        ...(subscription.requestedBy === 'targetDeviceUri'
          ? { targetDeviceUri: deviceUri(world, target) }
          : { targetDeviceUri: '', phoneNumber: target.device.phoneNumber }),
        switchName,
      };
    }
  }
  return device;
}

export function channelsJson(world: GwsWorld, user: DirectoryUser): Json[] {
  const status = statusOf(world, user);
  return [
    { channel: 'voice', userState: userStateJson(status) },
    { channel: 'chat', userState: userStateJson(multimediaStatus(status)) },
    { channel: 'sms', userState: userStateJson(multimediaStatus(status)) },
  ];
}

function phoneParticipant(phoneNumber: string): Json {
  return {
    e164Number: phoneNumber,
    formattedPhoneNumber: phoneNumber,
    phoneNumber,
    digits: phoneNumber.replace(/\D/g, ''),
  };
}

function secondsSince(world: GwsWorld, epochMs: number): string {
  return Math.max(0, Math.floor((world.floor.now() - epochMs) / 1000)).toString();
}

/** The agent's own view of a call (gws-api.md §4.6, A.4). */
export function callJson(
  world: GwsWorld,
  call: CallInteraction,
  state: 'Ringing' | 'Established' | 'Released' = call.state,
): Json {
  const agent = world.directory.byId(call.agentId);
  const capabilities =
    state === 'Released' ? [] : state === 'Ringing' ? ringingCallCapabilities : establishedCallCapabilities;
  return {
    id: call.id,
    state,
    callUuid: call.id,
    connId: call.connId,
    deviceUri: agent ? deviceUri(world, agent) : '',
    participants: [phoneParticipant(call.customer.phoneNumber)],
    ani: call.customer.phoneNumber,
    dnis: agent?.device.phoneNumber ?? '',
    callType: 'Inbound',
    capabilities: [...capabilities],
    userData: { CustomerName: call.customer.name },
    duration: secondsSince(world, call.establishedAt ?? call.startedAt),
    mute: 'Off',
    recordingState: 'Stopped',
    supervisorListeningIn: false,
    monitoredUserMuted: false,
    monitoring: false,
    uri: `${world.baseUrl()}/api/v2/me/calls/${call.id}`,
    path: `/calls/${call.id}`,
  };
}

/**
 * The supervisor's monitoring call (gws-api.md §4.4–4.5, §9 [INF]): a call of its own on the
 * supervisor's device, with the customer and the agent as participants and `monitoring: true`.
 */
export function supervisorCallJson(world: GwsWorld, call: SupervisorCall): Json {
  const supervisor = world.directory.byId(call.supervisorId);
  const agent = world.directory.byId(call.agentId);
  const agentNumber = agent?.device.phoneNumber ?? '';
  return {
    id: call.id,
    state: call.state,
    callUuid: call.id,
    connId: call.connId,
    deviceUri: supervisor ? deviceUri(world, supervisor) : '',
    participants: [
      phoneParticipant(call.customer.phoneNumber),
      ...(agentNumber ? [phoneParticipant(agentNumber)] : []),
    ],
    ani: call.customer.phoneNumber,
    dnis: agentNumber,
    callType: 'Inbound',
    capabilities: supervisorCallCapabilities(world.supervisorCalls.view(call)),
    userData: { CustomerName: call.customer.name },
    duration: secondsSince(world, call.establishedAt ?? call.createdAt),
    mute: muteFlag(call.mode),
    recordingState: 'Stopped',
    supervisorListeningIn: false,
    monitoredUserMuted: call.monitoredUserMuted,
    monitoring: true,
    uri: `${world.baseUrl()}/api/v2/me/calls/${call.id}`,
    path: `/calls/${call.id}`,
  };
}

/** Every call on the user's device: their own customer calls, then monitoring calls (supervisors). */
export function callsOnDevice(world: GwsWorld, user: DirectoryUser): Json[] {
  return [
    ...calls(world, user).map((call) => callJson(world, call)),
    ...world.supervisorCalls.liveCallsOf(user.id).map((call) => supervisorCallJson(world, call)),
  ];
}

function textResourcePath(item: TextInteraction): string {
  return item.kind === 'chat' ? `/chats/${item.id}` : `/smssessions/${item.id}`;
}

/** The agent's own view of a chat or SMS session (gws-api.md §5.5, A.11). */
export function textInteractionJson(
  world: GwsWorld,
  item: TextInteraction,
  state: 'Chatting' | 'Completed' = 'Chatting',
): Json {
  const agent = world.directory.byId(item.agentId);
  const path = textResourcePath(item);
  const json: Json = {
    id: item.id,
    state,
    receivedDate: formatGwsDate(item.startedAt),
    participants: [
      {
        nickname: agent?.firstName ?? 'Agent',
        type: 'Agent',
        uri: agent ? userUri(world, agent) : '',
        visibility: 'All',
        participantId: item.agentParticipantId,
      },
      { nickname: item.customer.name, type: 'Customer', participantId: item.customerParticipantId, visibility: 'All' },
    ],
    capabilities: state === 'Completed' ? [] : [...(item.kind === 'chat' ? chatCapabilities : smsCapabilities)],
    userData:
      item.kind === 'sms' ? { ContactId: item.customerParticipantId, PhoneNumber: item.customer.phoneNumber } : {},
    uri: `${world.baseUrl()}/api/v2${path}`,
    path,
  };
  if (item.kind === 'chat') json.chatType = 'Inbound';
  return json;
}

/** An agent's live chat or SMS as a supervisor discovers it (gws-api.md A.12). */
export function interactionSummaryJson(item: Interaction): Json {
  const userData = item.kind === 'sms' ? { ContactId: item.customerParticipantId } : {};
  return { id: item.id, receivedDate: formatGwsDate(item.startedAt), userData, capabilities: [] };
}

export function calls(world: GwsWorld, user: DirectoryUser): CallInteraction[] {
  return world.floor.interactionsOf(user.id, 'call') as CallInteraction[];
}

export function texts(world: GwsWorld, user: DirectoryUser, kind: 'chat' | 'sms'): TextInteraction[] {
  return world.floor.interactionsOf(user.id, kind) as TextInteraction[];
}

/**
 * A user contact with availability (gws-api.md §7, A.13). [INF] semantics, as the docs give none:
 * `available` is whether the user is logged in on the channel; `userActivity` is "Busy" while on a
 * call (voice) or with at least one interaction (chat, SMS), else "Idle"; `userState.state` is one of
 * Ready, NotReady (with an optional `reason`), AfterCallWork or LoggedOut; `businessUnits` lists the
 * agent groups as `{id, name}` (the A.13 sample shows only an empty list).
 */
export function contactJson(world: GwsWorld, user: DirectoryUser): Json {
  const status = statusOf(world, user);
  const available = status.kind !== 'LoggedOut';
  const activity = (busy: boolean): string => (available && busy ? 'Busy' : 'Idle');
  return {
    id: user.id,
    name: user.userName,
    type: 'User',
    userName: user.userName,
    firstName: user.firstName,
    lastName: user.lastName,
    employeeId: user.employeeId,
    emailAddress: user.emailAddress,
    phoneNumbers: [{ phoneNumber: user.device.phoneNumber, description: '', switchName }],
    availability: {
      channels: [
        {
          channel: 'voice',
          available,
          phoneNumber: user.device.phoneNumber,
          userActivity: activity(calls(world, user).length > 0),
          userState: userStateJson(status),
        },
        {
          channel: 'chat',
          available,
          userActivity: activity(texts(world, user, 'chat').length > 0),
          userState: userStateJson(multimediaStatus(status)),
        },
        {
          channel: 'sms',
          available,
          userActivity: activity(texts(world, user, 'sms').length > 0),
          userState: userStateJson(multimediaStatus(status)),
        },
      ],
    },
    businessUnits: user.agentGroups.map((group) => ({ id: group.id, name: group.name })),
    roles: [...user.roles],
    uri: `${world.baseUrl()}/api/v2/contacts/${user.id}`,
    path: `/contacts/${user.id}`,
  };
}

import type { DirectoryUser } from '../directory/roster';
import type { FloorEvent, Interaction } from '../floor/floor-model';
import type { SupervisorCall, SupervisorCallNotification } from '../voice/supervisor-calls';
import {
  callJson,
  channelsJson,
  deviceJson,
  supervisorCallJson,
  textInteractionJson,
  type GwsWorld,
  type Json,
} from './resources';

export type Publish = (userId: string, topic: string, data: Json) => void;

export const topics = {
  devices: '/v2/me/devices',
  calls: '/v2/me/calls',
  chats: '/v2/me/chats',
  smssessions: '/v2/me/smssessions',
  channels: '/v2/me/channels',
} as const;

/** Turns contact-center changes into the CometD events a signed-in user receives (gws-api.md §3). */
export class Notifier {
  constructor(
    private readonly world: GwsWorld,
    private readonly publish: Publish,
  ) {}

  onFloorEvent(event: FloorEvent): void {
    switch (event.type) {
      case 'stateChanged': {
        const user = this.world.directory.byId(event.userId);
        if (!user) return;
        this.deviceChanged(user);
        // [INF] The 8.5.0 sample of /v2/me/channels has no messageType; this name is made up so every event has one.
        this.publish(user.id, topics.channels, {
          messageType: 'ChannelStateChangeMessage',
          channels: channelsJson(this.world, user).slice(1),
        });
        return;
      }
      case 'interactionStarted':
        this.interactionChanged(event.interaction, 'started');
        return;
      case 'callEstablished':
        this.interactionChanged(event.interaction, 'established');
        return;
      case 'interactionEnded':
        this.interactionChanged(event.interaction, 'ended');
        return;
      case 'callTransferred':
        // [INF] A single-step transfer as the two agents see it: gone from one, established at the other.
        this.interactionChanged({ ...event.interaction, agentId: event.fromAgentId }, 'ended');
        this.interactionChanged(event.interaction, 'established');
        return;
      case 'textTransferred':
        // [INF] As a call transfer: completed for the agent who let it go, chatting for the one who has it now.
        this.interactionChanged({ ...event.interaction, agentId: event.fromAgentId }, 'ended');
        this.interactionChanged(event.interaction, 'started');
        return;
    }
  }

  supervisorCallChanged(call: SupervisorCall, notificationType: SupervisorCallNotification): void {
    const supervisor = this.world.directory.byId(call.supervisorId);
    if (!supervisor) return;
    this.publish(supervisor.id, topics.calls, {
      messageType: 'CallStateChangeMessage',
      notificationType,
      call: supervisorCallJson(this.world, call),
      phoneNumber: supervisor.device.phoneNumber,
      extensions: { WrapUpTime: 0, BusinessCall: 0 },
    });
  }

  deviceChanged(user: DirectoryUser): void {
    this.publish(user.id, topics.devices, {
      messageType: 'DeviceStateChangeMessage',
      devices: [deviceJson(this.world, user)],
    });
  }

  private interactionChanged(item: Interaction, change: 'started' | 'established' | 'ended'): void {
    const agent = this.world.directory.byId(item.agentId);
    if (!agent) return;
    if (item.kind === 'call') {
      const state = change === 'ended' ? 'Released' : change === 'established' ? 'Established' : item.state;
      this.publish(agent.id, topics.calls, {
        messageType: 'CallStateChangeMessage',
        notificationType: 'StatusChange',
        call: callJson(this.world, item, state),
        phoneNumber: agent.device.phoneNumber,
        extensions: { WrapUpTime: 0, BusinessCall: 0 },
      });
      return;
    }
    const resource = textInteractionJson(this.world, item, change === 'ended' ? 'Completed' : 'Chatting');
    if (item.kind === 'chat') {
      this.publish(agent.id, topics.chats, {
        messageType: 'ChatStateChangeMessage',
        notificationType: 'StatusChange',
        chat: resource,
      });
    } else {
      this.publish(agent.id, topics.smssessions, {
        messageType: 'SMSsessionStateChangeMessage',
        notificationType: 'StatusChange',
        smssession: resource,
      });
    }
  }
}

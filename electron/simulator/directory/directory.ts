import { timingSafeEqual } from 'node:crypto';
import { buildRoster, initialPassword, type DirectoryUser } from './roster';

/** The configuration-server view of the contact center: who exists, their devices and passwords. */
export class Directory {
  private readonly users: readonly DirectoryUser[];
  private readonly agentList: readonly DirectoryUser[];
  private readonly passwords = new Map<string, string>();
  // Floors of up to 2,000 agents are looked up on every request and event: by key, not by scan.
  private readonly ids = new Map<string, DirectoryUser>();
  private readonly userNames = new Map<string, DirectoryUser>();
  private readonly deviceIds = new Map<string, DirectoryUser>();
  private readonly phoneNumbers = new Map<string, DirectoryUser>();

  constructor(users: readonly DirectoryUser[] = buildRoster()) {
    this.users = users;
    this.agentList = users.filter((user) => user.roles.includes('ROLE_AGENT'));
    for (const user of users) {
      this.passwords.set(user.id, initialPassword(user));
      this.ids.set(user.id, user);
      this.userNames.set(user.userName, user);
      this.deviceIds.set(user.device.id, user);
      this.phoneNumbers.set(user.device.phoneNumber, user);
    }
  }

  all(): readonly DirectoryUser[] {
    return this.users;
  }

  agents(): readonly DirectoryUser[] {
    return this.agentList;
  }

  byId(id: string): DirectoryUser | undefined {
    return this.ids.get(id);
  }

  byUserName(userName: string): DirectoryUser | undefined {
    return this.userNames.get(userName);
  }

  byIdOrUserName(key: string): DirectoryUser | undefined {
    return this.byId(key) ?? this.byUserName(key);
  }

  byDeviceId(deviceId: string): DirectoryUser | undefined {
    return this.deviceIds.get(deviceId);
  }

  byPhoneNumber(phoneNumber: string): DirectoryUser | undefined {
    return this.phoneNumbers.get(phoneNumber);
  }

  /** The user whose name and password match, or undefined. */
  verify(userName: string, password: string): DirectoryUser | undefined {
    const user = this.byUserName(userName);
    if (!user) return undefined;
    const expected = Buffer.from(this.passwords.get(user.id) ?? '');
    const given = Buffer.from(password);
    return expected.length === given.length && timingSafeEqual(expected, given) ? user : undefined;
  }

  setPassword(userId: string, password: string): void {
    this.passwords.set(userId, password);
  }
}

export function isSupervisor(user: DirectoryUser): boolean {
  return user.roles.includes('ROLE_SUPERVISOR');
}

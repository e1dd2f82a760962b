import { timingSafeEqual } from 'node:crypto';
import { buildRoster, initialPassword, type DirectoryUser } from './roster';

/** The configuration-server view of the contact center: who exists, their devices and passwords. */
export class Directory {
  private readonly users: readonly DirectoryUser[];
  private readonly passwords = new Map<string, string>();

  constructor(users: readonly DirectoryUser[] = buildRoster()) {
    this.users = users;
    for (const user of users) this.passwords.set(user.id, initialPassword(user));
  }

  all(): readonly DirectoryUser[] {
    return this.users;
  }

  agents(): readonly DirectoryUser[] {
    return this.users.filter((user) => user.roles.includes('ROLE_AGENT'));
  }

  byId(id: string): DirectoryUser | undefined {
    return this.users.find((user) => user.id === id);
  }

  byUserName(userName: string): DirectoryUser | undefined {
    return this.users.find((user) => user.userName === userName);
  }

  byIdOrUserName(key: string): DirectoryUser | undefined {
    return this.byId(key) ?? this.byUserName(key);
  }

  byDeviceId(deviceId: string): DirectoryUser | undefined {
    return this.users.find((user) => user.device.id === deviceId);
  }

  byPhoneNumber(phoneNumber: string): DirectoryUser | undefined {
    return this.users.find((user) => user.device.phoneNumber === phoneNumber);
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

import { createHash } from 'node:crypto';

export type Role = 'ROLE_AGENT' | 'ROLE_SUPERVISOR';

export interface DirectoryUser {
  readonly id: string;
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly emailAddress: string;
  readonly employeeId: string;
  readonly roles: readonly Role[];
  readonly device: DirectoryDevice;
}

export interface DirectoryDevice {
  readonly id: string;
  readonly phoneNumber: string;
}

interface PersonSeed {
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dn: string;
  readonly role: Role;
}

export const demoSupervisor = { userName: 'supervisor', password: 'demo' } as const;
export const agentPassword = 'agent';
export const supervisorPassword = 'demo';

// The supervisor keeps DN 5005 as in the Genesys samples, so agents skip it.
const people: readonly PersonSeed[] = [
  { userName: 'supervisor', firstName: 'Sam', lastName: 'Rivera', dn: '5005', role: 'ROLE_SUPERVISOR' },
  { userName: 'jellis', firstName: 'Jordan', lastName: 'Ellis', dn: '5099', role: 'ROLE_SUPERVISOR' },
  { userName: 'avasquez', firstName: 'Ava', lastName: 'Vasquez', dn: '5001', role: 'ROLE_AGENT' },
  { userName: 'mchen', firstName: 'Marcus', lastName: 'Chen', dn: '5002', role: 'ROLE_AGENT' },
  { userName: 'pnatarajan', firstName: 'Priya', lastName: 'Natarajan', dn: '5003', role: 'ROLE_AGENT' },
  { userName: 'dokafor', firstName: 'Daniel', lastName: 'Okafor', dn: '5004', role: 'ROLE_AGENT' },
  { userName: 'slindqvist', firstName: 'Sofia', lastName: 'Lindqvist', dn: '5006', role: 'ROLE_AGENT' },
  { userName: 'jwhitaker', firstName: 'Jamal', lastName: 'Whitaker', dn: '5007', role: 'ROLE_AGENT' },
  { userName: 'hkowalski', firstName: 'Hannah', lastName: 'Kowalski', dn: '5008', role: 'ROLE_AGENT' },
  { userName: 'dramirez', firstName: 'Diego', lastName: 'Ramirez', dn: '5009', role: 'ROLE_AGENT' },
  { userName: 'mtanaka', firstName: 'Mei', lastName: 'Tanaka', dn: '5010', role: 'ROLE_AGENT' },
  { userName: 'lobrien', firstName: 'Liam', lastName: "O'Brien", dn: '5011', role: 'ROLE_AGENT' },
  { userName: 'fhaddad', firstName: 'Fatima', lastName: 'Haddad', dn: '5012', role: 'ROLE_AGENT' },
  { userName: 'nbergstrom', firstName: 'Noah', lastName: 'Bergstrom', dn: '5013', role: 'ROLE_AGENT' },
];

/**
 * Ids are derived from the user name rather than drawn at random, so they stay the same across
 * runs and seeds: an app that remembers "last monitored agent" still finds her after a restart.
 */
function stableHex(label: string): string {
  return createHash('sha256').update(`earshot-simulator:${label}`).digest('hex');
}

function stableUuid(label: string): string {
  const hex = stableHex(label);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function buildRoster(): DirectoryUser[] {
  return people.map((person, index) => ({
    id: stableHex(`user:${person.userName}`).slice(0, 32),
    userName: person.userName,
    firstName: person.firstName,
    lastName: person.lastName,
    emailAddress: `${person.firstName}.${person.lastName}`.toLowerCase().replace(/[^a-z.]/g, '') + '@example.com',
    employeeId: `EMP-${1001 + index}`,
    roles: [person.role],
    device: { id: stableUuid(`device:${person.userName}`), phoneNumber: person.dn },
  }));
}

export function initialPassword(user: DirectoryUser): string {
  return user.roles.includes('ROLE_SUPERVISOR') ? supervisorPassword : agentPassword;
}

/**
 * Every DN has a SIP account on the demo's registrar: user = the DN, password derived from it.
 * [INF] Separate from the GWS password, as SIP Server's DN passwords are separate from Configuration
 * Server's user passwords; changing the GWS password does not change it.
 */
export function sipPassword(user: DirectoryUser): string {
  return `sip-${user.device.phoneNumber}`;
}

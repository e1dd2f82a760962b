import { createHash } from 'node:crypto';
import { Prng } from '../floor/prng';
import { firstNames, lastNames } from './names';

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
  /** The agent groups (GWS business units) the user belongs to; none for supervisors. */
  readonly agentGroups: readonly AgentGroup[];
}

export interface DirectoryDevice {
  readonly id: string;
  readonly phoneNumber: string;
}

export interface AgentGroup {
  readonly id: string;
  readonly name: string;
}

interface PersonSeed {
  readonly userName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly dn: string;
  readonly role: Role;
  /** Digits that keep the mail address unique when two people share a name. */
  readonly mailSuffix?: string;
}

export const demoSupervisor = { userName: 'supervisor', password: 'demo' } as const;
export const agentPassword = 'agent';
export const supervisorPassword = 'demo';

/** The demo's floor has 12 agents unless asked for more (`agents` option, `--agents N`). */
export const defaultAgentCount = 12;
/** Large enough for the biggest floors supervisors watch (issue 13), small enough to start in seconds. */
export const maxAgentCount = 2000;

// The supervisor keeps DN 5005 as in the Genesys samples, so agents skip it.
const supervisors: readonly PersonSeed[] = [
  { userName: 'supervisor', firstName: 'Sam', lastName: 'Rivera', dn: '5005', role: 'ROLE_SUPERVISOR' },
  { userName: 'jellis', firstName: 'Jordan', lastName: 'Ellis', dn: '5099', role: 'ROLE_SUPERVISOR' },
];

/** The first agents of every floor, so a demo and the tests meet the same people whatever the size. */
const namedAgents: readonly PersonSeed[] = [
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
 * Agent groups as a contact center names them. [INF] GWS shows them as the contact's
 * `businessUnits`; a floor fills them in turn, about 40 agents each, so a group's size depends on
 * the floor's size and the 12-agent demo has two groups.
 */
const groupNames = [
  'Billing',
  'Technical Support',
  'Sales',
  'Retention',
  'Onboarding',
  'Claims',
  'Collections',
  'Premium Care',
  'Spanish Line',
  'Escalations',
  'Deliveries',
  'Small Business',
] as const;
const agentsPerGroup = 40;

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

/** "Zoë O'Connor-Díaz" → "zoconnordiaz": what a configuration server accepts as a login. */
function loginPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** DNs after the named agents' 5001–5013, skipping the supervisors' (5005 is below, 5099 here). */
function* generatedDns(): Generator<string> {
  const taken = new Set([...supervisors, ...namedAgents].map((person) => person.dn));
  for (let dn = 5014; ; dn += 1) if (!taken.has(String(dn))) yield String(dn);
}

/**
 * The agents beyond the named ones: names drawn from a fixed stream (never from the floor's seed),
 * so agent number 412 is the same person on every run, and user names made unique the way an
 * administrator would (a digit after a clash).
 */
function generatedAgents(count: number): PersonSeed[] {
  const prng = new Prng(0x5eed_f100);
  const dns = generatedDns();
  const userNames = new Set(namedAgents.map((person) => person.userName));
  const people: PersonSeed[] = [];
  for (let index = 0; index < count; index += 1) {
    const firstName = prng.pick(firstNames);
    const lastName = prng.pick(lastNames);
    const base = `${loginPart(firstName).charAt(0)}${loginPart(lastName)}`;
    let userName = base;
    for (let suffix = 2; userNames.has(userName); suffix += 1) userName = `${base}${suffix}`;
    userNames.add(userName);
    // The same digit goes on the mail address, so two Ana Silvas do not share one.
    const clash = userName.slice(base.length);
    people.push({
      userName,
      firstName,
      lastName,
      dn: dns.next().value as string,
      role: 'ROLE_AGENT',
      mailSuffix: clash,
    });
  }
  return people;
}

function agentSeeds(agentCount: number): PersonSeed[] {
  if (!Number.isInteger(agentCount) || agentCount < 1 || agentCount > maxAgentCount) {
    throw new Error(`the demo floor has 1 to ${maxAgentCount} agents, not ${agentCount}`);
  }
  return [...namedAgents.slice(0, agentCount), ...generatedAgents(Math.max(0, agentCount - namedAgents.length))];
}

function agentGroupFor(agentIndex: number, agentCount: number): AgentGroup {
  const groupCount = Math.min(groupNames.length, Math.max(2, Math.ceil(agentCount / agentsPerGroup)));
  const name = groupNames[agentIndex % groupCount] as string;
  return { id: stableHex(`group:${name}`).slice(0, 32), name };
}

export function buildRoster(agentCount: number = defaultAgentCount): DirectoryUser[] {
  const agents = agentSeeds(agentCount);
  return [...supervisors, ...agents].map((person, index) => ({
    id: stableHex(`user:${person.userName}`).slice(0, 32),
    userName: person.userName,
    firstName: person.firstName,
    lastName: person.lastName,
    emailAddress: `${loginPart(person.firstName)}.${loginPart(person.lastName)}${person.mailSuffix ?? ''}@example.com`,
    employeeId: `EMP-${1001 + index}`,
    roles: [person.role],
    device: { id: stableUuid(`device:${person.userName}`), phoneNumber: person.dn },
    agentGroups: person.role === 'ROLE_AGENT' ? [agentGroupFor(index - supervisors.length, agentCount)] : [],
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

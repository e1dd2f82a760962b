import type { InitialState } from './floor-model';

/**
 * How the floor opens, by user name: fixed rather than seeded, so tests without the live floor
 * meet a known room. Supervisors start logged out until their StartContactCenterSession.
 */
export const openingStates: Readonly<Record<string, InitialState>> = {
  avasquez: { kind: 'Ready' },
  mchen: { kind: 'Ready' },
  pnatarajan: { kind: 'NotReady', reason: 'Break' },
  dokafor: { kind: 'Ready' },
  slindqvist: { kind: 'Ready' },
  jwhitaker: { kind: 'AfterCallWork' },
  hkowalski: { kind: 'Ready' },
  dramirez: { kind: 'NotReady', reason: 'Training' },
  mtanaka: { kind: 'Ready' },
  lobrien: { kind: 'LoggedOut' },
  fhaddad: { kind: 'Ready' },
  nbergstrom: { kind: 'LoggedOut' },
};

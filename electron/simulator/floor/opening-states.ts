import { createHash } from 'node:crypto';
import { notReadyReasons, type InitialState } from './floor-model';

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

/**
 * The opening state of an agent of a large floor: the named agents as above, the others spread the
 * way a staffed shift looks (about 60 % Ready, 15 % Not Ready with a reason, 5 % in After Call Work,
 * 20 % not logged in), decided by the user name so every run opens the same room.
 */
export function openingStateOf(userName: string): InitialState {
  const named = openingStates[userName];
  if (named) return named;
  const roll = createHash('sha256').update(`opening:${userName}`).digest().readUInt32BE(0) / 2 ** 32;
  if (roll < 0.6) return { kind: 'Ready' };
  if (roll < 0.75) {
    const reason = notReadyReasons[Math.floor(((roll - 0.6) / 0.15) * notReadyReasons.length)] ?? 'Break';
    return { kind: 'NotReady', reason };
  }
  if (roll < 0.8) return { kind: 'AfterCallWork' };
  return { kind: 'LoggedOut' };
}

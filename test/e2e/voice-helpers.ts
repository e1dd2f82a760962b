import type { Page } from '@playwright/test';
import { expect, type EarshotHost } from './browser-host-fixture';

export interface ControlAgent {
  id: string;
  userName: string;
  state: string;
  interactions?: Array<{ id: string }>;
}
interface RtpCount {
  packets: number;
  packetsWithEnergy: number;
}
export interface VoiceCall {
  id: string;
  monitoredCallId: string;
  mode: string;
  state: string;
  rtpFromSupervisor: Record<'ListenIn' | 'Coach' | 'BargeIn', RtpCount>;
  /** The re-INVITEs the supervisor's phone sent (an ICE restart after a network change). */
  reoffersFromPhone: Array<{ direction: string; iceRestart: boolean; status: number }>;
}

/**
 * Counts getUserMedia calls and keeps every track it hands out, so the test sees whether the mic
 * was ever opened; `deny` makes it fail as a refused permission does.
 */
export function probeMicrophone(): void {
  const probe = { calls: 0, deny: false, tracks: [] as MediaStreamTrack[] };
  Object.assign(window, { __micProbe: probe });
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    probe.calls += 1;
    if (probe.deny) throw new DOMException('Permission denied', 'NotAllowedError');
    const stream = await original(constraints);
    probe.tracks.push(...stream.getTracks());
    return stream;
  };
}

/** Keeps every RTCPeerConnection the page makes, so the test can read what arrives on its calls. */
export function probePeerConnections(): void {
  const connections: RTCPeerConnection[] = [];
  Object.assign(window, { __peerConnections: connections });
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.push(this);
    }
  };
}

/** Audio RTP packets the page has received on all its calls that are still open. */
export async function packetsReceived(media: Page): Promise<number> {
  return media.evaluate(async () => {
    const connections = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    let total = 0;
    for (const connection of connections) {
      if (connection.connectionState === 'closed') continue;
      for (const entry of (await connection.getStats()).values() as Iterable<Record<string, unknown>>) {
        if (entry.type === 'inbound-rtp' && entry.kind === 'audio') total += Number(entry.packetsReceived ?? 0);
      }
    }
    return total;
  });
}

export async function micProbe(media: Page): Promise<{ calls: number; states: string[] }> {
  return media.evaluate(() => {
    const probe = (window as unknown as { __micProbe: { calls: number; tracks: MediaStreamTrack[] } }).__micProbe;
    return { calls: probe.calls, states: probe.tracks.map((track) => track.readyState) };
  });
}

export async function supervisorCall(earshot: EarshotHost): Promise<VoiceCall | undefined> {
  const { calls } = (await earshot.control('GET', '/voice')) as { calls: VoiceCall[] };
  return calls.find((call) => call.state !== 'Released');
}

/** A Ready agent with nothing going on, freed from the live floor's work if every one had some. */
export async function idleReadyAgent(earshot: EarshotHost): Promise<ControlAgent> {
  const { agents } = (await earshot.control('GET', '/state')) as { agents: ControlAgent[] };
  const agent =
    agents.find((candidate) => candidate.state === 'Ready' && !candidate.interactions?.length) ??
    agents.find((candidate) => candidate.state !== 'LoggedOut')!;
  for (const interaction of agent.interactions ?? [])
    await earshot.control('DELETE', `/interactions/${interaction.id}`);
  if (agent.state !== 'Ready') await earshot.control('POST', `/agents/${agent.id}/state`, { state: 'Ready' });
  return agent;
}

/**
 * Waits until GWS has confirmed the voice subscription and it waits for a call. The row shows the
 * mode while the request is still on its way; a call the agent starts before GWS has the
 * subscription is already in progress when it arrives, and the demo (like SIP Server without
 * intrusion) then waits for the next one.
 */
export async function armedAndWaiting(page: Page): Promise<void> {
  await expect(page.getByTestId('monitoring-subscription')).toHaveAttribute('data-waiting', 'true');
}

import type { CDPSession } from 'playwright-core';

export interface ChannelTraffic {
  channel: string;
  frames: number;
  bytes: number;
  largestBytes: number;
}

/**
 * Tallies the WebSocket frames the page receives (the browser host's UI bridge) by event channel,
 * through the DevTools Network domain, so a run can say what each line costs on the wire.
 */
export async function countSocketTraffic(cdp: CDPSession): Promise<{ stop(): ChannelTraffic[] }> {
  const byChannel = new Map<string, ChannelTraffic>();
  const onFrame = (event: { response: { opcode: number; payloadData: string } }) => {
    if (event.response.opcode !== 1) return;
    const payload = event.response.payloadData;
    // Frames start with their kind (and an event's channel), so the head names them without parsing.
    const channel = /^\{"kind":"event","channel":"([^"]+)"/.exec(payload)?.[1] ?? 'invoke results';
    const bytes = Buffer.byteLength(payload);
    const tally = byChannel.get(channel) ?? { channel, frames: 0, bytes: 0, largestBytes: 0 };
    tally.frames += 1;
    tally.bytes += bytes;
    tally.largestBytes = Math.max(tally.largestBytes, bytes);
    byChannel.set(channel, tally);
  };
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameReceived', onFrame);
  return {
    stop() {
      cdp.off('Network.webSocketFrameReceived', onFrame);
      return [...byChannel.values()].sort((a, b) => b.bytes - a.bytes);
    },
  };
}

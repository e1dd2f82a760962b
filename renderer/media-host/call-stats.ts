import type { CallStats } from '../../electron/common/contract/media-host-contract';

/** One entry of an RTCStatsReport, as loosely as the browsers fill it in. */
export interface RtcStatsEntry {
  readonly type: string;
  readonly id?: string;
  readonly [field: string]: unknown;
}

function numberField(entry: RtcStatsEntry, field: string): number | undefined {
  const value = entry[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function isAudio(entry: RtcStatsEntry): boolean {
  return (entry.kind ?? entry.mediaType) === 'audio';
}

/**
 * Folds a call's getStats() report into the contract's CallStats: seconds become milliseconds,
 * the jitter buffer delay is averaged per emitted sample, and values the schema bounds are clamped.
 */
export function mapCallStats(entries: Iterable<RtcStatsEntry>): CallStats {
  let packetsReceived = 0;
  let packetsLost = 0;
  let jitterSeconds = 0;
  let jitterBufferDelaySeconds = 0;
  let jitterBufferEmitted = 0;
  let audioLevel = 0;
  let packetsSent = 0;
  const candidatePairs = new Map<string, RtcStatsEntry>();
  const selectedPairIds: string[] = [];

  for (const entry of entries) {
    switch (entry.type) {
      case 'inbound-rtp':
        if (!isAudio(entry)) break;
        packetsReceived += numberField(entry, 'packetsReceived') ?? 0;
        packetsLost += numberField(entry, 'packetsLost') ?? 0;
        jitterSeconds = Math.max(jitterSeconds, numberField(entry, 'jitter') ?? 0);
        jitterBufferDelaySeconds += numberField(entry, 'jitterBufferDelay') ?? 0;
        jitterBufferEmitted += numberField(entry, 'jitterBufferEmittedCount') ?? 0;
        audioLevel = Math.max(audioLevel, numberField(entry, 'audioLevel') ?? 0);
        break;
      case 'outbound-rtp':
        if (isAudio(entry)) packetsSent += numberField(entry, 'packetsSent') ?? 0;
        break;
      case 'candidate-pair':
        if (typeof entry.id === 'string') candidatePairs.set(entry.id, entry);
        break;
      case 'transport':
        if (typeof entry.selectedCandidatePairId === 'string') selectedPairIds.push(entry.selectedCandidatePairId);
        break;
      default:
        break;
    }
  }

  const selectedPair =
    selectedPairIds.map((id) => candidatePairs.get(id)).find((pair) => pair !== undefined) ??
    [...candidatePairs.values()].find((pair) => pair.nominated === true && pair.state === 'succeeded');
  const roundTripSeconds = selectedPair ? numberField(selectedPair, 'currentRoundTripTime') : undefined;

  return {
    packetsReceived: Math.max(0, packetsReceived),
    packetsLost,
    jitterMs: Math.max(0, jitterSeconds * 1000),
    jitterBufferDelayMs:
      jitterBufferEmitted > 0 ? Math.max(0, (jitterBufferDelaySeconds / jitterBufferEmitted) * 1000) : 0,
    audioLevel: Math.min(1, Math.max(0, audioLevel)),
    packetsSent: Math.max(0, packetsSent),
    roundTripMs: roundTripSeconds === undefined ? null : Math.max(0, roundTripSeconds * 1000),
  };
}

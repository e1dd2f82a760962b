// G.711 µ-law (ITU-T G.711 / PCMU) sample coding and a frame energy measure.

const BIAS = 0x84;
const CLIP = 32635;

function decodeByte(byte: number): number {
  const inverted = ~byte & 0xff;
  const exponent = (inverted >> 4) & 0x07;
  const magnitude = ((((inverted & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return inverted & 0x80 ? -magnitude : magnitude;
}

const DECODE_TABLE = Int16Array.from({ length: 256 }, (_, byte) => decodeByte(byte));

/**
 * One sample at a time, for tests that check the table; the simulator itself measures whole frames.
 * @internal
 */
export function decodeMulaw(byte: number): number {
  return DECODE_TABLE[byte & 0xff]!;
}

/**
 * Tests build µ-law frames with it; the simulator only plays clips recorded ahead of time.
 * @internal
 */
export function encodeMulaw(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  const magnitude = Math.min(Math.abs(Math.round(sample)), CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** Root mean square of a µ-law frame's decoded 16-bit samples. */
export function mulawFrameRms(frame: Uint8Array): number {
  if (frame.length === 0) return 0;
  let sumOfSquares = 0;
  for (const byte of frame) {
    const sample = DECODE_TABLE[byte]!;
    sumOfSquares += sample * sample;
  }
  return Math.sqrt(sumOfSquares / frame.length);
}

/**
 * About -50 dBFS. Digital silence decodes to 0 (or ±8 for 0x7f/0xff neighbours), while Chromium's
 * fake capture device beeps far louder, so a frame above this has someone (or something) audible.
 */
export const ENERGY_RMS_THRESHOLD = 100;

export function frameHasEnergy(frame: Uint8Array): boolean {
  return mulawFrameRms(frame) > ENERGY_RMS_THRESHOLD;
}

/** The quietest level the meter shows above zero; the scale runs from here to full scale (0 dBFS). */
const METER_FLOOR_DB = -60;
const ANALYSER_SAMPLES = 1024;

/**
 * 0..1 on a decibel scale from the RMS of one block of samples: -60 dBFS and below is 0, full
 * scale is 1, so speech at a normal level fills about two thirds of the meter.
 */
export function meterLevel(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let index = 0; index < samples.length; index += 1) {
    const sample = samples[index] ?? 0;
    sum += sample * sample;
  }
  const rms = Math.sqrt(sum / samples.length);
  if (rms === 0) return 0;
  const decibels = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (decibels - METER_FLOOR_DB) / -METER_FLOOR_DB));
}

interface Tap {
  readonly source: MediaStreamAudioSourceNode;
  readonly analyser: AnalyserNode;
  readonly samples: Float32Array<ArrayBuffer>;
}

/**
 * How loud each call's incoming audio is. An AnalyserNode per call listens to the remote stream
 * and is connected to nothing else: the call plays through its own <audio> element, untouched.
 * One AudioContext, made for the first call and closed after the last, so a page without calls
 * holds no audio resources.
 */
export class AudioLevels {
  private context: AudioContext | null = null;
  private readonly taps = new Map<string, Tap>();

  watch(callId: string, stream: MediaStream): void {
    this.unwatch(callId);
    if (stream.getAudioTracks().length === 0) return;
    this.context ??= new AudioContext();
    const source = this.context.createMediaStreamSource(stream);
    const analyser = this.context.createAnalyser();
    analyser.fftSize = ANALYSER_SAMPLES;
    source.connect(analyser);
    this.taps.set(callId, { source, analyser, samples: new Float32Array(analyser.fftSize) });
  }

  unwatch(callId: string): void {
    const tap = this.taps.get(callId);
    if (!tap) return;
    this.taps.delete(callId);
    tap.source.disconnect();
    if (this.taps.size === 0 && this.context) {
      void this.context.close().catch(() => undefined);
      this.context = null;
    }
  }

  get watching(): boolean {
    return this.taps.size > 0;
  }

  /** The level of the latest block of the call's audio; 0 for a call not watched. */
  level(callId: string): number {
    const tap = this.taps.get(callId);
    if (!tap) return 0;
    tap.analyser.getFloatTimeDomainData(tap.samples);
    return meterLevel(tap.samples);
  }
}

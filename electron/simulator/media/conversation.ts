// The monitored conversation: committed µ-law clips of a customer and an agent, played in file-name
// order with a pause between lines, looping, as 20 ms PCMU frames.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 8000;
export const FRAME_MS = 20;
export const SAMPLES_PER_FRAME = (SAMPLE_RATE * FRAME_MS) / 1000;

const MULAW_SILENCE = 0xff;
const PAUSE_BETWEEN_LINES_MS = 600;
const CLIP_NAME = /^\d{2}-(customer|agent)\.ulaw$/;

export const DEFAULT_CLIPS_DIRECTORY = fileURLToPath(new URL('./clips/', import.meta.url));

export interface ConversationLine {
  readonly speaker: 'customer' | 'agent';
  readonly audio: Uint8Array;
}

export function loadConversation(directory: string = DEFAULT_CLIPS_DIRECTORY): ReadonlyArray<ConversationLine> {
  const names = readdirSync(directory)
    .filter((name) => CLIP_NAME.test(name))
    .sort();
  if (names.length === 0) throw new Error(`no conversation clips (NN-customer.ulaw, NN-agent.ulaw) in ${directory}`);
  return names.map((name) => ({
    speaker: CLIP_NAME.exec(name)![1] as 'customer' | 'agent',
    audio: readFileSync(join(directory, name)),
  }));
}

/** Concatenates the lines with pauses into one loop whose length is a whole number of frames. */
export function buildConversationLoop(lines: ReadonlyArray<ConversationLine>): Uint8Array {
  const pause = new Uint8Array((SAMPLE_RATE * PAUSE_BETWEEN_LINES_MS) / 1000).fill(MULAW_SILENCE);
  const length = lines.reduce((total, line) => total + line.audio.length + pause.length, 0);
  const loop = new Uint8Array(Math.ceil(length / SAMPLES_PER_FRAME) * SAMPLES_PER_FRAME).fill(MULAW_SILENCE);
  let offset = 0;
  for (const line of lines) {
    loop.set(line.audio, offset);
    offset += line.audio.length + pause.length;
  }
  return loop;
}

/** Hands out consecutive frames of a loop; each call gets its own player, all share one loop. */
export class ConversationPlayer {
  private offset = 0;

  constructor(private readonly loop: Uint8Array) {
    if (loop.length === 0 || loop.length % SAMPLES_PER_FRAME !== 0) throw new Error('the loop must be whole frames');
  }

  nextFrame(): Buffer {
    const frame = Buffer.from(this.loop.subarray(this.offset, this.offset + SAMPLES_PER_FRAME));
    this.offset = (this.offset + SAMPLES_PER_FRAME) % this.loop.length;
    return frame;
  }
}

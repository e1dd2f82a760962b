import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  decodeMulaw,
  encodeMulaw,
  ENERGY_RMS_THRESHOLD,
  frameHasEnergy,
  mulawFrameRms,
} from '../../../electron/simulator/media/mulaw';
import {
  buildConversationLoop,
  ConversationPlayer,
  loadConversation,
  SAMPLES_PER_FRAME,
} from '../../../electron/simulator/media/conversation';
import { bindingRefusal } from '../../../electron/simulator/media/loopback-stun';

function tone(amplitude: number, frequency = 1000): Uint8Array {
  return Uint8Array.from({ length: SAMPLES_PER_FRAME }, (_, n) =>
    encodeMulaw(amplitude * Math.sin((2 * Math.PI * frequency * n) / 8000)),
  );
}

describe('µ-law', () => {
  test('decodes the G.711 reference points', () => {
    assert.equal(decodeMulaw(0xff), 0);
    assert.equal(decodeMulaw(0x7f), 0);
    assert.equal(decodeMulaw(0x80), 32124);
    assert.equal(decodeMulaw(0x00), -32124);
    assert.equal(decodeMulaw(0xfe), 8);
  });

  test('encoding then decoding stays within the quantisation step', () => {
    for (const sample of [0, 1, -1, 100, -100, 1000, -5000, 12345, -32768, 32767]) {
      const decoded = decodeMulaw(encodeMulaw(sample));
      assert.ok(
        Math.abs(decoded - Math.max(-32124, Math.min(32124, sample))) <= Math.max(8, Math.abs(sample) / 16),
        `${sample} → ${decoded}`,
      );
    }
  });

  test('digital silence has no energy; a quiet beep does', () => {
    assert.equal(mulawFrameRms(new Uint8Array(SAMPLES_PER_FRAME).fill(0xff)), 0);
    assert.equal(frameHasEnergy(new Uint8Array(SAMPLES_PER_FRAME).fill(0xff)), false);
    assert.equal(frameHasEnergy(new Uint8Array(SAMPLES_PER_FRAME).fill(0x7f)), false);
    assert.equal(frameHasEnergy(new Uint8Array(SAMPLES_PER_FRAME).fill(0xfe)), false, 'one step off silence');
    assert.equal(frameHasEnergy(tone(ENERGY_RMS_THRESHOLD)), false);
    assert.equal(frameHasEnergy(tone(1000)), true, 'about -30 dBFS');
    assert.ok(Math.abs(mulawFrameRms(tone(16000)) - 16000 / Math.SQRT2) < 400);
  });
});

describe('the conversation', () => {
  test('the committed clips alternate customer and agent, each a few seconds, small in total', () => {
    const lines = loadConversation();
    assert.ok(lines.length >= 4);
    lines.forEach((line, index) => assert.equal(line.speaker, index % 2 === 0 ? 'customer' : 'agent'));
    for (const line of lines) assert.ok(line.audio.length > 8000 && line.audio.length < 8000 * 8);
    assert.ok(lines.reduce((total, line) => total + line.audio.length, 0) < 400 * 1024);
  });

  test('the player loops whole 20 ms frames with pauses between lines', () => {
    const loop = buildConversationLoop([
      { speaker: 'customer', audio: new Uint8Array(200).fill(0x80) },
      { speaker: 'agent', audio: new Uint8Array(100).fill(0x00) },
    ]);
    assert.equal(loop.length % SAMPLES_PER_FRAME, 0);
    const player = new ConversationPlayer(loop);
    const frames = Array.from({ length: loop.length / SAMPLES_PER_FRAME + 1 }, () => player.nextFrame());
    assert.ok(frames.every((frame) => frame.length === SAMPLES_PER_FRAME));
    assert.equal(frameHasEnergy(frames[0]!), true);
    assert.equal(frameHasEnergy(frames[3]!), false, 'the pause after the first line');
    assert.deepEqual(frames[frames.length - 1], frames[0], 'it loops');
  });
});

describe('the loopback STUN refuser', () => {
  test('answers a Binding request with a 403 error response carrying the same transaction id', () => {
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt32BE(0x2112a442, 4);
    request.fill(7, 8, 20);
    const response = bindingRefusal(request)!;
    assert.equal(response.readUInt16BE(0), 0x0111);
    assert.equal(response.readUInt16BE(2), response.length - 20);
    assert.deepEqual(response.subarray(4, 20), request.subarray(4, 20));
    assert.equal(response.readUInt16BE(20), 0x0009);
    assert.equal(response[26]! * 100 + response[27]!, 403);
    assert.equal(bindingRefusal(Buffer.from('not stun')), undefined);
  });
});

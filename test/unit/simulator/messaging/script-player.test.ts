import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Prng } from '../../../../electron/simulator/floor/prng';
import { ScriptPlayer, type ScriptStage } from '../../../../electron/simulator/messaging/script-player';
import type { ConversationScript, ScriptAct, Speaker } from '../../../../electron/simulator/messaging/scripts';

type Call =
  | {
      readonly second: number;
      readonly kind: 'line';
      readonly speaker: Speaker;
      readonly text: string;
      readonly at: number | undefined;
    }
  | { readonly second: number; readonly kind: 'typing'; readonly speaker: Speaker; readonly typing: boolean }
  | { readonly second: number; readonly kind: 'act'; readonly act: ScriptAct };

/** A stage that records what the player asks for, second by second. */
class RecordingStage implements ScriptStage {
  readonly calls: Call[] = [];
  second = 0;
  live = true;
  refuse = new Set<ScriptAct>();

  line(_id: string, speaker: Speaker, text: string, at?: number): boolean {
    this.calls.push({ second: this.second, kind: 'line', speaker, text, at });
    return true;
  }

  typing(_id: string, speaker: Speaker, typing: boolean): boolean {
    this.calls.push({ second: this.second, kind: 'typing', speaker, typing });
    return true;
  }

  act(_id: string, act: ScriptAct): boolean {
    this.calls.push({ second: this.second, kind: 'act', act });
    return !this.refuse.has(act);
  }

  isLive(): boolean {
    return this.live;
  }
}

const chatScript: ConversationScript = {
  topic: 'test',
  kind: 'chat',
  steps: [
    { say: 'customer', text: 'opening' },
    { say: 'agent', text: 'hello' },
    { say: 'customer', text: 'question' },
    { act: 'join' },
    { say: 'second', text: 'answer' },
    { act: 'complete' },
  ],
};

function setUp(options: { floorRunning?: () => boolean; seed?: number } = {}) {
  const stage = new RecordingStage();
  const player = new ScriptPlayer({
    stage,
    prng: new Prng(options.seed ?? 1),
    floorRunning: options.floorRunning ?? (() => true),
  });
  const run = (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      stage.second += 1;
      player.tick();
    }
  };
  return { stage, player, run };
}

const play = { linesOnly: false, backdatedMs: 0, startedAt: 1_700_000_000_000 };

describe('ScriptPlayer', () => {
  test('plays every step after the opening, in order, a few seconds apart, typing shown just before chat lines', () => {
    const { stage, player, run } = setUp();
    player.play('c1', chatScript, play);
    run(120);
    const steps = stage.calls.filter((call) => call.kind !== 'typing');
    assert.deepEqual(
      steps.map((call) => (call.kind === 'line' ? call.text : call.kind === 'act' ? call.act : '')),
      ['hello', 'question', 'join', 'answer', 'complete'],
    );
    for (let i = 1; i < steps.length; i++) {
      const gap = steps[i]!.second - steps[i - 1]!.second;
      assert.ok(gap >= 3 && gap <= 15, `gap ${gap} s before step ${i}`);
    }
    for (const line of stage.calls.filter((call) => call.kind === 'line')) {
      const before = stage.calls.filter(
        (call) =>
          call.kind === 'typing' &&
          call.speaker === (line as { speaker: Speaker }).speaker &&
          call.second <= line.second,
      );
      const [started, stopped] = before.slice(-2);
      assert.equal(started?.kind === 'typing' && started.typing, true);
      assert.equal(stopped?.kind === 'typing' && !stopped.typing && stopped.second === line.second, true);
      const lead = line.second - started!.second;
      assert.ok(lead >= 1 && lead <= 2, `typing shows ${lead} s before the line`);
    }
    assert.equal(player.playing('c1'), false, 'done after the last step');
  });

  test('SMS lines come without typing; lines-only runs skip the acts', () => {
    const { stage, player, run } = setUp();
    player.play('s1', { ...chatScript, kind: 'sms' }, { ...play, linesOnly: true });
    run(120);
    assert.deepEqual(
      stage.calls.map((call) => call.kind),
      ['line', 'line', 'line'],
    );
  });

  test('a floor conversation waits while the live floor is paused; a lines-only one goes on', () => {
    let running = false;
    const { stage, player, run } = setUp({ floorRunning: () => running });
    player.play('floor', chatScript, play);
    player.play('control', { ...chatScript, kind: 'sms' }, { ...play, linesOnly: true });
    run(60);
    assert.equal(stage.calls.length, 3, 'only the lines-only conversation spoke');
    running = true;
    run(120);
    assert.equal(stage.calls.filter((call) => call.kind === 'act' && call.act === 'complete').length, 1);
  });

  test('a backdated conversation gets its past lines at once, stamped in the past, up to its first act', () => {
    const { stage, player } = setUp();
    player.play('w1', chatScript, { linesOnly: false, backdatedMs: 600_000, startedAt: 1_000_000 });
    const lines = stage.calls.filter((call) => call.kind === 'line');
    assert.deepEqual(
      lines.map((call) => (call.kind === 'line' ? call.text : '')),
      ['hello', 'question'],
    );
    const stamps = lines.map((call) => (call.kind === 'line' ? call.at : undefined) as number);
    assert.ok(stamps[0]! > 1_000_000 && stamps[1]! > stamps[0]! && stamps[1]! <= 1_600_000);
    assert.ok(!stage.calls.some((call) => call.kind === 'typing' || call.kind === 'act'));
  });

  test('a redelivery is retried while no agent is free, then given up with complete', () => {
    const { stage, player, run } = setUp();
    stage.refuse.add('redeliver');
    player.play(
      'q1',
      {
        topic: 'q',
        kind: 'sms',
        steps: [
          { say: 'customer', text: 'hi' },
          { act: 'requeue' },
          { act: 'redeliver' },
          { say: 'agent', text: 'never' },
        ],
      },
      play,
    );
    run(200);
    const redeliveries = stage.calls.filter((call) => call.kind === 'act' && call.act === 'redeliver').length;
    assert.equal(redeliveries, 61);
    assert.deepEqual(stage.calls.at(-1), { second: stage.calls.at(-1)!.second, kind: 'act', act: 'complete' });
    assert.ok(!stage.calls.some((call) => call.kind === 'line'));
  });

  test('a conversation that ended elsewhere is dropped; the same seed replays the same timing', () => {
    const { stage, player, run } = setUp();
    player.play('gone', chatScript, play);
    stage.live = false;
    run(60);
    assert.deepEqual(stage.calls, []);
    assert.equal(player.playing('gone'), false);

    const timing = (seed: number) => {
      const replay = setUp({ seed });
      replay.player.play('c', chatScript, play);
      replay.run(120);
      return replay.stage.calls.map((call) => `${call.second}:${call.kind}`);
    };
    assert.deepEqual(timing(5), timing(5));
    assert.notDeepEqual(timing(5), timing(6));
  });
});

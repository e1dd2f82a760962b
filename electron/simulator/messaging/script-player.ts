import type { Prng } from '../floor/prng';
import type { ConversationScript, ScriptAct, ScriptStep, Speaker } from './scripts';
import type { MessagingChannel } from './supervision-rules';

/** What a script does to its conversation; false when it cannot happen now (nobody to speak, no agent free). */
export interface ScriptStage {
  line(conversationId: string, speaker: Speaker, text: string, at?: number): boolean;
  typing(conversationId: string, speaker: Speaker, typing: boolean): boolean;
  act(conversationId: string, act: ScriptAct): boolean;
  isLive(conversationId: string): boolean;
}

export interface ScriptPlayerOptions {
  readonly stage: ScriptStage;
  readonly prng: Prng;
  /** Conversations the floor started play only while the live floor runs. */
  readonly floorRunning: () => boolean;
}

export interface PlayOptions {
  /** Lines only: the conversation's agents and end are left to whoever started it. */
  readonly linesOnly: boolean;
  /** The conversation began this long ago (the floor's warm-up): lines up to now are already written. */
  readonly backdatedMs: number;
  /** Epoch ms the conversation started at; backdated lines are stamped from it. */
  readonly startedAt: number;
}

interface Run {
  readonly conversationId: string;
  readonly kind: MessagingChannel;
  readonly steps: readonly ScriptStep[];
  readonly linesOnly: boolean;
  next: number;
  dueAt: number;
  typingShownBy: Speaker | null;
  /** Seconds a redelivery has waited for a free agent. */
  waited: number;
}

/**
 * How long a person takes before a step, in seconds: reading, thinking and typing grow with the
 * text, and people answer a text message more slowly than a chat window. A conversation lasts a
 * couple of minutes.
 */
function delayRange(step: ScriptStep, kind: MessagingChannel): readonly [number, number] {
  if ('act' in step) return step.act === 'redeliver' ? [6, 15] : [3, 6];
  const typing = Math.min(5, Math.floor(step.text.length / 20));
  if (step.say === 'customer') return kind === 'sms' ? [8 + typing, 16 + typing] : [5 + typing, 10 + typing];
  return [4 + typing, 9 + typing];
}

const typingLeadSeconds = 2;
/** A requeued conversation nobody can take for this long is given up (the customer leaves). */
const longestRedeliveryWait = 60;

/**
 * Plays scripted conversations, one step every few seconds, on its own one-second tick. Every
 * decision comes from the seeded PRNG and the order of the conversations, never from the clock.
 */
export class ScriptPlayer {
  private readonly runs = new Map<string, Run>();
  private readonly stage: ScriptStage;
  private readonly prng: Prng;
  private readonly floorRunning: () => boolean;
  private second = 0;

  constructor(options: ScriptPlayerOptions) {
    this.stage = options.stage;
    this.prng = options.prng;
    this.floorRunning = options.floorRunning;
  }

  /** Starts after the opening line (steps[0], which the conversation already has). */
  play(conversationId: string, script: ConversationScript, options: PlayOptions): void {
    const run: Run = {
      conversationId,
      kind: script.kind,
      steps: script.steps,
      linesOnly: options.linesOnly,
      next: 1,
      dueAt: 0,
      typingShownBy: null,
      waited: 0,
    };
    this.fastForward(run, options);
    run.dueAt = this.second + this.delayBefore(run);
    this.runs.set(conversationId, run);
  }

  stop(conversationId: string): void {
    this.runs.delete(conversationId);
  }

  playing(conversationId: string): boolean {
    return this.runs.has(conversationId);
  }

  tick(): void {
    this.second += 1;
    for (const run of [...this.runs.values()]) {
      if (!this.stage.isLive(run.conversationId)) {
        this.runs.delete(run.conversationId);
        continue;
      }
      if (!run.linesOnly && !this.floorRunning()) {
        run.dueAt += 1;
        continue;
      }
      this.advance(run);
    }
  }

  private advance(run: Run): void {
    const step = run.steps[run.next];
    if (!step) {
      this.runs.delete(run.conversationId);
      return;
    }
    if (
      'say' in step &&
      run.kind === 'chat' &&
      run.typingShownBy === null &&
      this.second >= run.dueAt - typingLeadSeconds
    ) {
      if (this.stage.typing(run.conversationId, step.say, true)) run.typingShownBy = step.say;
    }
    if (this.second < run.dueAt) return;
    if ('say' in step) {
      if (run.typingShownBy !== null) this.stage.typing(run.conversationId, run.typingShownBy, false);
      run.typingShownBy = null;
      this.stage.line(run.conversationId, step.say, step.text);
    } else if (!run.linesOnly && !this.stage.act(run.conversationId, step.act)) {
      if (step.act === 'redeliver' && run.waited < longestRedeliveryWait) {
        run.waited += 1;
        run.dueAt = this.second + 1;
        return;
      }
      if (step.act === 'redeliver') {
        this.stage.act(run.conversationId, 'complete');
        this.runs.delete(run.conversationId);
        return;
      }
    }
    run.next += 1;
    if (!this.stage.isLive(run.conversationId) || run.next >= run.steps.length) {
      this.runs.delete(run.conversationId);
      return;
    }
    run.dueAt = this.second + this.delayBefore(run);
  }

  /** Writes, with their times in the past, the lines a backdated conversation has had so far. */
  private fastForward(run: Run, options: PlayOptions): void {
    let elapsedMs = 0;
    for (let step = run.steps[run.next]; step && 'say' in step; step = run.steps[run.next]) {
      const [min, max] = delayRange(step, run.kind);
      const nextMs = elapsedMs + this.prng.int(min, max) * 1000;
      if (nextMs > options.backdatedMs) return;
      elapsedMs = nextMs;
      this.stage.line(run.conversationId, step.say, step.text, options.startedAt + elapsedMs);
      run.next += 1;
    }
  }

  private delayBefore(run: Run): number {
    const step = run.steps[run.next];
    if (!step) return 1;
    const [min, max] = delayRange(step, run.kind);
    return this.prng.int(min, max);
  }
}

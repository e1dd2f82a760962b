import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FloorModel, type FloorEvent } from '../../../../electron/simulator/floor/floor-model';
import { InteractionIds } from '../../../../electron/simulator/floor/interaction-ids';
import { LiveFloor, floorTimings, maxTextInteractions } from '../../../../electron/simulator/floor/live-floor';

const agentIds = ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10', 'a11', 'a12'];

interface TickedEvent {
  readonly tick: number;
  readonly event: FloorEvent;
}

/** Runs the floor on a virtual clock: one tick is one floor second. */
function run(
  seed: number,
  ticks: number,
  options: { warmUp?: boolean; onTick?: (tick: number, floor: FloorModel) => void } = {},
) {
  let nowMs = 1_700_000_000_000;
  const floor = new FloorModel({
    userIds: agentIds,
    initial: new Map(agentIds.map((id, index) => [id, { kind: index >= 10 ? 'LoggedOut' : 'Ready' } as const])),
    ids: new InteractionIds(seed),
    now: () => nowMs,
  });
  const live = new LiveFloor({ model: floor, agentIds, seed });
  const trace: TickedEvent[] = [];
  let tick = 0;
  floor.subscribe((event) => trace.push({ tick, event }));
  if (options.warmUp) live.warmUp();
  for (tick = 1; tick <= ticks; tick++) {
    nowMs += 1000;
    live.tick();
    options.onTick?.(tick, floor);
  }
  return { floor, trace };
}

function summary(trace: readonly TickedEvent[]): string[] {
  return trace.map(({ tick, event }) => {
    if (event.type === 'stateChanged')
      return `${tick} ${event.userId} ${event.status.kind}${event.status.reason ? `/${event.status.reason}` : ''}`;
    return `${tick} ${event.type} ${event.interaction.kind} ${event.interaction.id} ${event.interaction.agentId}`;
  });
}

function within(value: number, [min, max]: readonly [number, number]): boolean {
  return value >= min && value <= max;
}

describe('LiveFloor', () => {
  test('the same seed replays the same floor, event for event; another seed does not', () => {
    const first = summary(run(1, 600, { warmUp: true }).trace);
    const second = summary(run(1, 600, { warmUp: true }).trace);
    assert.deepEqual(first, second);
    assert.notDeepEqual(summary(run(2, 600, { warmUp: true }).trace), first);
  });

  test('calls ring 1–3 s, last 20–90 s and are followed by 5–15 s of after-call work', () => {
    const { trace } = run(3, 1800);
    const offered = new Map<string, number>();
    const established = new Map<string, number>();
    const acwStarted = new Map<string, number>();
    let calls = 0;
    let wrapUps = 0;
    for (const { tick, event } of trace) {
      if (event.type === 'interactionStarted' && event.interaction.kind === 'call')
        offered.set(event.interaction.id, tick);
      if (event.type === 'callEstablished') {
        assert.ok(within(tick - offered.get(event.interaction.id)!, floorTimings.ringing), 'ringing time');
        established.set(event.interaction.id, tick);
      }
      if (event.type === 'interactionEnded' && event.interaction.kind === 'call') {
        assert.ok(within(tick - established.get(event.interaction.id)!, floorTimings.call), 'call duration');
        calls += 1;
      }
      if (event.type === 'stateChanged' && event.status.kind === 'AfterCallWork') acwStarted.set(event.userId, tick);
      if (event.type === 'stateChanged' && event.previous.kind === 'AfterCallWork' && acwStarted.has(event.userId)) {
        assert.ok(within(tick - acwStarted.get(event.userId)!, floorTimings.afterCallWork), 'after-call work');
        assert.equal(event.status.kind, 'Ready');
        wrapUps += 1;
      }
    }
    assert.ok(calls >= agentIds.length, `calls: ${calls}`);
    assert.ok(wrapUps >= agentIds.length, `wrap-ups: ${wrapUps}`);
  });

  test('chats and SMS sessions come and go, at most three of each per agent', () => {
    let peakChats = 0;
    let peakSms = 0;
    const { trace } = run(4, 1800, {
      warmUp: true,
      onTick: (_tick, floor) => {
        for (const id of agentIds) {
          peakChats = Math.max(peakChats, floor.interactionsOf(id, 'chat').length);
          peakSms = Math.max(peakSms, floor.interactionsOf(id, 'sms').length);
        }
      },
    });
    assert.ok(peakChats >= 1 && peakChats <= maxTextInteractions);
    assert.ok(peakSms >= 1 && peakSms <= maxTextInteractions);
    const ended = trace.filter(({ event }) => event.type === 'interactionEnded' && event.interaction.kind !== 'call');
    assert.ok(ended.length >= 10, `ended chats/SMS: ${ended.length}`);
  });

  test('the floor stays busy: breaks with reasons, logouts and logins, something new every few seconds', () => {
    const { trace } = run(1, 1800, { warmUp: true });
    const states = trace.flatMap(({ event }) => (event.type === 'stateChanged' ? [event] : []));
    assert.ok(states.some((event) => event.status.kind === 'NotReady' && event.status.reason !== null));
    assert.ok(states.some((event) => event.status.kind === 'LoggedOut'));
    assert.ok(states.some((event) => event.previous.kind === 'LoggedOut'));
    const busyTicks = new Set(trace.map(({ tick }) => tick));
    let longestQuiet = 0;
    let quiet = 0;
    for (let tick = 1; tick <= 1800; tick++) {
      quiet = busyTicks.has(tick) ? 0 : quiet + 1;
      longestQuiet = Math.max(longestQuiet, quiet);
    }
    assert.ok(trace.length / 1800 >= 0.5, `changes per second: ${trace.length / 1800}`);
    assert.ok(longestQuiet <= 2, `longest quiet spell: ${longestQuiet} s`);
  });

  test('a state set from outside is picked up: a NotReady agent comes back Ready in 15–60 s', () => {
    let setAt = 0;
    let backAt = 0;
    run(5, 200, {
      onTick: (tick, floor) => {
        if (tick === 10) {
          floor.setState('a01', 'NotReady', 'Meeting');
          setAt = tick;
        } else if (setAt > 0 && backAt === 0 && floor.status('a01')?.kind !== 'NotReady') {
          backAt = tick;
        }
      },
    });
    assert.ok(backAt > 0);
    assert.ok(within(backAt - setAt, floorTimings.notReady), `back after ${backAt - setAt} s`);
  });

  test('start and pause drive the timer; pause leaves nothing scheduled', () => {
    const floor = new FloorModel({ userIds: agentIds, initial: new Map(), ids: new InteractionIds(1), now: () => 0 });
    const live = new LiveFloor({ model: floor, agentIds, seed: 1, tickMs: 60_000 });
    assert.equal(live.running, false);
    live.start();
    live.start();
    assert.equal(live.running, true);
    live.pause();
    assert.equal(live.running, false);
  });
});

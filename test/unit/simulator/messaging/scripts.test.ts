import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  conversationScripts,
  isPlainScript,
  scriptsFor,
  type ScriptStep,
} from '../../../../electron/simulator/messaging/scripts';

const acts = (steps: readonly ScriptStep[]) => steps.flatMap((step) => ('act' in step ? [step.act] : []));

describe('conversation scripts', () => {
  test('each opens with the customer and ends with complete', () => {
    for (const script of conversationScripts) {
      const [first] = script.steps;
      assert.ok(first && 'say' in first && first.say === 'customer', `${script.topic} opens with the customer`);
      assert.deepEqual(script.steps.at(-1), { act: 'complete' }, `${script.topic} ends with complete`);
    }
  });

  test('lines are non-empty and use only the known placeholders', () => {
    for (const script of conversationScripts) {
      for (const step of script.steps) {
        if (!('say' in step)) continue;
        assert.ok(step.text.trim().length > 0, script.topic);
        for (const [placeholder] of step.text.matchAll(/\{[^}]*\}/g)) {
          assert.ok(
            ['{customer}', '{agent}', '{second}', '{ref}'].includes(placeholder),
            `${script.topic}: ${placeholder}`,
          );
        }
      }
    }
  });

  test('a colleague speaks only between joining and leaving; a requeue is followed by a redelivery', () => {
    for (const script of conversationScripts) {
      let colleagueIn = false;
      script.steps.forEach((step, position) => {
        if ('say' in step && step.say === 'second')
          assert.ok(colleagueIn, `${script.topic}: the colleague speaks before joining`);
        if (!('act' in step)) return;
        if (step.act === 'join') colleagueIn = true;
        if (step.act === 'leaveSecond') colleagueIn = false;
        if (step.act === 'requeue') assert.deepEqual(script.steps[position + 1], { act: 'redeliver' }, script.topic);
      });
      assert.equal(colleagueIn, false, `${script.topic}: the colleague leaves before the end`);
    }
  });

  test('both channels have plain scripts and every plot: a colleague joining, a transfer, a requeue', () => {
    for (const kind of ['chat', 'sms'] as const) {
      const scripts = scriptsFor(kind);
      assert.ok(scripts.every((script) => script.kind === kind));
      const plain = scriptsFor(kind, { plainOnly: true });
      assert.ok(plain.length >= 3, `${kind}: plain scripts`);
      assert.ok(plain.length > scripts.length / 2, `${kind}: most conversations simply complete`);
      assert.ok(plain.every(isPlainScript));
      for (const plot of ['join', 'transfer', 'requeue'] as const) {
        assert.ok(
          scripts.some((script) => acts(script.steps).includes(plot)),
          `${kind}: a ${plot} script`,
        );
      }
    }
  });

  test('SMS customers do not type or leave: SMS scripts have no customerLeaves', () => {
    for (const script of scriptsFor('sms')) assert.ok(!acts(script.steps).includes('customerLeaves'), script.topic);
  });
});

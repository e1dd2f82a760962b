import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  commandKeys,
  dismissCommand,
  failureOf,
  finishCommand,
  isSending,
  pruneCommands,
  startCommand,
} from '../../../../../renderer/ui/store/command-status';

const refusal = { code: 'gws-refused' as const, message: 'The contact center refused.' };

describe('command statuses', () => {
  test('a command is sending until it succeeds, then forgotten', () => {
    const sending = startCommand({}, 'subscription', 1);
    assert.equal(isSending(sending, 'subscription'), true);
    assert.deepEqual(finishCommand(sending, 'subscription', 1, null), {});
  });

  test('a failure stays until dismissed', () => {
    const failed = finishCommand(startCommand({}, 'devices', 1), 'devices', 1, refusal);
    assert.equal(isSending(failed, 'devices'), false);
    assert.equal(failureOf(failed, 'devices'), refusal);
    assert.deepEqual(dismissCommand(failed, 'devices'), {});
    const untouched = {};
    assert.equal(dismissCommand(untouched, 'devices'), untouched);
  });

  test('the answer to a superseded command changes nothing', () => {
    const first = startCommand({}, 'call:c1', 1);
    const second = startCommand(first, 'call:c1', 2);
    assert.equal(finishCommand(second, 'call:c1', 1, refusal), second);
    assert.deepEqual(finishCommand(second, 'call:c1', 2, null), {});
  });

  test('pruning keeps the same object when nothing goes', () => {
    const statuses = startCommand(startCommand({}, 'a', 1), 'b', 2);
    assert.equal(
      pruneCommands(statuses, () => true),
      statuses,
    );
    assert.deepEqual(Object.keys(pruneCommands(statuses, (key) => key === 'b')), ['b']);
  });

  test('hanging up has its own key, apart from the call’s other commands', () => {
    assert.notEqual(commandKeys.hangUp('c1'), commandKeys.call('c1'));
    assert.equal(commandKeys.call('c1'), 'call:c1');
  });
});

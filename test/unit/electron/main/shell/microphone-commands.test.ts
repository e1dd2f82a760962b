import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { err, ok, type Result } from '../../../../../electron/common/result';
import { askingForMicrophoneFirst, opensMicrophone } from '../../../../../electron/main/shell/microphone-commands';

describe('opensMicrophone', () => {
  test('Barge in, monitoring in Coach or Barge in, and answering an ordinary call may open it', () => {
    assert.equal(opensMicrophone('voice:switchMode', { callId: 'c1', mode: 'BargeIn' }), true);
    assert.equal(opensMicrophone('voice:monitor', { agentId: 'a1', mode: 'Coach' }), true);
    assert.equal(opensMicrophone('voice:monitor', { agentId: 'a1', mode: 'BargeIn' }), true);
    assert.equal(opensMicrophone('voice:answerIncoming', { callId: 'c1' }), true);
  });

  test('silent listening, chat and SMS, and anything unreadable never do', () => {
    assert.equal(opensMicrophone('voice:switchMode', { callId: 'c1', mode: 'ListenIn' }), false);
    assert.equal(opensMicrophone('voice:monitor', { agentId: 'a1', mode: 'ListenIn' }), false);
    assert.equal(opensMicrophone('messaging:switchMode', { conversationId: 'x', mode: 'BargeIn' }), false);
    assert.equal(opensMicrophone('voice:hangUp', { callId: 'c1' }), false);
    assert.equal(opensMicrophone('voice:switchMode', null), false);
    assert.equal(opensMicrophone('voice:switchMode', 'BargeIn'), false);
  });
});

describe('askingForMicrophoneFirst', () => {
  const recorder = () => {
    const calls: string[] = [];
    const invoke = async (channel: unknown): Promise<Result<unknown>> => {
      calls.push(String(channel));
      return ok(null);
    };
    return { calls, invoke };
  };

  test('asks before a command that may open the microphone, and not before others', async () => {
    const { calls, invoke } = recorder();
    let asked = 0;
    const guarded = askingForMicrophoneFirst(invoke, async () => {
      asked += 1;
      return ok(null);
    });
    assert.deepEqual(await guarded('voice:switchMode', { callId: 'c1', mode: 'ListenIn' }), ok(null));
    assert.equal(asked, 0);
    assert.deepEqual(await guarded('voice:switchMode', { callId: 'c1', mode: 'BargeIn' }), ok(null));
    assert.equal(asked, 1);
    assert.deepEqual(calls, ['voice:switchMode', 'voice:switchMode']);
  });

  test('a refusal stops the command and comes back as its result', async () => {
    const { calls, invoke } = recorder();
    const refusal = err('invalid-input', 'Allow Earshot in System Settings.');
    const guarded = askingForMicrophoneFirst(invoke, async () => refusal);
    assert.deepEqual(await guarded('voice:monitor', { agentId: 'a1', mode: 'Coach' }), refusal);
    assert.deepEqual(calls, []);
  });
});

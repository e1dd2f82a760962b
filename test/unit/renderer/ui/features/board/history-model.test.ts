import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditChannelSchema } from '../../../../../../electron/common/models/audit';
import { historyEndingSchema } from '../../../../../../electron/common/models/history';
import {
  describeHistoryEnding,
  describeYouDid,
  historyChannelLabels,
} from '../../../../../../renderer/ui/features/board/history-model';

describe('describeYouDid', () => {
  test('says each activity with main’s time in it, in main’s order', () => {
    assert.deepEqual(
      describeYouDid({
        youDid: [
          { activity: 'listened', ms: 130_000 },
          { activity: 'coached', ms: 45_400 },
        ],
      }),
      {
        text: 'Listened 2:10 · Coached 0:45',
        label: 'Listened 2 minutes 10 seconds, coached 45 seconds',
      },
    );
    assert.equal(describeYouDid({ youDid: [{ activity: 'barged-in', ms: 3_600_000 }] }).text, 'Barged in 1:00:00');
    assert.equal(describeYouDid({ youDid: [{ activity: 'talked', ms: 5_000 }] }).text, 'Talked 0:05');
  });

  test('nothing recorded says so', () => {
    assert.deepEqual(describeYouDid({ youDid: [] }), { text: '—', label: 'Nothing recorded' });
  });
});

describe('describeHistoryEnding', () => {
  test('in the supervisor’s words, never Genesys’s, with the reason main kept', () => {
    const words = (
      channel: 'voice' | 'chat' | 'sms',
      ending: Parameters<typeof describeHistoryEnding>[0]['ending'],
      endingDetail: string | null = null,
      transferredTo: string | null = null,
    ) => describeHistoryEnding({ channel, ending, endingDetail, transferredTo });
    assert.deepEqual(words('voice', 'ended', 'The monitored call ended.'), {
      label: 'Call ended',
      detail: 'The monitored call ended.',
    });
    assert.equal(words('chat', 'ended').label, 'Chat ended');
    assert.deepEqual(words('chat', 'requeued'), {
      label: 'Back in queue',
      detail: 'The customer was left waiting for the next agent.',
    });
    assert.deepEqual(words('voice', 'transferred', 'Marcus transferred the call to Ava.', 'Ava Reed'), {
      label: 'Transferred to Ava Reed',
      detail: 'Marcus transferred the call to Ava.',
    });
    assert.equal(words('voice', 'transferred').label, 'Transferred');
    assert.equal(words('chat', 'you-left').label, 'You left');
    assert.equal(words('voice', 'you-hung-up').label, 'You hung up');
    assert.equal(words('voice', 'signed-out', 'You signed out.').label, 'You signed out');
    assert.deepEqual(words('voice', 'audio-lost', 'The audio window was closed.'), {
      label: 'Audio lost',
      detail: 'The audio window was closed.',
    });
    assert.equal(words('chat', 'earshot-closed').label, 'Earshot closed');
    for (const channel of auditChannelSchema.options) {
      for (const ending of historyEndingSchema.options) {
        assert.doesNotMatch(words(channel, ending).label, /Revoked|Completed|Released/);
      }
    }
    assert.deepEqual(historyChannelLabels, { voice: 'Call', chat: 'Chat', sms: 'SMS' });
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyTargetCall } from '../../../../../electron/common/models/voice-targets';
import { makeCall } from '../../../renderer/ui/fixtures';

describe('keyTargetCall', () => {
  test('prefers the newest connected call, then the newest one being set up', () => {
    const older = makeCall({ id: 'old', startedAt: 1 });
    const newer = makeCall({ id: 'new', startedAt: 2 });
    const ringing = makeCall({ id: 'ringing', state: 'ringing', startedAt: 3 });
    const connecting = makeCall({ id: 'connecting', state: 'connecting', startedAt: 4 });
    assert.equal(keyTargetCall([older, connecting, newer])?.id, 'new');
    assert.equal(keyTargetCall([older, ringing, newer])?.id, 'new');
    assert.equal(keyTargetCall([ringing, connecting])?.id, 'connecting');
    assert.equal(keyTargetCall([]), null);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideIncomingCall, MATCH_WINDOW_MS } from '../../../../../electron/main/sip/auto-answer-policy';

const monitoring = { monitoringCallUuids: new Set(['UUID-1']), subscriptionActive: true };

describe('only INVITEs that match this supervisor’s monitoring are answered by themselves', () => {
  test('a matching CallUUID is answered', () => {
    assert.equal(decideIncomingCall({ genesysCallUuid: 'UUID-1', waitedMs: 0 }, monitoring), 'answer');
  });

  test('an unknown CallUUID waits briefly for GWS while monitoring is on, then rings', () => {
    assert.equal(decideIncomingCall({ genesysCallUuid: 'UUID-2', waitedMs: 0 }, monitoring), 'wait');
    assert.equal(decideIncomingCall({ genesysCallUuid: 'UUID-2', waitedMs: MATCH_WINDOW_MS }, monitoring), 'ring');
  });

  test('no CallUUID, or no monitoring at all, rings at once', () => {
    assert.equal(decideIncomingCall({ genesysCallUuid: null, waitedMs: 0 }, monitoring), 'ring');
    assert.equal(
      decideIncomingCall(
        { genesysCallUuid: 'UUID-1', waitedMs: 0 },
        { monitoringCallUuids: new Set(), subscriptionActive: false },
      ),
      'ring',
    );
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSip } from '../../../../../../renderer/ui/features/header/sip-view';

const address = 'sip:5900@demo.earshot.local';

describe('describeSip', () => {
  test('registered is good and names the address in the tooltip', () => {
    const view = describeSip({ registration: 'registered', reason: null, address });
    assert.equal(view.tone, 'good');
    assert.equal(view.label, 'Phone ready');
    assert.equal(view.reason, null);
    assert.match(view.title, /sip:5900@demo\.earshot\.local/);
  });

  test('connecting is a warning without alarm', () => {
    const view = describeSip({ registration: 'connecting', reason: null, address: null });
    assert.equal(view.tone, 'warning');
    assert.equal(view.label, 'Phone connecting…');
  });

  test('failed shows its reason beside the label and says what it means', () => {
    const view = describeSip({ registration: 'failed', reason: ' 403 Forbidden ', address });
    assert.equal(view.tone, 'bad');
    assert.equal(view.label, 'Phone failed');
    assert.equal(view.reason, '403 Forbidden');
    assert.match(view.title, /403 Forbidden\. Monitored calls cannot reach you\./);
    assert.match(describeSip({ registration: 'failed', reason: '', address }).title, /no reason given/);
  });

  test('a reason that is a whole sentence does not double the period in the tooltip', () => {
    for (const registration of ['failed', 'unregistered', 'connecting'] as const) {
      const view = describeSip({
        registration,
        reason: 'The server refused the password (401 Unauthorized).',
        address,
      });
      assert.doesNotMatch(view.title, /\.\./, registration);
      assert.match(view.title, /\(401 Unauthorized\)[.:]?/, registration);
    }
  });

  test('unregistered is neutral and still truthful', () => {
    const view = describeSip({ registration: 'unregistered', reason: null, address: null });
    assert.equal(view.tone, 'neutral');
    assert.equal(view.label, 'Phone off');
    assert.match(view.title, /Monitored calls cannot reach you/);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppStore } from '../../../../../renderer/ui/store/app-store';

describe('feedback', () => {
  test('a newer toast replaces an older one, and the older one’s timer cannot hide it', () => {
    const store = createAppStore({ theme: 'system' });
    const { showToast, hideToast } = store.getState().feedbackActions;
    const first = showToast('Copied');
    const second = showToast('Saved', 'warning');
    hideToast(first);
    assert.deepEqual(store.getState().feedback.toast, { id: second, message: 'Saved', tone: 'warning' });
    hideToast(second);
    assert.equal(store.getState().feedback.toast, null);
  });

  test('the copy fallback holds its text until closed', () => {
    const store = createAppStore({ theme: 'system' });
    store.getState().feedbackActions.showCopyFallback('diagnostics');
    assert.equal(store.getState().feedback.copyFallback, 'diagnostics');
    store.getState().feedbackActions.showCopyFallback(null);
    assert.equal(store.getState().feedback.copyFallback, null);
  });
});

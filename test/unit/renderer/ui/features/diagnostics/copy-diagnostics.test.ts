import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyDiagnostics } from '../../../../../../renderer/ui/features/diagnostics/copy-diagnostics';
import { err, ok } from '../../../../../../electron/common/result';

function recorder() {
  const toasts: Array<{ message: string; tone: string | undefined }> = [];
  const fallbacks: Array<string | null> = [];
  return {
    toasts,
    fallbacks,
    feedback: {
      showToast: (message: string, tone?: 'info' | 'warning') => {
        toasts.push({ message, tone });
        return toasts.length;
      },
      showCopyFallback: (text: string | null) => {
        fallbacks.push(text);
      },
    },
  };
}

describe('copyDiagnostics', () => {
  test('puts the text on the clipboard and says so', async () => {
    const written: string[] = [];
    const seen = recorder();
    const outcome = await copyDiagnostics(
      async () => ok({ text: 'Earshot 0.1.0' }),
      { writeText: async (text) => void written.push(text) },
      seen.feedback,
    );
    assert.equal(outcome, 'copied');
    assert.deepEqual(written, ['Earshot 0.1.0']);
    assert.equal(seen.toasts.length, 1);
    assert.deepEqual(seen.fallbacks, []);
  });

  test('a refused or missing clipboard shows the text to copy by hand', async () => {
    const refused = recorder();
    const refusing = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    assert.equal(await copyDiagnostics(async () => ok({ text: 'diag' }), refusing, refused.feedback), 'fallback');
    assert.deepEqual(refused.fallbacks, ['diag']);
    assert.deepEqual(refused.toasts, []);

    const missing = recorder();
    assert.equal(await copyDiagnostics(async () => ok({ text: 'diag' }), null, missing.feedback), 'fallback');
    assert.deepEqual(missing.fallbacks, ['diag']);
  });

  test('when main cannot gather them, says why and touches no clipboard', async () => {
    const seen = recorder();
    let touched = false;
    const outcome = await copyDiagnostics(
      async () => err('internal', 'The log folder could not be read.'),
      { writeText: async () => void (touched = true) },
      seen.feedback,
    );
    assert.equal(outcome, 'failed');
    assert.equal(touched, false);
    assert.match(seen.toasts[0]?.message ?? '', /log folder could not be read/);
    assert.equal(seen.toasts[0]?.tone, 'warning');
  });
});

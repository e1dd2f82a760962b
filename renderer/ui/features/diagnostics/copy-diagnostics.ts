import type { Result } from '../../../../electron/common/result';
import type { FeedbackActions } from '../../store/app-store';

/** The part of the Clipboard API used; absent where the page has none. */
export interface TextClipboard {
  writeText(text: string): Promise<void>;
}

export type CopyOutcome = 'copied' | 'fallback' | 'failed';

/**
 * Gathers the diagnostics and puts them on the clipboard. A clipboard that is missing or refuses
 * (no permission, window not focused) leaves the text to copy by hand, shown selected.
 */
export async function copyDiagnostics(
  getDiagnostics: () => Promise<Result<{ text: string }>>,
  clipboard: TextClipboard | null,
  feedback: Pick<FeedbackActions, 'showToast' | 'showCopyFallback'>,
): Promise<CopyOutcome> {
  const result = await getDiagnostics();
  if (!result.ok) {
    feedback.showToast(`The diagnostics could not be gathered. ${result.error.message}`, 'warning');
    return 'failed';
  }
  if (clipboard !== null) {
    try {
      await clipboard.writeText(result.value.text);
      feedback.showToast('Copied diagnostics to the clipboard');
      return 'copied';
    } catch {
      // Refused: the text is shown to copy by hand instead.
    }
  }
  feedback.showCopyFallback(result.value.text);
  return 'fallback';
}

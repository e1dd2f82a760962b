/**
 * Short answers to what the supervisor just did that belong to no one control: "Copied", a setting
 * that could not be saved, and the text to copy by hand when the clipboard was refused.
 */
export interface Toast {
  /** A newer toast replaces an older one; hiding by id keeps an old timer from hiding the new one. */
  readonly id: number;
  readonly message: string;
  readonly tone: 'info' | 'warning';
}

export interface FeedbackState {
  readonly toast: Toast | null;
  /** Text the clipboard refused, shown selected so the supervisor can copy it themselves. */
  readonly copyFallback: string | null;
}

export const emptyFeedback: FeedbackState = { toast: null, copyFallback: null };

import { useEffect, useRef } from 'react';
import { CloseIcon } from '../../components/icons';
import { useAppStore } from '../../store/store-context';
import './diagnostics.css';

/** The clipboard said no: the text, selected, for the supervisor to copy with the keyboard. */
export function CopyFallbackDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const text = useAppStore((state) => state.feedback.copyFallback);
  const showCopyFallback = useAppStore((state) => state.feedbackActions.showCopyFallback);
  const mac = typeof navigator !== 'undefined' && /^mac/i.test(navigator.platform);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (text !== null && !element.open) element.showModal();
    if (text === null && element.open) element.close();
    if (text !== null) {
      textArea.current?.focus();
      textArea.current?.select();
    }
  }, [text]);

  return (
    <dialog
      ref={dialog}
      className="copy-fallback"
      aria-labelledby="copy-fallback-title"
      data-testid="copy-fallback"
      onClose={() => showCopyFallback(null)}
    >
      {text !== null && (
        <>
          <div className="copy-fallback__head">
            <h2 id="copy-fallback-title" className="copy-fallback__title">
              Copy diagnostics
            </h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Close"
              title="Close"
              onClick={() => showCopyFallback(null)}
            >
              <CloseIcon width={14} height={14} />
            </button>
          </div>
          <p className="copy-fallback__hint">
            Earshot could not use the clipboard. The text is selected: press {mac ? '⌘C' : 'Ctrl+C'} to copy it.
          </p>
          <textarea
            ref={textArea}
            className="copy-fallback__text"
            readOnly
            value={text}
            spellCheck={false}
            aria-label="Diagnostics"
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </dialog>
  );
}

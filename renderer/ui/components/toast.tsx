import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/store-context';

const SHOWN_MS = 3500;

/**
 * One short message at the bottom of the window, gone by itself; a newer one replaces it. It is a
 * manual popover so it shows above an open dialog (the settings panel) as well as above the page.
 */
export function ToastHost() {
  const region = useRef<HTMLDivElement>(null);
  const toast = useAppStore((state) => state.feedback.toast);
  const hideToast = useAppStore((state) => state.feedbackActions.hideToast);

  useEffect(() => {
    const element = region.current;
    if (element === null) return;
    if (element.matches(':popover-open')) element.hidePopover();
    if (toast === null) return;
    // Shown again for each toast, so it goes above whatever dialog opened since.
    element.showPopover();
    const timer = setTimeout(() => hideToast(toast.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast, hideToast]);

  return (
    <div ref={region} popover="manual" className="toast-region" role="status" aria-live="polite">
      {toast !== null && (
        <div key={toast.id} className={`toast toast--${toast.tone}`} data-testid="toast">
          {toast.message}
        </div>
      )}
    </div>
  );
}

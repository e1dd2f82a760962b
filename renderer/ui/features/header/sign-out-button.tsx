import { useRef, useState } from 'react';
import { describeLiveMonitoring } from '../../../../electron/common/models/live-monitoring';
import type { LiveMonitoring } from '../../../../electron/common/models/live-monitoring';
import type { AppError } from '../../../../electron/common/result';
import { useAppStore, useAppStoreApi, useCommands } from '../../store/store-context';

/** Signing out ends every monitored call and conversation, so while any is live it asks first, naming them. */
export function SignOutButton({ onError }: { onError: (error: AppError | null) => void }) {
  const commands = useCommands();
  const dialog = useRef<HTMLDialogElement>(null);
  const signingOut = useAppStore((state) => state.mirror.app?.connection.status === 'signing-out');
  const [pending, setPending] = useState(false);
  const [asked, setAsked] = useState<LiveMonitoring | null>(null);
  const store = useAppStoreApi();

  const signOut = async () => {
    dialog.current?.close();
    onError(null);
    setPending(true);
    const result = await commands.signOut();
    setPending(false);
    if (!result.ok) onError(result.error);
  };

  const askOrSignOut = () => {
    // Read at the click, not on every render: the header need not wake for each chat line.
    const app = store.getState().mirror.app;
    const live = app === null ? null : describeLiveMonitoring(app.voice.calls, app.messaging.conversations);
    if (live === null) {
      void signOut();
      return;
    }
    setAsked(live);
    dialog.current?.showModal();
  };

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="sign-out"
        onClick={askOrSignOut}
        disabled={pending || signingOut}
      >
        {pending || signingOut ? 'Signing out…' : 'Sign out'}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby="sign-out-title"
        aria-describedby="sign-out-detail"
        data-testid="sign-out-confirm"
        onClose={() => setAsked(null)}
      >
        {asked !== null && (
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault();
              void signOut();
            }}
          >
            <h2 id="sign-out-title" className="confirm-dialog__title">
              {asked.someoneHearsYou ? 'Sign out while someone can hear or see you?' : 'Sign out while monitoring?'}
            </h2>
            <p id="sign-out-detail" className="confirm-dialog__detail" data-testid="sign-out-ends">
              Signing out ends {asked.text} for you. They go on for the agents and customers.
            </p>
            <div className="confirm-dialog__actions">
              <button type="button" className="button" autoFocus onClick={() => dialog.current?.close()}>
                Stay signed in
              </button>
              <button type="submit" className="button button--danger" data-testid="sign-out-confirm-button">
                Sign out and end {asked.text}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

import { useState } from 'react';
import { CopyIcon } from '../../components/icons';
import { useAppStoreApi, useCommands } from '../../store/store-context';
import { copyDiagnostics } from './copy-diagnostics';
import type { TextClipboard } from './copy-diagnostics';

function pageClipboard(): TextClipboard | null {
  return typeof navigator !== 'undefined' && navigator.clipboard ? navigator.clipboard : null;
}

/** What support needs to see a problem: versions, connection, recent log lines (never passwords). */
export function CopyDiagnosticsButton({ className = 'button' }: { className?: string }) {
  const commands = useCommands();
  const store = useAppStoreApi();
  const [busy, setBusy] = useState(false);
  const copy = async () => {
    setBusy(true);
    await copyDiagnostics(commands.getDiagnostics, pageClipboard(), store.getState().feedbackActions);
    setBusy(false);
  };
  return (
    <button
      type="button"
      className={className}
      data-testid="copy-diagnostics"
      disabled={busy}
      title="Copies versions, connection state and recent log lines (no passwords), to paste to your support team"
      onClick={() => void copy()}
    >
      <CopyIcon width={14} height={14} />
      Copy diagnostics
    </button>
  );
}

import { useState } from 'react';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore, useCommands } from '../../store/store-context';

/** Said once after start-up: the settings file could not be used and Earshot started from the defaults. */
export function SettingsNotice() {
  const commands = useCommands();
  const notice = useAppStore((state) => state.settings.view?.notice ?? null);
  const [dismissing, setDismissing] = useState(false);
  if (notice === null) return null;
  const dismiss = async () => {
    setDismissing(true);
    await commands.dismissSettingsNotice();
    setDismissing(false);
  };
  return (
    <NoticeBanner
      testId="settings-notice"
      action={
        <button type="button" className="button button--small" disabled={dismissing} onClick={() => void dismiss()}>
          Dismiss
        </button>
      }
    >
      <strong>Your settings were reset.</strong> {notice.message}
    </NoticeBanner>
  );
}

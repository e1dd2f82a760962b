import { useState } from 'react';
import type { AppError } from '../../../../electron/common/result';
import { HeadsetIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore, useCommands } from '../../store/store-context';
import { AudioDevices } from '../audio/audio-devices';
import { AuditView } from '../audit/audit-view';
import { SettingsPanel } from '../settings/settings-panel';
import { ConnectionIndicator } from './connection-indicator';
import { describeServer } from './connection-view';
import { HeaderAudience } from './header-audience';
import { HeaderChatVisibility } from './header-chat-visibility';
import { SipStatus } from './sip-status';
import './header.css';

export function AppHeader() {
  const commands = useCommands();
  const supervisorName = useAppStore((state) => state.mirror.app?.session?.supervisor.displayName ?? null);
  const server = useAppStore((state) => {
    const session = state.mirror.app?.session;
    return session ? describeServer(session.server) : null;
  });
  const serverAddress = useAppStore((state) => state.mirror.app?.session?.server.baseUrl ?? null);
  const signingOut = useAppStore((state) => state.mirror.app?.connection.status === 'signing-out');
  const [pending, setPending] = useState(false);
  const [signOutError, setSignOutError] = useState<AppError | null>(null);

  const signOut = async () => {
    setSignOutError(null);
    setPending(true);
    const result = await commands.signOut();
    setPending(false);
    if (!result.ok) setSignOutError(result.error);
  };

  return (
    <header className="app-header">
      <div className="app-header__bar">
        <div className="app-header__brand">
          <HeadsetIcon className="app-header__logo" width={18} height={18} />
          <span className="app-header__name">Earshot</span>
        </div>
        <div className="app-header__session">
          {supervisorName !== null && <span className="app-header__supervisor">{supervisorName}</span>}
          {server !== null && (
            <span className="app-header__server" title={serverAddress ?? undefined}>
              {server}
            </span>
          )}
        </div>
        <ConnectionIndicator />
        <SipStatus />
        <div className="app-header__tools">
          <HeaderAudience />
          <HeaderChatVisibility />
          <AudioDevices />
          <AuditView />
          <SettingsPanel />
          <button type="button" className="button" onClick={() => void signOut()} disabled={pending || signingOut}>
            {pending || signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </div>
      {signOutError !== null && <NoticeBanner>{signOutError.message}</NoticeBanner>}
    </header>
  );
}

import { useState } from 'react';
import type { AppError } from '../../../../electron/common/result';
import { HeadsetIcon } from '../../components/icons';
import { NoticeBanner } from '../../components/notice-banner';
import { useAppStore } from '../../store/store-context';
import { AudioDevices } from '../audio/audio-devices';
import { AuditView } from '../audit/audit-view';
import { SettingsPanel } from '../settings/settings-panel';
import { ConnectionIndicator } from './connection-indicator';
import { describeServer } from './connection-view';
import { HeaderAudience } from './header-audience';
import { HeaderChatVisibility } from './header-chat-visibility';
import { SignOutButton } from './sign-out-button';
import { SipStatus } from './sip-status';
import './header.css';

export function AppHeader() {
  const supervisorName = useAppStore((state) => state.mirror.app?.session?.supervisor.displayName ?? null);
  const server = useAppStore((state) => {
    const session = state.mirror.app?.session;
    return session ? describeServer(session.server) : null;
  });
  const serverAddress = useAppStore((state) => state.mirror.app?.session?.server.baseUrl ?? null);
  const [signOutError, setSignOutError] = useState<AppError | null>(null);

  return (
    <header className="app-header">
      <div className="app-header__bar">
        <div className="app-header__brand">
          <HeadsetIcon className="app-header__logo" width={18} height={18} />
          <h1 className="app-header__name">Earshot</h1>
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
          <SignOutButton onError={setSignOutError} />
        </div>
      </div>
      {signOutError !== null && <NoticeBanner>{signOutError.message}</NoticeBanner>}
    </header>
  );
}

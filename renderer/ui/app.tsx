import { useFocusKeeper } from './components/focus-keeper';
import { NoticeBanner } from './components/notice-banner';
import { ToastHost } from './components/toast';
import { CopyFallbackDialog } from './features/diagnostics/copy-fallback-dialog';
import { AppHeader } from './features/header/app-header';
import { SignInScreen } from './features/sign-in/sign-in-screen';
import { TeamView } from './features/team/team-view';
import { IncomingCalls } from './features/voice/incoming-calls';
import { MonitoringBoard } from './features/board/monitoring-board';
import { SettingsNotice } from './features/settings/settings-notice';
import { AudioEngineNotice } from './features/audio/audio-engine-notice';
import { useWindowTitle } from './features/header/use-window-title';
import { useAppStore, useCommands } from './store/store-context';
import './styles/workspace.css';

type Screen = 'starting' | 'unavailable' | 'sign-in' | 'team';

function StartupScreen({ problem }: { problem: string | null }) {
  const commands = useCommands();
  return (
    <main className="startup">
      {problem === null ? (
        <p role="status">
          <span className="spinner" aria-hidden="true" /> Starting Earshot…
        </p>
      ) : (
        <NoticeBanner
          action={
            <button type="button" className="button" onClick={() => void commands.reloadState()}>
              Try again
            </button>
          }
        >
          {problem}
        </NoticeBanner>
      )}
    </main>
  );
}

function CurrentScreen({ screen, loadProblem }: { screen: Screen; loadProblem: string | null }) {
  switch (screen) {
    case 'starting':
    case 'unavailable':
      return <StartupScreen problem={loadProblem} />;
    case 'sign-in':
      return <SignInScreen />;
    case 'team':
      return (
        <div className="team-screen">
          <AppHeader />
          <div className="app-notices">
            <AudioEngineNotice />
            <SettingsNotice />
          </div>
          {/* The last place focus can fall back to when what held it goes away. */}
          <main className="workspace" tabIndex={-1}>
            <IncomingCalls />
            <MonitoringBoard />
            <TeamView />
          </main>
        </div>
      );
  }
}

export function App() {
  useWindowTitle();
  useFocusKeeper();
  const screen = useAppStore((state): Screen => {
    const app = state.mirror.app;
    if (app === null) return state.mirror.loadError === null ? 'starting' : 'unavailable';
    return app.session === null ? 'sign-in' : 'team';
  });
  const loadProblem = useAppStore((state) => state.mirror.loadError?.message ?? null);
  return (
    <>
      <CurrentScreen screen={screen} loadProblem={loadProblem} />
      <ToastHost />
      <CopyFallbackDialog />
    </>
  );
}

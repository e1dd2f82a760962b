import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { findBridge, guardBridge } from './bridge';
import { createAppStore } from './store/app-store';
import { createTickingClock } from './store/clock';
import { UiServicesProvider } from './store/store-context';
import { applyTheme, readThemePreference, writeThemePreference } from './store/theme';
import type { PreferenceStorage } from './store/theme';
import { createUiCommands, startMirror } from './store/ui-commands';
import './styles/tokens.css';
import './styles/base.css';

function localStorageOrNull(): PreferenceStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function start(container: HTMLElement): void {
  const root = createRoot(container);
  const bridge = findBridge();
  if (bridge === null) {
    root.render(
      <main className="startup">
        <p className="startup__problem">Earshot could not start this window. Close it and open Earshot again.</p>
      </main>,
    );
    return;
  }

  const storage = localStorageOrNull();
  // The settings decide the theme; the copy kept here paints the first frame before they are read.
  const store = createAppStore({ theme: readThemePreference(storage) });
  // Before the first render, so the page never flashes the other theme.
  applyTheme(document.documentElement, store.getState().ui.theme);
  store.subscribe((state, previous) => {
    if (state.ui.theme === previous.ui.theme) return;
    applyTheme(document.documentElement, state.ui.theme);
    writeThemePreference(storage, state.ui.theme);
  });

  const guarded = guardBridge(bridge);
  startMirror(guarded, store);
  const commands = createUiCommands(guarded, store);
  const services = { store, commands, clock: createTickingClock() };
  root.render(
    <StrictMode>
      <UiServicesProvider services={services}>
        <App />
      </UiServicesProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container !== null) start(container);

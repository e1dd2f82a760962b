import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore, AppStoreState } from './app-store';
import type { Clock } from './clock';
import type { UiCommands } from './ui-commands';

export interface UiServices {
  readonly store: AppStore;
  readonly commands: UiCommands;
  readonly clock: Clock;
}

const ServicesContext = createContext<UiServices | null>(null);

export function UiServicesProvider({ services, children }: { services: UiServices; children: ReactNode }) {
  return <ServicesContext value={services}>{children}</ServicesContext>;
}

function useServices(): UiServices {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('UiServicesProvider is missing above this component');
  return services;
}

/** Subscribe with a selector that returns a primitive or a stable reference, so renders stay narrow. */
export function useAppStore<T>(selector: (state: AppStoreState) => T): T {
  return useStore(useServices().store, selector);
}

/** For event handlers that read the state at the moment they run, without subscribing a render to it. */
export function useAppStoreApi(): AppStore {
  return useServices().store;
}

export function useCommands(): UiCommands {
  return useServices().commands;
}

export function useClock(): Clock {
  return useServices().clock;
}

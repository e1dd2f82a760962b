import type { EarshotBridge } from '../../../electron/common/contract/bridge-api';
import type { SignInDefaults, SignInRequest } from '../../../electron/common/contract/sign-in';
import type { Result } from '../../../electron/common/result';
import type { AppStore } from './app-store';

/** What the UI may ask of main. None of these write the mirror; main answers with `state:changed`. */
export interface UiCommands {
  getSignInDefaults(): Promise<Result<SignInDefaults>>;
  signIn(request: SignInRequest): Promise<Result<null>>;
  signOut(): Promise<Result<null>>;
  /** Asks for the whole state again, after the first attempt failed. */
  reloadState(): Promise<void>;
}

async function loadState(bridge: EarshotBridge, store: AppStore): Promise<void> {
  const result = await bridge.invoke('state:get', {});
  const { mirrorActions } = store.getState();
  if (result.ok) mirrorActions.receiveSnapshot(result.value, 'initial');
  else mirrorActions.failInitialLoad(result.error);
}

/** Subscribes before asking, so no change between the answer and the subscription is lost. */
export function startMirror(bridge: EarshotBridge, store: AppStore): () => void {
  const stop = bridge.on('state:changed', (snapshot) =>
    store.getState().mirrorActions.receiveSnapshot(snapshot, 'event'),
  );
  void loadState(bridge, store);
  return stop;
}

export function createUiCommands(bridge: EarshotBridge, store: AppStore): UiCommands {
  return {
    getSignInDefaults: () => bridge.invoke('session:getSignInDefaults', {}),
    signIn: (request) => bridge.invoke('session:signIn', request),
    signOut: () => bridge.invoke('session:signOut', {}),
    reloadState: () => loadState(bridge, store),
  };
}

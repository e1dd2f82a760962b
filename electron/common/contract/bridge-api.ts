import type { Result } from '../result';
import type { UiEventChannel, UiEventPayload, UiInvokeChannel, UiRequest, UiResponse } from './ui-contract';

/**
 * What the UI window sees as `window.earshot`: the preload (Electron) and the page bridge
 * (browser host) both expose exactly this, so the renderer cannot tell which transport it runs on.
 */
export interface EarshotBridge {
  invoke<C extends UiInvokeChannel>(channel: C, request: UiRequest<C>): Promise<Result<UiResponse<C>>>;
  /** Returns a function that removes the listener. */
  on<C extends UiEventChannel>(channel: C, listener: (payload: UiEventPayload<C>) => void): () => void;
}

export const BRIDGE_GLOBAL_NAME = 'earshot';

import { BRIDGE_GLOBAL_NAME } from '../../electron/common/contract/bridge-api';
import type { EarshotBridge } from '../../electron/common/contract/bridge-api';
import {
  uiEventContract,
  type UiEventChannel,
  type UiEventPayload,
  type UiInvokeChannel,
  type UiRequest,
  type UiResponse,
} from '../../electron/common/contract/ui-contract';
import { err } from '../../electron/common/result';
import type { Result } from '../../electron/common/result';

/**
 * The only module that touches `window.earshot`. Everything else gets the bridge passed in, so the
 * UI's logic runs in tests against a fake one.
 */
export function findBridge(): EarshotBridge | null {
  const candidate: unknown = Reflect.get(window, BRIDGE_GLOBAL_NAME);
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { invoke, on } = candidate as Record<string, unknown>;
  return typeof invoke === 'function' && typeof on === 'function' ? (candidate as EarshotBridge) : null;
}

const LOST_CONTACT =
  'Earshot lost contact with its background service. Try again; if this keeps happening, restart Earshot.';

/**
 * Invokes promise Results, but a broken transport can still reject; that becomes a Result too.
 * Events are checked against the contract on arrival; one that fails is dropped (a dropped batch of
 * state changes leaves a gap, and the mirror asks for a snapshot).
 */
export function guardBridge(bridge: EarshotBridge): EarshotBridge {
  return {
    async invoke<C extends UiInvokeChannel>(channel: C, request: UiRequest<C>): Promise<Result<UiResponse<C>>> {
      try {
        return await bridge.invoke(channel, request);
      } catch (error) {
        return err('internal', LOST_CONTACT, `${channel}: ${String(error)}`);
      }
    },
    on<C extends UiEventChannel>(channel: C, listener: (payload: UiEventPayload<C>) => void): () => void {
      const schema = uiEventContract[channel];
      return bridge.on(channel, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as UiEventPayload<C>);
        else console.warn(`Earshot dropped a ${channel} event that does not match the contract`, parsed.error.message);
      });
    },
  };
}

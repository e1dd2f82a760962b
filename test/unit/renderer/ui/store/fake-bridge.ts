import type { EarshotBridge } from '../../../../../electron/common/contract/bridge-api';
import type { UiEventPayload, UiInvokeChannel } from '../../../../../electron/common/contract/ui-contract';
import type { Result } from '../../../../../electron/common/result';

type Handler = (request: unknown) => Promise<Result<unknown>> | Result<unknown>;

/** A bridge whose invokes are answered by handlers and whose events the test emits by hand. */
export function createFakeBridge(handlers: Partial<Record<UiInvokeChannel, Handler>>) {
  const invocations: Array<{ channel: UiInvokeChannel; request: unknown }> = [];
  const stateListeners = new Set<(payload: UiEventPayload<'state:changed'>) => void>();
  const bridge = {
    async invoke(channel: UiInvokeChannel, request: unknown) {
      invocations.push({ channel, request });
      const handler = handlers[channel];
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(request);
    },
    on(_channel: 'state:changed', listener: (payload: UiEventPayload<'state:changed'>) => void) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  } as unknown as EarshotBridge;
  return {
    bridge,
    invocations,
    emitState(payload: UiEventPayload<'state:changed'>) {
      for (const listener of stateListeners) listener(payload);
    },
    listenerCount: () => stateListeners.size,
  };
}

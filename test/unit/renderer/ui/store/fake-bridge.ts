import type { EarshotBridge } from '../../../../../electron/common/contract/bridge-api';
import type {
  UiEventChannel,
  UiEventPayload,
  UiInvokeChannel,
} from '../../../../../electron/common/contract/ui-contract';
import type { Result } from '../../../../../electron/common/result';

type Handler = (request: unknown) => Promise<Result<unknown>> | Result<unknown>;

/** A bridge whose invokes are answered by handlers and whose events the test emits by hand. */
export function createFakeBridge(handlers: Partial<Record<UiInvokeChannel, Handler>>) {
  const invocations: Array<{ channel: UiInvokeChannel; request: unknown }> = [];
  const listeners: Record<UiEventChannel, Set<(payload: unknown) => void>> = {
    'state:changes': new Set(),
  };
  const bridge = {
    async invoke(channel: UiInvokeChannel, request: unknown) {
      invocations.push({ channel, request });
      const handler = handlers[channel];
      if (!handler) throw new Error(`no handler for ${channel}`);
      return handler(request);
    },
    on(channel: UiEventChannel, listener: (payload: unknown) => void) {
      listeners[channel].add(listener);
      return () => listeners[channel].delete(listener);
    },
  } as unknown as EarshotBridge;
  return {
    bridge,
    invocations,
    emitChanges(payload: UiEventPayload<'state:changes'>) {
      for (const listener of listeners['state:changes']) listener(payload);
    },
    listenerCount: () => listeners['state:changes'].size,
  };
}

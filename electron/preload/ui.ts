import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL_NAME, type EarshotBridge } from '../common/contract/bridge-api';
import {
  isUiEventChannel,
  isUiInvokeChannel,
  type UiEventChannel,
  type UiEventPayload,
} from '../common/contract/ui-contract';

/** The UI window's whole view of main: an allow-listed invoke and event subscription, nothing more. */
const bridge: EarshotBridge = {
  invoke(channel, request) {
    if (!isUiInvokeChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'invalid-input', message: 'Unknown command.' } });
    }
    return ipcRenderer.invoke(channel, request);
  },
  on<C extends UiEventChannel>(channel: C, listener: (payload: UiEventPayload<C>) => void) {
    if (!isUiEventChannel(channel)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent, payload: UiEventPayload<C>) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, bridge);

/** The parts of an IPC event the check reads (Electron's IpcMainEvent and IpcMainInvokeEvent). */
export interface IpcSenderEvent<Contents> {
  readonly sender: Contents;
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The parts of the one window that may use a set of channels (Electron's BrowserWindow). */
export interface IpcWindow<Contents> {
  readonly webContents: Contents;
  isDestroyed(): boolean;
}

/**
 * Whether an IPC message may be acted on: it comes from the expected window, which still exists, from
 * its top frame (never an iframe), and that frame shows one of our own pages. Anything else is refused,
 * whatever the payload. Written without Electron so every refusal is unit-tested.
 */
export function isTrustedSender<Contents>(
  event: IpcSenderEvent<Contents>,
  window: IpcWindow<Contents> | null,
  isOwnPageUrl: (url: string) => boolean,
): boolean {
  if (window === null || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  return event.sender === window.webContents && frame !== null && frame.parent === null && isOwnPageUrl(frame.url);
}

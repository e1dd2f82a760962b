import type { MediaEvent } from '../../electron/common/contract/media-host-contract';

/**
 * The media host has no UI in Electron (its window is hidden); in the browser edition its window is
 * visible, so it says in a line what it is doing. Never shows anything secret.
 */
export function createStatusView(element: HTMLElement): (event: MediaEvent) => void {
  let registration = 'Waiting for Earshot…';
  const calls = new Set<string>();
  const render = (): void => {
    const callText = calls.size === 0 ? 'no call' : calls.size === 1 ? '1 call' : `${calls.size} calls`;
    element.textContent = `${registration} · ${callText}`;
  };
  render();
  return (event) => {
    switch (event.type) {
      case 'ready':
        registration = 'Ready';
        break;
      case 'registration':
        registration = event.reason ? `SIP ${event.state}: ${event.reason}` : `SIP ${event.state}`;
        break;
      case 'incomingCall':
        calls.add(event.callId);
        break;
      case 'callState':
        if (event.state === 'ended') calls.delete(event.callId);
        break;
      default:
        return;
    }
    render();
  };
}

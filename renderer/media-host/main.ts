import {
  MEDIA_BRIDGE_GLOBAL_NAME,
  type MediaEvent,
  type MediaHostBridge,
} from '../../electron/common/contract/media-host-contract';
import { CallAudioOutputs } from './call-audio';
import { listAudioDevices, watchAudioDevices } from './devices';
import { errorMessage } from './failure-reasons';
import { startMediaHost } from './media-host';
import { createJsSipPhone } from './sip-phone';
import { createStatusView } from './status-view';
import { warmUpWebRtc } from './webrtc-warm-up';

/** The only place that reads `window.earshotMedia`, left there by the preload or the browser host's page bridge. */
function findMediaBridge(): MediaHostBridge | null {
  const candidate: unknown = Reflect.get(window, MEDIA_BRIDGE_GLOBAL_NAME);
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { onCommand, onLost, emit } = candidate as Record<string, unknown>;
  return typeof onCommand === 'function' && typeof onLost === 'function' && typeof emit === 'function'
    ? (candidate as MediaHostBridge)
    : null;
}

function boot(): void {
  const statusElement = document.getElementById('status')!;
  const bridge = findMediaBridge();
  if (!bridge) {
    statusElement.textContent = 'This page is Earshot’s audio engine; it only runs inside Earshot.';
    return;
  }
  const showStatus = createStatusView(statusElement);
  const emit = (event: MediaEvent): void => {
    showStatus(event);
    bridge.emit(event);
  };
  const outputs = new CallAudioOutputs(document.getElementById('calls')!, (reason) =>
    emit({ type: 'commandFailed', command: 'setOutputDevice', callId: null, reason }),
  );
  const phone = createJsSipPhone({
    emit,
    outputs,
    // Looked up on each use, never captured: the microphone is reached only through this call.
    getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
  });
  // Main can no longer see or command this page's calls: none may go on.
  bridge.onLost(() => phone.hangUpAll());
  startMediaHost({
    bridge: {
      onCommand: (listener) => bridge.onCommand(listener),
      onLost: (listener) => bridge.onLost(listener),
      emit,
    },
    phone,
    listDevices: listAudioDevices,
  });
  watchAudioDevices(emit, (error) =>
    emit({ type: 'commandFailed', command: 'listDevices', callId: null, reason: errorMessage(error) }),
  );
  // Closing or reloading the page: main hears it first (so it ends the calls as "the audio window
  // closed"), and every call and track ends in the same task, before main can act on anything else.
  // The browser saw the network come back (or change): the SIP socket may be one of the old network's.
  window.addEventListener('online', () => phone.reconnect());
  window.addEventListener('pagehide', () => {
    emit({ type: 'goodbye' });
    phone.hangUpAll();
  });
  emit({ type: 'ready', calls: phone.calls() });
  // In the background: a call that arrives meanwhile is answered as usual, only without the head start.
  void warmUpWebRtc().then((outcome) => {
    document.documentElement.dataset.webrtcWarmUp = outcome;
  });
}

boot();

import {
  MEDIA_BRIDGE_GLOBAL_NAME,
  type MediaEvent,
  type MediaHostBridge,
} from '../../electron/common/contract/media-host-contract';
import './media-host.css';
import { CallAudioOutputs } from './call-audio';
import { listAudioDevices, watchAudioDevices } from './devices';
import { errorMessage } from './failure-reasons';
import { startMediaHost } from './media-host';
import { epochNow } from './clock';
import { createJsSipPhone, type Phone } from './sip-phone';
import { createStatusView } from './status-view';
import { warmUpWebRtc } from './webrtc-warm-up';

/** The only place that reads `window.earshotMedia`, left there by the preload or the browser host's page bridge. */
function findMediaBridge(): MediaHostBridge | null {
  const candidate: unknown = Reflect.get(window, MEDIA_BRIDGE_GLOBAL_NAME);
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { onCommand, onLost, emit, shown } = candidate as Record<string, unknown>;
  return typeof onCommand === 'function' &&
    typeof onLost === 'function' &&
    typeof emit === 'function' &&
    typeof shown === 'boolean'
    ? (candidate as MediaHostBridge)
    : null;
}

function boot(): void {
  const bridge = findMediaBridge();
  if (!bridge) {
    const page = document.getElementById('audio-page')!;
    const explanation = document.createElement('p');
    explanation.textContent = 'This page is Earshot’s audio engine; it only runs inside Earshot.';
    page.replaceChildren(page.querySelector('h1')!, explanation);
    return;
  }
  // The view reads the phone's calls, and the phone sends its events through the view: one starts first.
  let heldCalls: Phone['calls'] = () => [];
  const view = createStatusView({ shown: bridge.shown, heldCalls: () => heldCalls(), now: epochNow });
  const emit = (event: MediaEvent): void => {
    view.noteEvent(event);
    bridge.emit(event);
  };
  const outputs = new CallAudioOutputs(document.getElementById('call-audio')!, {
    sinkFailed: (reason) => emit({ type: 'commandFailed', command: 'setOutputDevice', callId: null, reason }),
    streamChanged: (callId, stream) => view.noteAudio(callId, stream),
  });
  const phone = createJsSipPhone({
    emit,
    outputs,
    // Looked up on each use, never captured: the microphone is reached only through this call.
    getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
  });
  heldCalls = () => phone.calls();
  // Main can no longer see or command this page's calls: none may go on.
  bridge.onLost(() => {
    phone.hangUpAll();
    view.noteLinkLost();
  });
  startMediaHost({
    bridge: {
      onCommand: (listener) => bridge.onCommand(listener),
      onLost: (listener) => bridge.onLost(listener),
      emit,
      shown: bridge.shown,
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
  emit({
    type: 'ready',
    calls: phone.calls().map(({ callId, microphone }) => ({ callId, microphoneLive: microphone !== 'closed' })),
  });
  // In the background: a call that arrives meanwhile is answered as usual, only without the head start.
  void warmUpWebRtc().then((outcome) => {
    document.documentElement.dataset.webrtcWarmUp = outcome;
  });
}

boot();

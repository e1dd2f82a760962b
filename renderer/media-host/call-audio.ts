import { errorMessage } from './failure-reasons';

export interface CallAudioObserver {
  readonly sinkFailed: (reason: string) => void;
  /** A call's remote audio went onto its element (a stream), or the element went (null). */
  readonly streamChanged: (callId: string, stream: MediaStream | null) => void;
}

/**
 * One <audio> element per call, created when the INVITE arrives so it is ready before the answer.
 * It must stay unmuted: Chromium plays (and measures) remote WebRTC audio only through a media
 * element; through WebAudio alone the level reads zero.
 */
export class CallAudioOutputs {
  private readonly elements = new Map<string, HTMLAudioElement>();
  private outputDeviceId: string | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly observer: CallAudioObserver,
  ) {}

  create(callId: string): HTMLAudioElement {
    const element = document.createElement('audio');
    element.autoplay = true;
    element.muted = false;
    element.dataset.callId = callId;
    this.container.append(element);
    this.elements.set(callId, element);
    if (this.outputDeviceId !== null) {
      element.setSinkId(this.outputDeviceId).catch((error: unknown) => {
        this.observer.sinkFailed(
          `The chosen output device is not available; this call plays on the default device (${errorMessage(error)}).`,
        );
      });
    }
    return element;
  }

  play(callId: string, stream: MediaStream): void {
    const element = this.elements.get(callId);
    if (!element) return;
    element.srcObject = stream;
    element.muted = false;
    // With autoplay allowed this resolves at once; where a policy blocks it, srcObject still starts on the next gesture.
    element.play().catch(() => undefined);
    this.observer.streamChanged(callId, stream);
  }

  remove(callId: string): void {
    const element = this.elements.get(callId);
    if (!element) return;
    this.elements.delete(callId);
    element.pause();
    element.srcObject = null;
    element.remove();
    this.observer.streamChanged(callId, null);
  }

  setVolume(callId: string, volume: number): void {
    const element = this.elements.get(callId);
    if (!element) throw new Error(`No audio for call ${callId}.`);
    element.volume = volume;
  }

  /** null means the system default. Applied to every call's element, and to calls yet to come. */
  async setOutputDevice(deviceId: string | null): Promise<void> {
    if (!('setSinkId' in HTMLMediaElement.prototype)) {
      throw new Error('This system cannot send call audio to a chosen output device.');
    }
    const sinkId = deviceId ?? '';
    const previous = this.outputDeviceId ?? '';
    const elements = [...this.elements.values()];
    const results = await Promise.allSettled(elements.map((element) => element.setSinkId(sinkId)));
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) {
      await Promise.allSettled(elements.map((element) => element.setSinkId(previous)));
      throw new Error(`The output device could not be used: ${errorMessage(failure.reason)}`);
    }
    this.outputDeviceId = deviceId;
  }
}

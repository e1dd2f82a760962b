import type { MediaEvent } from '../../electron/common/contract/media-host-contract';
import { AudioLevels } from './audio-levels';
import {
  describeAudioPage,
  initialAudioPageRecord,
  recordEvent,
  recordLinkLost,
  type AudioPageFacts,
  type AudioPageView,
  type CallView,
} from './audio-page';

export interface StatusViewOptions {
  /**
   * Someone sees this page: the browser edition's audio window. Electron's media window is never
   * shown and, with background throttling off, never reports itself hidden either, so there the
   * view keeps only its words current, on events: no meters, no clock, no animation frames.
   */
  readonly shown: boolean;
  readonly heldCalls: () => AudioPageFacts['held'];
  readonly now: () => number;
}

export interface StatusView {
  noteEvent(event: MediaEvent): void;
  noteLinkLost(): void;
  /** A call's incoming audio went onto its element (a stream), or the element went (null). */
  noteAudio(callId: string, stream: MediaStream | null): void;
}

interface CallRow {
  readonly item: HTMLLIElement;
  readonly title: HTMLElement;
  readonly duration: HTMLElement;
  readonly status: HTMLElement;
  readonly meter: HTMLElement;
  readonly bar: HTMLElement;
  readonly microphone: HTMLElement;
  level: number;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  return created;
}

/** Writes only what changed, so a screen reader hears the status region only when its words do. */
function setText(target: HTMLElement, text: string): void {
  if (target.textContent !== text) target.textContent = text;
}

function setData(target: HTMLElement, name: string, value: string): void {
  if (target.dataset[name] !== value) target.dataset[name] = value;
}

function createRow(callId: string): CallRow {
  const item = element('li', 'call');
  item.dataset.testid = 'audio-call';
  item.dataset.callId = callId;
  const head = element('div', 'call__head');
  const title = element('span', 'call__title');
  const duration = element('span', 'call__duration');
  head.append(title, duration);
  const status = element('p', 'call__status');
  // The level changes many times a second: a screen reader must not hear it.
  const meter = element('div', 'meter');
  meter.setAttribute('aria-hidden', 'true');
  meter.dataset.testid = 'audio-level';
  meter.dataset.level = '0';
  const bar = element('div', 'meter__bar');
  meter.append(bar);
  const microphone = element('p', 'call__microphone');
  item.append(head, status, meter, microphone);
  return { item, title, duration, status, meter, bar, microphone, level: 0 };
}

function showCall(row: CallRow, call: CallView, shown: boolean): void {
  setText(row.title, call.title);
  setText(row.duration, call.duration ?? '');
  setText(row.status, call.status);
  setText(row.microphone, call.microphoneNote ?? '');
  row.microphone.hidden = call.microphoneNote === null;
  setData(row.item, 'microphone', call.microphone);
  row.meter.hidden = !(shown && call.metered);
}

function showLevel(row: CallRow, level: number): void {
  const rounded = Math.round(level * 100) / 100;
  if (rounded === row.level) return;
  row.level = rounded;
  row.bar.style.transform = `scaleX(${rounded})`;
  row.meter.dataset.level = String(rounded);
}

/**
 * The audio page on screen: the phone line, each call with its duration and the level of what it
 * plays, and the microphone in large type. describeAudioPage decides every word; this only writes
 * them into the page (index.html) and runs the meters while someone can see them.
 */
export function createStatusView(options: StatusViewOptions): StatusView {
  const region = document.getElementById('status')!;
  const callList = document.getElementById('call-list')!;
  const noCall = document.getElementById('no-call')!;
  const line = element('p', 'line');
  line.dataset.testid = 'audio-line';
  const lineText = element('span', 'line__text');
  const lineDetail = element('span', 'line__detail');
  line.append(lineText, lineDetail);
  const microphone = element('p', 'microphone');
  microphone.dataset.testid = 'audio-microphone';
  const microphoneDetail = element('p', 'microphone-detail');
  region.replaceChildren(line, microphone, microphoneDetail);

  let record = initialAudioPageRecord;
  let view: AudioPageView | null = null;
  const rows = new Map<string, CallRow>();
  const levels = options.shown ? new AudioLevels() : null;
  let frame = 0;
  let renderedSecond = -1;
  let renderQueued = false;

  const animating = (): boolean =>
    levels !== null && !document.hidden && (view?.calls.some((call) => call.metered) ?? false);

  const schedule = (): void => {
    if (frame === 0 && animating()) frame = requestAnimationFrame(tick);
  };

  const tick = (): void => {
    frame = 0;
    if (levels) for (const [callId, row] of rows) showLevel(row, levels.level(callId));
    // The durations move once a second, so the whole view is decided again only then.
    const second = Math.floor(options.now() / 1000);
    if (second !== renderedSecond) render();
    schedule();
  };

  const render = (): void => {
    const now = options.now();
    renderedSecond = Math.floor(now / 1000);
    view = describeAudioPage({ record, held: options.heldCalls(), now });
    setText(lineText, view.line.text);
    setText(lineDetail, view.line.detail ?? '');
    lineDetail.hidden = view.line.detail === null;
    setData(line, 'tone', view.line.tone);
    setText(microphone, view.microphone.text);
    setData(microphone, 'state', view.microphone.state);
    setText(microphoneDetail, view.microphone.detail);

    const present = new Set(view.calls.map((call) => call.callId));
    for (const [callId, row] of rows) {
      if (present.has(callId)) continue;
      row.item.remove();
      rows.delete(callId);
    }
    for (const call of view.calls) {
      let row = rows.get(call.callId);
      if (!row) {
        row = createRow(call.callId);
        rows.set(call.callId, row);
        callList.append(row.item);
      }
      showCall(row, call, options.shown);
    }
    noCall.hidden = view.calls.length > 0;
    schedule();
  };

  // An event is sent in the middle of the phone's own work (an ended call is dropped right after its
  // event): the view reads the phone once that work is done, and once for a burst of events.
  const queueRender = (): void => {
    if (renderQueued) return;
    renderQueued = true;
    queueMicrotask(() => {
      renderQueued = false;
      render();
    });
  };

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      render();
      return;
    }
    cancelAnimationFrame(frame);
    frame = 0;
  });
  render();

  return {
    noteEvent(event) {
      const next = recordEvent(record, event);
      // A microphone report is the moment the phone's tracks changed: read them again.
      if (next === record && event.type !== 'microphone') return;
      record = next;
      queueRender();
    },
    noteLinkLost() {
      record = recordLinkLost(record);
      queueRender();
    },
    noteAudio(callId, stream) {
      if (!levels) return;
      if (stream) levels.watch(callId, stream);
      else levels.unwatch(callId);
      schedule();
    },
  };
}

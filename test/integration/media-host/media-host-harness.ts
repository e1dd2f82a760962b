// Test harness: builds the media host page and its page bridge into a temp dir, serves them with the
// browser host's media host server on 127.0.0.1, opens the page in Debian's Chromium through
// playwright-core, and drives it through the server's MediaHostLink the way main's SIP controller does.
import { build } from 'esbuild';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { MediaEvent } from '../../../electron/common/contract/media-host-contract';
import { createMediaHostServer, MEDIA_PAGE_PATH } from '../../../electron/browser-host/media-host-server';
import { createLogger, formatLogRecord } from '../../../electron/main/platform/logger';
import type { MediaHostLink } from '../../../electron/main/sip/media-host-link';
import { launchChromium } from '../../support/chromium';
import { waitFor } from '../../support/wait-for';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type EventOf<T extends MediaEvent['type']> = Extract<MediaEvent, { type: T }>;

export interface MicrophoneProbe {
  /** How many times the page called navigator.mediaDevices.getUserMedia. */
  readonly getUserMediaCalls: number;
  /** readyState of every track getUserMedia ever handed out. */
  readonly trackStates: string[];
}

export interface CallElement {
  readonly muted: boolean;
  readonly paused: boolean;
  readonly hasStream: boolean;
  readonly sinkId: string;
  readonly volume: number;
}

export interface MediaHostHarness {
  readonly page: Page;
  readonly link: MediaHostLink;
  readonly origin: string;
  readonly pageUrl: string;
  /** Every event the link delivered, in order. */
  readonly events: readonly MediaEvent[];
  readonly logs: readonly string[];
  /** The index the next event will get: pass it to waitForEvent to see only what follows. */
  mark(): number;
  waitForEvent<T extends MediaEvent['type']>(
    type: T,
    predicate?: (event: EventOf<T>) => boolean,
    options?: { from?: number; timeoutMs?: number },
  ): Promise<EventOf<T>>;
  microphoneProbe(): Promise<MicrophoneProbe>;
  /** Makes the page's getUserMedia fail as a refused permission does (or work again). */
  denyMicrophone(deny: boolean): Promise<void>;
  /** Closes the media host page, as a supervisor closing the audio window does. */
  closePage(): Promise<void>;
  /** Opens the media host page again and waits until it says ready. */
  reopenPage(): Promise<void>;
  callElement(callId: string): Promise<CallElement | null>;
  close(): Promise<void>;
}

async function buildMediaHostPage(dir: string): Promise<{ mediaRoot: string; bridgeRoot: string }> {
  const mediaRoot = join(dir, 'renderer', 'media-host');
  const bridgeRoot = join(dir, 'browser-host');
  await mkdir(mediaRoot, { recursive: true });
  await mkdir(bridgeRoot, { recursive: true });
  const common = { bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', logLevel: 'error' } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(REPO_ROOT, 'renderer/media-host/main.ts')],
      outfile: join(mediaRoot, 'media-host.js'),
    }),
    build({
      ...common,
      entryPoints: [join(REPO_ROOT, 'electron/browser-host/page-bridge/media-page-bridge.ts')],
      outfile: join(bridgeRoot, 'media-page-bridge.js'),
    }),
  ]);
  await copyFile(join(REPO_ROOT, 'renderer/media-host/index.html'), join(mediaRoot, 'index.html'));
  return { mediaRoot, bridgeRoot };
}

/**
 * Counts getUserMedia calls and keeps the streams, so a test can see whether the page ever asked for
 * the mic; `deny` makes it fail as a refused permission does.
 */
function probeMicrophone(): void {
  const probe = { getUserMediaCalls: 0, streams: [] as MediaStream[], deny: false };
  Object.defineProperty(window, '__microphoneProbe', { value: probe });
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    probe.getUserMediaCalls += 1;
    if (probe.deny) throw new DOMException('Permission denied', 'NotAllowedError');
    const stream = await original(constraints);
    probe.streams.push(stream);
    return stream;
  };
}

/**
 * `sipServer`: the SIP WebSocket address the tests register with. The page's CSP lets it reach only
 * that server, so it is allowed before the page loads, as main does at sign-in.
 */
export async function startMediaHostHarness(options: { sipServer?: string } = {}): Promise<MediaHostHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'earshot-media-host-'));
  const { mediaRoot, bridgeRoot } = await buildMediaHostPage(dir);
  const logs: string[] = [];
  const logger = createLogger({
    sink: (record) => logs.push(formatLogRecord(record)),
    minLevel: 'debug',
    scope: 'media-host',
  });
  const mediaHost = createMediaHostServer({ logger, mediaRoot, bridgeRoot });
  if (options.sipServer !== undefined) mediaHost.policy.allow(options.sipServer);

  let origin = '';
  const server = createServer((request, response) => {
    mediaHost.handleRequest(request, response).then(
      (handled) => {
        if (!handled) response.writeHead(404).end();
      },
      () => response.writeHead(500).end(),
    );
  });
  server.on('upgrade', (request, socket, head) => {
    if (!mediaHost.handleUpgrade(request, socket, head, origin)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pageUrl = `${origin}${MEDIA_PAGE_PATH}`;

  const events: MediaEvent[] = [];
  mediaHost.link.onEvent((event) => events.push(event));

  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext();
    await context.addInitScript(probeMicrophone);
    const openPage = async (): Promise<Page> => {
      const opened = await context.newPage();
      opened.setDefaultTimeout(10_000);
      opened.on('console', (message) => {
        if (message.type() === 'error') logs.push(`page console: ${message.text()}`);
      });
      await opened.goto(pageUrl);
      await waitFor('the media host page to say ready', () => mediaHost.link.connected);
      return opened;
    };
    let page = await openPage();

    const openBrowser = browser;
    return {
      get page() {
        return page;
      },
      link: mediaHost.link,
      origin,
      pageUrl,
      events,
      logs,
      mark: () => events.length,
      async waitForEvent(type, predicate, options = {}) {
        const from = options.from ?? 0;
        return waitFor(
          `a ${type} event`,
          () =>
            events
              .slice(from)
              .find(
                (event): event is EventOf<typeof type> =>
                  event.type === type && (!predicate || predicate(event as EventOf<typeof type>)),
              ),
          options.timeoutMs ?? 10_000,
          5,
        );
      },
      denyMicrophone: (deny) =>
        page.evaluate((value) => {
          (window as unknown as { __microphoneProbe: { deny: boolean } }).__microphoneProbe.deny = value;
        }, deny),
      async closePage() {
        await page.close();
      },
      async reopenPage() {
        page = await openPage();
      },
      microphoneProbe: () =>
        page.evaluate(() => {
          const probe = (
            window as unknown as { __microphoneProbe: { getUserMediaCalls: number; streams: MediaStream[] } }
          ).__microphoneProbe;
          return {
            getUserMediaCalls: probe.getUserMediaCalls,
            trackStates: probe.streams.flatMap((stream) => stream.getTracks().map((track) => track.readyState)),
          };
        }),
      callElement: (callId) =>
        page.evaluate((id) => {
          const element = document.querySelector<HTMLAudioElement>(`audio[data-call-id="${CSS.escape(id)}"]`);
          if (!element) return null;
          return {
            muted: element.muted,
            paused: element.paused,
            hasStream: element.srcObject !== null,
            sinkId: element.sinkId,
            volume: element.volume,
          };
        }, callId),
      async close() {
        await openBrowser.close().catch(() => undefined);
        mediaHost.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    mediaHost.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

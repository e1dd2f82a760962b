// Test harness: bundles the JsSIP fixture page with esbuild into a temp dir, serves it on
// 127.0.0.1, and drives it in Debian's Chromium through playwright-core.
import { build } from 'esbuild';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { CallRecord, PhoneStats } from '../../fixtures/sip-phone/phone';
import { launchChromium } from '../../support/chromium';

const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/sip-phone/', import.meta.url));

// From webrtc-notes.md: loopback ICE, no mDNS-hidden candidates, fake mic without a prompt,
// autoplay without a gesture, and none of Chromium's background traffic.

export interface PhonePage {
  readonly page: Page;
  register(options: { url: string; user: string; password: string; domain: string }): Promise<void>;
  unregister(): Promise<void>;
  setIncomingPolicy(policy: { rejectWith?: number }): Promise<void>;
  calls(): Promise<CallRecord[]>;
  stats(): Promise<PhoneStats | undefined>;
  startTalking(): Promise<void>;
  stopTalking(): Promise<void>;
  hangUp(): Promise<void>;
}

export interface PhoneHarness {
  readonly browser: Browser;
  openPhone(): Promise<PhonePage>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

export async function startPhoneHarness(): Promise<PhoneHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'sip-phone-'));
  await build({
    entryPoints: [join(FIXTURE_DIR, 'phone.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'phone.js'),
    logLevel: 'error',
  });
  await copyFile(join(FIXTURE_DIR, 'index.html'), join(dir, 'index.html'));

  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname === '/phone.js' ? 'phone.js' : 'index.html';
    readFile(join(dir, name)).then(
      (body) => {
        response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream' });
        response.end(body);
      },
      () => {
        response.writeHead(404);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const browser = await launchChromium();

  return {
    browser,
    async openPhone() {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(pageUrl);
      await page.waitForFunction(() => 'phone' in window);
      const invoke = <T>(method: string, argument?: unknown): Promise<T> =>
        page.evaluate(
          ([method, argument]) => {
            const phone = (window as unknown as { phone: Record<string, (argument: unknown) => unknown> }).phone;
            return phone[method as string]!(argument) as T;
          },
          [method, argument] as const,
        ) as Promise<T>;
      return {
        page,
        register: (options) => invoke('register', options),
        unregister: () => invoke('unregister'),
        setIncomingPolicy: (policy) => invoke('setIncomingPolicy', policy),
        calls: () => invoke('calls'),
        stats: () => invoke('stats'),
        startTalking: () => invoke('startTalking'),
        stopTalking: () => invoke('stopTalking'),
        hangUp: () => invoke('hangUp'),
      };
    },
    async close() {
      await browser.close().catch(() => {});
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (Playwright cannot download browsers here), or EARSHOT_CHROMIUM. */
export const chromiumPath = process.env.EARSHOT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every Chromium of the tests and benchmarks runs with (webrtc-notes.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 30_000 });
}

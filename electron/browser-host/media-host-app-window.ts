import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensurePrivateDirectory } from '../main/platform/private-files';

const chromiumCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The browser edition's stand-in for the hidden media window: a small Chromium app window on the
 * media host page. It runs in its own profile so its flags apply even when Chromium is already open
 * (a running Chromium would otherwise take the URL and ignore them), and so the microphone
 * permission the supervisor grants there is remembered. Returns false where there is no display or
 * no Chromium; the page can then be opened by hand at `pageUrl`.
 */
export function openMediaHostAppWindow(pageUrl: string): boolean {
  const chromium = chromiumCandidates.find((path) => existsSync(path));
  if (!chromium || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) return false;
  const configHome = process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  const profile = join(configHome, 'earshot', 'media-host-chromium');
  ensurePrivateDirectory(profile);
  const child = spawn(
    chromium,
    [
      `--app=${pageUrl}`,
      `--user-data-dir=${profile}`,
      '--window-size=460,520',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--allow-loopback-in-peer-connection',
      // A hidden or covered window must keep its timers and audio running.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return true;
}

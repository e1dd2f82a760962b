import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { err, ok } from '../common/result';
import { createInProcessDemo } from '../main/demo-contact-center';
import { createMainServices } from '../main/main-services';
import { installProcessSafetyNet } from '../main/platform/process-safety';
import { startBrowserHost } from './browser-host';
import { openBrowserPlatform } from './browser-platform';
import { openMediaHostAppWindow } from './media-host-app-window';
import { createMediaHostServer } from './media-host-server';
import { newSecret } from './page-access';

/**
 * The browser edition: the same main-side services as the Electron app, serving the UI on
 * 127.0.0.1 for a Chromium window (or Playwright). Runs from out/browser-host/index.js.
 * The addresses it prints carry this launch's keys: whoever has them can drive Earshot, so they go
 * to stdout only (the supervisor's terminal, or the test harness that started it); the Chromium
 * windows it opens get one-time addresses, as a command line is visible to other users.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'media-port': { type: 'string', default: '0' },
      open: { type: 'boolean', default: false },
      'no-demo': { type: 'boolean', default: false },
      'demo-control-api': { type: 'boolean', default: false },
      'demo-agents': { type: 'string' },
      'demo-page-size': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      'data-dir': { type: 'string', default: '.earshot-dev' },
    },
  });
  const logLevel = values['log-level'] === 'debug' ? 'debug' : 'info';
  const platform = openBrowserPlatform(values['data-dir'], logLevel);
  const { logger } = platform;
  installProcessSafetyNet({
    logger: logger.child('process'),
    processName: 'browser edition',
    onFatal: () => {
      platform.logFiles.close();
      process.exit(1);
    },
  });
  const outRoot = dirname(dirname(fileURLToPath(import.meta.url)));
  const controlToken = values['demo-control-api'] ? newSecret() : undefined;
  const demo = values['no-demo']
    ? undefined
    : createInProcessDemo(logger.child('demo'), {
        controlApi: controlToken !== undefined,
        controlToken,
        clipsDirectory: join(outRoot, 'simulator', 'clips'),
        agents: optionalInteger(values['demo-agents'], '--demo-agents'),
        contactsPageSize: optionalInteger(values['demo-page-size'], '--demo-page-size'),
      });
  const mediaHost = createMediaHostServer({
    logger: logger.child('media-host'),
    mediaRoot: join(outRoot, 'renderer', 'media-host'),
    bridgeRoot: join(outRoot, 'browser-host'),
  });
  // The host (and so the one-time audio page addresses) exists only once the services do.
  let mintMediaPageUrl: (() => string) | null = null;
  const services = createMainServices({
    logger,
    demo,
    mediaHost: mediaHost.link,
    mediaHostRestartsByItself: false,
    reopenMediaHost: async () =>
      mintMediaPageUrl ? ok({ url: mintMediaPageUrl() }) : err('internal', 'The audio page is not being served yet.'),
    platform: {
      settings: platform.settings,
      secrets: platform.secrets,
      audit: platform.audit,
      logFiles: platform.logFiles,
      desktopFeaturesMissing: platform.desktopFeaturesMissing,
      about: {
        appVersion: process.env.npm_package_version ?? 'development',
        platform: `${process.platform} ${process.arch}`,
        runtime: `Node ${process.versions.node} (browser edition)`,
      },
    },
  });
  const host = await startBrowserHost({
    services,
    logger: logger.child('browser-host'),
    uiRoot: join(outRoot, 'renderer', 'ui'),
    bridgeRoot: join(outRoot, 'browser-host'),
    launchRoot: join(outRoot, 'browser-host', 'pages'),
    mediaHost,
    port: Number(values.port),
    mediaPort: Number(values['media-port']),
  });
  mintMediaPageUrl = () => host.mintMediaPageUrl();
  console.log(`Earshot (browser edition) is running at ${host.url}`);
  console.log(`Its audio engine (media host) page is ${host.mediaUrl} (keep it open to hear monitored calls).`);
  console.log(
    'These addresses carry the keys of this launch: whoever has them can use Earshot. Keep them to yourself.',
  );
  if (demo && controlToken !== undefined) {
    const running = await demo.start();
    console.log(
      `Demo contact center control API at ${running.baseUrl}/control (Authorization: Bearer ${controlToken})`,
    );
  }

  if (values.open) {
    openAppWindow(host.mintUiPageUrl());
    if (!openMediaHostAppWindow(host.mintMediaPageUrl())) {
      console.log('Open the audio engine page above as well to hear monitored calls.');
    }
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await services.dispose().catch((error: unknown) => logger.error('Shutting the services down failed', { error }));
    await host.close();
    platform.logFiles.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

function optionalInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive whole number, not ${text}`);
  return value;
}

/** Opens the system Chromium in app mode where there is a display; otherwise the URL above is enough. */
function openAppWindow(url: string): void {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((path) =>
    existsSync(path),
  );
  if (!chromium || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)) {
    console.log('Open that address in Chromium or Chrome (no display or no Chromium found to open it for you).');
    return;
  }
  const child = spawn(
    chromium,
    [
      `--app=${url}`,
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      '--allow-loopback-in-peer-connection',
    ],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  child.unref();
}

void main().catch((error: unknown) => {
  console.error('Earshot could not start:', error);
  process.exit(1);
});

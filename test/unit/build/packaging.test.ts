import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { EARSHOT_APP_ID } from '../../../electron/main/shell/app-identity';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly asar: boolean;
  readonly files: readonly string[];
  readonly afterPack: unknown;
  readonly mac: {
    readonly target: ReadonlyArray<{ target: string; arch: readonly string[] }>;
    readonly hardenedRuntime: boolean;
    readonly entitlements: string;
    readonly entitlementsInherit: string;
    readonly icon: string;
    readonly extendInfo: Readonly<Record<string, string>>;
  };
  readonly win: { readonly target: ReadonlyArray<{ target: string }>; readonly icon: string };
  readonly linux: {
    readonly target: ReadonlyArray<{ target: string }>;
    readonly icon: string;
    readonly category: string;
  };
}

const config = require('../../../electron-builder.config.cjs') as BuilderConfig;
const afterPackModule = require('../../../build/after-pack.cjs') as {
  flipFusesAfterPack: unknown;
  fuseSettings: Readonly<Record<number, boolean>>;
};
// electron-builder's own validation lives in its dependencies; resolve them as electron-builder does.
const requireFromBuilder = createRequire(require.resolve('electron-builder'));
const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_COUNT = 8;
/** How a fuse wire spells a fuse's state: the characters '0' and '1'. */
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;

describe('electron-builder configuration', () => {
  test('passes electron-builder’s own validation', async () => {
    await validateConfiguration(config, new DebugLogger(false));
  });

  test('names the app and uses the same app id as the shell', () => {
    assert.equal(config.productName, 'Earshot');
    assert.equal(config.appId, EARSHOT_APP_ID);
    assert.equal(config.asar, true);
  });

  test('builds a universal dmg, an NSIS installer, an AppImage and a .deb', () => {
    assert.deepEqual(config.mac.target, [{ target: 'dmg', arch: ['universal'] }]);
    assert.deepEqual(
      config.win.target.map((target) => target.target),
      ['nsis'],
    );
    assert.deepEqual(
      config.linux.target.map((target) => target.target),
      ['AppImage', 'deb'],
    );
    assert.ok(config.linux.category);
  });

  test('macOS: hardened runtime with JIT and audio input, and a microphone usage string', () => {
    assert.equal(config.mac.hardenedRuntime, true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(repoRoot, file), 'utf8');
      assert.match(plist, /<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/);
      assert.match(plist, /<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
    }
    assert.match(config.mac.extendInfo.NSMicrophoneUsageDescription ?? '', /coach|barge/i);
  });

  test('icons: ICNS and ICO containers and Linux PNGs in every size', () => {
    const icns = readFileSync(join(repoRoot, config.mac.icon));
    assert.equal(icns.toString('ascii', 0, 4), 'icns');
    assert.equal(icns.readUInt32BE(4), icns.length);
    assert.ok(icnsTypes(icns).includes('ic10'), 'has the 1024 px entry');

    const ico = readFileSync(join(repoRoot, config.win.icon));
    assert.equal(ico.readUInt16LE(2), 1, 'an icon resource');
    const icoWidths = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico.readUInt8(6 + index * 16) || 256);
    assert.deepEqual(icoWidths, [16, 24, 32, 48, 64, 128, 256]);

    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = readFileSync(join(repoRoot, config.linux.icon, `${size}x${size}.png`));
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${size}x${size}.png`);
    }
  });

  test('the afterPack hook flips the fuses that keep the packed app closed', () => {
    assert.equal(config.afterPack, afterPackModule.flipFusesAfterPack);
    assert.deepEqual(afterPackModule.fuseSettings, {
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });
});

describe('the packed app', () => {
  let workDir = '';
  let projectDir = '';
  let entries: string[] = [];
  let archive = '';
  let executable = '';

  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 'earshot-pack-'));
    projectDir = join(workDir, 'project');
    mkdirSync(projectDir);
    // The real sources, tests and node_modules, so the packer sees everything it must leave out.
    for (const name of ['electron', 'renderer', 'scripts', 'node_modules', 'test', 'build']) {
      symlinkSync(join(repoRoot, name), join(projectDir, name), 'junction');
    }
    cpSync(join(repoRoot, 'package.json'), join(projectDir, 'package.json'));

    run('the production build', [join(projectDir, 'scripts', 'build.mjs')], projectDir, { NODE_ENV: 'production' });
    assert.deepEqual(
      filesUnder(join(projectDir, 'out')).filter((file) => file.endsWith('.map')),
      [],
      'a production build writes no source maps',
    );
    // A leftover from a development build must not be packed either.
    writeFileSync(join(projectDir, 'out', 'main', 'index.js.map'), '{}');

    const electronDist = join(workDir, 'stand-in-electron');
    mkdirSync(electronDist);
    writeStandInElectron(join(electronDist, 'electron'));
    const electronVersion = (require('electron/package.json') as { version: string }).version;
    const outputDir = join(workDir, 'dist');
    run(
      'electron-builder',
      [
        join(repoRoot, 'test', 'unit', 'build', 'pack-app.mjs'),
        JSON.stringify({ projectDir, outputDir, electronDist, electronVersion }),
      ],
      repoRoot,
    );

    archive = join(outputDir, 'linux-unpacked', 'resources', 'app.asar');
    executable = join(outputDir, 'linux-unpacked', 'earshot');
    entries = listPackage(archive, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  });

  after(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  test('holds the compiled main, preloads, UI, media host and demo clips', () => {
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/preload/ui.cjs',
      'out/preload/media-host.cjs',
      'out/renderer/ui/index.html',
      'out/renderer/ui/app.js',
      'out/renderer/media-host/index.html',
      'out/renderer/media-host/media-host.js',
    ]) {
      assert.ok(entries.includes(file), `${file} is packed`);
    }
    assert.ok(
      entries.some((entry) => /^out\/simulator\/clips\/.+\.ulaw$/.test(entry)),
      'the demo call clips are packed',
    );
  });

  test('holds nothing else: no sources, tests, node_modules, source maps, browser edition or simulator CLI', () => {
    const allowed = /^(package\.json|out(\/(main|preload|renderer|simulator(\/clips)?)(\/.*)?)?)$/;
    assert.deepEqual(
      entries.filter((entry) => !allowed.test(entry)),
      [],
    );
    assert.deepEqual(
      entries.filter((entry) => entry.endsWith('.map')),
      [],
    );
    for (const excluded of ['test/', 'electron/', 'node_modules/', 'out/browser-host', 'out/simulator/cli.js']) {
      assert.ok(!entries.some((entry) => entry.startsWith(excluded)), `nothing from ${excluded}`);
    }
  });

  test('its code points at no source map and its package.json lists no dev dependencies or scripts', () => {
    for (const entry of entries.filter((file) => /\.(c?js)$/.test(file))) {
      assert.doesNotMatch(extractFile(archive, entry).toString('utf8'), /sourceMappingURL=/, entry);
    }
    const packedPackage = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
    assert.equal(packedPackage.main, 'out/main/index.js');
    assert.equal(packedPackage.devDependencies, undefined);
    assert.equal(packedPackage.scripts, undefined);
  });

  test('its Electron binary has the fuses flipped', async () => {
    const wire = (await getCurrentFuseWire(executable)) as unknown as Record<number, number>;
    for (const [option, enabled] of Object.entries(afterPackModule.fuseSettings)) {
      assert.equal(wire[Number(option)], enabled ? FUSE_ON : FUSE_OFF, FuseV1Options[Number(option)]);
    }
  });
});

describe('the demo contact center in the Electron app', () => {
  test('no shell file can turn on its control API or take orders from the command line or environment', () => {
    const shellDir = join(repoRoot, 'electron', 'main', 'shell');
    for (const file of filesUnder(shellDir).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(shellDir, file), 'utf8');
      assert.doesNotMatch(source, /controlApi/, file);
      assert.doesNotMatch(source, /process\.(env|argv)|commandLine\.(getSwitchValue|hasSwitch)/, file);
    }
  });

  test('started as the shell starts it, it has no control API', async () => {
    const { createInProcessDemo } = await import('../../../electron/main/demo-contact-center');
    const { createMemoryLogger } = await import('../../../electron/main/platform/logger');
    const clipsDirectory = join(repoRoot, 'electron', 'simulator', 'media', 'clips');
    const probe = async (options: { controlApi?: boolean; clipsDirectory: string }) => {
      const demo = createInProcessDemo(createMemoryLogger(), options);
      try {
        const { baseUrl } = await demo.start();
        return (await fetch(`${baseUrl}/control/state`)).status;
      } finally {
        await demo.stop();
      }
    };
    assert.equal(await probe({ clipsDirectory }), 404);
    assert.equal(
      await probe({ clipsDirectory, controlApi: true }),
      200,
      'the probe finds the control API where it is on',
    );
  });
});

function run(what: string, args: string[], cwd: string, env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0) {
    assert.fail(
      `${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(join(dir, entry.name), relative) : [relative];
  });
}

/** Enough of an Electron binary for packaging: the fuse wire (version 1, all fuses off) after its sentinel. */
function writeStandInElectron(path: string): void {
  const wire = Buffer.from([1, FUSE_COUNT, ...Array.from({ length: FUSE_COUNT }, () => FUSE_OFF)]);
  writeFileSync(
    path,
    Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n#'), Buffer.from(FUSE_SENTINEL), wire, Buffer.from('\n')]),
    {
      mode: 0o755,
    },
  );
}

function icnsTypes(icns: Buffer): string[] {
  const types: string[] = [];
  for (let offset = 8; offset + 8 <= icns.length && types.length < 64; offset += icns.readUInt32BE(offset + 4)) {
    types.push(icns.toString('ascii', offset, offset + 4));
  }
  return types;
}

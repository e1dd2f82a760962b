// Packs the app for Linux as an unpacked folder (electron-builder's `dir` target) with the project's
// real configuration, but with a stand-in Electron, so no Electron download is needed. Run by
// packaging.test.ts in a child process to keep electron-builder's log out of the test report.
// Usage: node pack-app.mjs '{"projectDir":…,"outputDir":…,"electronDist":…,"electronVersion":…}'
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { build, Platform, Arch } = require('electron-builder');
const config = require('../../../electron-builder.config.cjs');

const { projectDir, outputDir, electronDist, electronVersion } = JSON.parse(process.argv[2] ?? '{}');

await build({
  projectDir,
  targets: Platform.LINUX.createTarget(['dir'], Arch.x64),
  publish: 'never',
  config: { ...config, electronDist, electronVersion, directories: { ...config.directories, output: outputDir } },
});

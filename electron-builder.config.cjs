// electron-builder configuration for `npm run dist`. CommonJS because electron-builder loads it with require().
const { flipFusesAfterPack } = require('./build/after-pack.cjs');

/**
 * Must equal EARSHOT_APP_ID in electron/main/shell/app-identity.ts: Windows ties notifications and
 * the taskbar to it.
 */
const appId = 'app.earshot.desktop';

/**
 * The app is the bundled code in out/ and nothing else: esbuild already put every runtime dependency
 * inside it, so no node_modules go in. The browser edition and the demo contact center's command
 * line (both can turn on its control API) stay out, and so do source maps.
 */
const files = [
  'package.json',
  'out/main/**/*',
  'out/preload/**/*',
  'out/renderer/**/*',
  'out/simulator/clips/**/*',
  '!**/*.map',
  '!node_modules/**/*',
];

const microphoneUsage =
  'Earshot uses the microphone only when you coach an agent or barge in to a call. Listening in never opens it.';

module.exports = {
  appId,
  productName: 'Earshot',
  copyright: 'Copyright © Earshot contributors',
  directories: { output: 'dist', buildResources: 'build' },
  files,
  asar: true,
  // Nothing native to rebuild; the packaged code needs no package.json dependencies.
  npmRebuild: false,
  nodeGypRebuild: false,
  includePdb: false,
  afterPack: flipFusesAfterPack,
  artifactName: '${productName}-${version}-${os}-${arch}.${ext}',
  mac: {
    category: 'public.app-category.business',
    icon: 'build/icon.icns',
    target: [{ target: 'dmg', arch: ['universal'] }],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    extendInfo: { NSMicrophoneUsageDescription: microphoneUsage },
  },
  win: {
    icon: 'build/icon.ico',
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
    shortcutName: 'Earshot',
  },
  linux: {
    icon: 'build/icons',
    category: 'Network',
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    maintainer: 'Earshot contributors <earshot@users.noreply.github.com>',
    vendor: 'Earshot contributors',
    synopsis: 'Supervisor softphone for Genesys Engage',
  },
  deb: { priority: 'optional' },
  publish: null,
};

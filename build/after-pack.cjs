// electron-builder afterPack hook: flips Electron's fuses in the packed binary before it is signed.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/**
 * What the packed Electron may do. Each fuse closes a way to run code or load pages other than the
 * app as packed: no running as plain Node, no NODE_OPTIONS or --inspect, the app only from its
 * app.asar and only if that archive matches the hash recorded at packaging, no extra file:// powers,
 * and cookies encrypted with the OS keychain.
 */
const fuseSettings = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron executable inside a packed app folder, as electron-builder names it per platform. */
function packedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

/**
 * Runs once per packed app folder (for a universal macOS build: per architecture, then once more
 * for the merged app; flipping is idempotent and reaches both slices of a universal binary).
 * Flipping invalidates a macOS ad-hoc signature, so that is redone; real signing comes after.
 */
async function flipFusesAfterPack(context) {
  const executable = packedExecutable(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(executable, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: isMac && process.platform === 'darwin',
    ...fuseSettings,
  });
}

module.exports = { flipFusesAfterPack, fuseSettings, packedExecutable };

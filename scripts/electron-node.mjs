// Electron 45 (its binary downloader) and electron-builder 26 declare Node 22.12 or later. Everything
// else, the browser edition, the demo and every test, runs on Node 20.19 or later.
export const ELECTRON_TOOLING_NODE = '22.12';

export function nodeRunsElectronTooling(version = process.versions.node) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

// `npm start`: the Electron app where its binary can be had, otherwise the browser edition.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ELECTRON_TOOLING_NODE, nodeRunsElectronTooling } from './electron-node.mjs';

const require = createRequire(import.meta.url);

// What a supervisor runs gets the production UI (React's production build, minified, no source maps).
run(process.execPath, ['scripts/build.mjs'], { ...process.env, NODE_ENV: 'production' });

const electronBinary = findOrFetchElectron();
if (electronBinary) {
  const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = nodeRunsElectronTooling()
    ? 'its binary could not be downloaded'
    : `downloading its binary needs Node ${ELECTRON_TOOLING_NODE} or later; this is Node ${process.versions.node}`;
  console.log(
    `Electron is not available on this machine (${why}), so Earshot starts as the browser edition (npm run web).`,
  );
  const child = spawn(process.execPath, ['out/browser-host/index.js', '--open'], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function findOrFetchElectron() {
  let packageDir;
  try {
    packageDir = join(require.resolve('electron/package.json'), '..');
  } catch {
    return null;
  }
  const binary = () => {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const full = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(full) ? full : null;
  };
  if (binary()) return binary();
  if (!nodeRunsElectronTooling()) return null;
  // Electron downloads its binary on first run; where that fails (no access to its host) we fall back.
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return download.status === 0 ? binary() : null;
}

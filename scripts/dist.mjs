// `npm run dist`: a production build of out/ (no source maps), then installers for this OS into dist/.
// Extra arguments go to electron-builder, e.g. `npm run dist -- --linux deb` or `-- --publish never`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ELECTRON_TOOLING_NODE, nodeRunsElectronTooling } from './electron-node.mjs';

const require = createRequire(import.meta.url);

function run(args, env = process.env) {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!nodeRunsElectronTooling()) {
  console.error(
    `npm run dist needs Node ${ELECTRON_TOOLING_NODE} or later (electron-builder 26 and Electron 45 require it); this is Node ${process.versions.node}.`,
  );
  process.exit(1);
}

run(['scripts/build.mjs'], { ...process.env, NODE_ENV: 'production' });
run([require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.config.cjs', ...process.argv.slice(2)]);

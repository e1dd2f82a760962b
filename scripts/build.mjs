// Bundles every process of Earshot into out/ with esbuild. Type-checking is separate (npm run typecheck).
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';

const production = process.env.NODE_ENV === 'production';
// Bundled CommonJS packages (faye, ws) still call require() and read __dirname.
const nodeRequireBanner = [
  "import { createRequire as __earshotCreateRequire } from 'node:module';",
  "import { fileURLToPath as __earshotFileURLToPath } from 'node:url';",
  'const require = __earshotCreateRequire(import.meta.url);',
  'const __filename = __earshotFileURLToPath(import.meta.url);',
  "const __dirname = __earshotFileURLToPath(new URL('.', import.meta.url));",
].join(' ');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const nodeEsm = {
  ...common,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: nodeRequireBanner },
  // Optional native speed-ups of ws; it works without them.
  external: ['bufferutil', 'utf-8-validate'],
};

rmSync('out', { recursive: true, force: true });
mkdirSync('out', { recursive: true });

await Promise.all([
  build({
    ...nodeEsm,
    entryPoints: ['electron/main/shell/main.ts'],
    outfile: 'out/main/index.js',
    external: [...nodeEsm.external, 'electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/ui.ts'],
    outfile: 'out/preload/ui.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/media-host.ts'],
    outfile: 'out/preload/media-host.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
  }),
  build({ ...nodeEsm, entryPoints: ['electron/browser-host/index.ts'], outfile: 'out/browser-host/index.js' }),
  build({
    ...common,
    entryPoints: ['electron/browser-host/page-bridge/page-bridge.ts'],
    outfile: 'out/browser-host/page-bridge.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  }),
  build({
    ...common,
    entryPoints: ['electron/browser-host/page-bridge/launch-page.ts'],
    outfile: 'out/browser-host/pages/launch.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  }),
  build({
    ...common,
    entryPoints: ['electron/browser-host/page-bridge/media-page-bridge.ts'],
    outfile: 'out/browser-host/media-page-bridge.js',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  }),
  build({ ...nodeEsm, entryPoints: ['electron/simulator/cli.ts'], outfile: 'out/simulator/cli.js' }),
  build({
    ...common,
    entryPoints: { app: 'renderer/ui/main.tsx' },
    outdir: 'out/renderer/ui',
    platform: 'browser',
    // A classic <script>: in any other format the bundle's top-level names become globals of the
    // page (a library's `var open` replaced window.open, so "Reopen the audio window" did nothing).
    format: 'iife',
    target: 'chrome130',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  }),
  build({
    ...common,
    entryPoints: { 'media-host': 'renderer/media-host/main.ts' },
    outdir: 'out/renderer/media-host',
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
  }),
]);

cpSync('renderer/ui/index.html', 'out/renderer/ui/index.html');
cpSync('renderer/media-host/index.html', 'out/renderer/media-host/index.html');
cpSync('electron/browser-host/pages', 'out/browser-host/pages', { recursive: true });
cpSync('electron/browser-host/page-bridge/page-bridge.css', 'out/browser-host/page-bridge.css');
for (const assets of ['renderer/ui/assets']) {
  if (existsSync(assets)) cpSync(assets, 'out/renderer/ui/assets', { recursive: true });
}
if (existsSync('electron/simulator/media/clips')) {
  cpSync('electron/simulator/media/clips', 'out/simulator/clips', { recursive: true });
}
console.log(`build: out/ ready${production ? ' (production)' : ''}`);

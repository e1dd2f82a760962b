// Type-checks each layer with its own tsconfig, so a layer only sees the globals it may use.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
const projects = root.references.map((reference) => reference.path);
let failed = 0;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`typecheck failed: ${project}`);
  }
}
if (failed > 0) process.exit(1);
console.log(`typecheck: ${projects.length} projects clean`);

// Runs node:test files under a folder through tsx. Node 20's --test does not expand globs itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [folder, ...extraArgs] = process.argv.slice(2);
if (!folder) {
  console.error('usage: run-node-tests.mjs <folder> [node --test args]');
  process.exit(2);
}

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = findTests(folder).sort();
if (files.length === 0) {
  console.error(`no tests found under ${folder}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...extraArgs, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = resolve(dirname(fileURLToPath(import.meta.url)), '../../../scripts/check-folder-cycles.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'earshot-cycles-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes the files into a fresh project folder and runs the check over its src/. */
function check(name: string, files: Readonly<Record<string, string>>): { status: number | null; output: string } {
  const project = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  const run = spawnSync(process.execPath, [script, project, 'src'], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('check-folder-cycles', () => {
  test('two sibling folders importing each other fail, with the imports that close the loop', () => {
    const result = check('siblings', {
      'src/state/reducers.ts':
        "import { endedReason } from '../monitoring/modes';\nexport const reason = endedReason;\n",
      'src/monitoring/modes.ts': "export const endedReason = 'ended';\n",
      'src/monitoring/service.ts': "import { reason } from '../state/reducers';\nexport const service = reason;\n",
    });
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /folder cycle: src\/monitoring ↔ src\/state/);
    assert.match(result.output, /src\/state\/reducers\.ts imports '\.\.\/monitoring\/modes'/);
  });

  test('a loop through three folders fails, and type-only imports count', () => {
    const result = check('loop', {
      'src/a/one.ts': "import type { Two } from '../b/two';\nexport type One = Two;\n",
      'src/b/two.ts': "import type { Three } from '../c/three';\nexport type Two = Three;\n",
      'src/c/three.ts': "import type { One } from '../a/one';\nexport type Three = One | null;\n",
    });
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /folder cycle: src\/a ↔ src\/b ↔ src\/c/);
  });

  test('a parent folder may wire its subfolders together and they may use its shared files', () => {
    const result = check('parent', {
      'src/result.ts': 'export const ok = true;\n',
      'src/host.ts':
        "import { one } from './a/one';\nimport { two } from './b/two';\nexport const host = [one, two];\n",
      'src/a/one.ts': "import { ok } from '../result';\nexport const one = ok;\n",
      'src/b/two.ts': "import { one } from '../a/one';\nexport const two = one;\n",
    });
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /folder cycles: none/);
  });
});

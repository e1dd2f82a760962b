// Fails when two folders import each other, directly or around a loop. A folder cycle means neither
// side can be understood, tested or moved without the other; the fix is to move the shared piece down
// a layer. Imports are resolved by the TypeScript compiler itself, so what counts is what tsc sees.
// A folder and its own subfolders are one unit: the parent's files may wire the subfolders together
// (a composition root) and the subfolders may use the parent's shared files, so imports between a
// folder and its ancestors are not edges. Sibling and cousin folders are.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// Arguments, for the script's own test: a root folder and the folders under it to scan.
const [rootArgument, ...folderArguments] = process.argv.slice(2);
const root = rootArgument ? resolve(rootArgument) : join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoots = folderArguments.length > 0 ? folderArguments : ['electron', 'renderer', 'test', 'bench'];
const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
};

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const toPosix = (path) => path.split(sep).join('/');
const folderOf = (file) => toPosix(relative(root, dirname(file))) || '.';
const isWithin = (folder, ancestor) => ancestor === '.' || folder === ancestor || folder.startsWith(`${ancestor}/`);

/** Folder → folder it imports → one file-level import that shows it (for the message). */
function folderGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const from = folderOf(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, file, compilerOptions, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = resolved.resolvedFileName;
      if (relative(root, target).startsWith('..') || target.endsWith('.d.ts')) continue;
      const to = folderOf(target);
      if (isWithin(from, to) || isWithin(to, from)) continue;
      const edges = graph.get(from) ?? new Map();
      graph.set(from, edges);
      if (!edges.has(to)) edges.set(to, `${toPosix(relative(root, file))} imports '${specifier}'`);
    }
  }
  return graph;
}

/** Tarjan's strongly connected components: every component with more than one folder is a cycle. */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let counter = 0;
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

function folderCycles() {
  const graph = folderGraph(sourceRoots.flatMap((folder) => sourceFiles(join(root, folder))));
  return cycles(graph).map((component) => {
    const members = new Set(component);
    const edges = component.flatMap((from) =>
      [...(graph.get(from) ?? new Map())]
        .filter(([to]) => members.has(to))
        .map(([to, example]) => `    ${from} → ${to}: ${example}`),
    );
    return { folders: component, edges };
  });
}

const found = folderCycles();
for (const { folders, edges } of found) {
  console.error(`folder cycle: ${folders.join(' ↔ ')}`);
  console.error(edges.join('\n'));
}
if (found.length > 0) {
  console.error(`${found.length} folder cycle(s); move the shared piece into the lower folder.`);
  process.exit(1);
}
console.log('folder cycles: none');

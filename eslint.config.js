// Layer rules live here: a file's folder says where it runs and what it may import. They compare
// resolved file paths, not import text, so '../shell/tray' and 'electron/main/shell/tray' are the
// same import. test/unit/tooling/layer-rules.test.ts proves each rule still fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

const appFolders = {
  common: 'electron/common',
  main: 'electron/main',
  shell: 'electron/main/shell',
  preload: 'electron/preload',
  browserHost: 'electron/browser-host',
  pageBridge: 'electron/browser-host/page-bridge',
  simulator: 'electron/simulator',
  renderer: 'renderer',
  ui: 'renderer/ui',
  mediaHost: 'renderer/media-host',
};
const electronPackage = 'node_modules/electron';
const jssipPackage = 'node_modules/jssip';

/**
 * no-restricted-paths zones: files under `target` may not import anything that resolves under `from`
 * (except under `except`). `from: '.'` with `except` is an allow-list.
 */
const layerZones = [
  {
    target: appFolders.common,
    from: [
      appFolders.main,
      appFolders.preload,
      appFolders.browserHost,
      appFolders.simulator,
      appFolders.renderer,
      electronPackage,
    ],
    message: 'electron/common is the bottom layer: it imports nothing from the processes above it, nor electron.',
  },
  {
    // Main-side services: everything in electron/main but the shell, and the browser host.
    target: [`${appFolders.main}/*.ts`, `${appFolders.main}/!(shell)/**`, `${appFolders.browserHost}/**`],
    from: [appFolders.shell, appFolders.preload, appFolders.renderer, electronPackage],
    message: 'Main-side services run in plain Node too: no electron, no electron/main/shell, renderer or preload.',
  },
  {
    target: appFolders.shell,
    from: [appFolders.preload, appFolders.renderer, appFolders.browserHost],
    message: 'The Electron shell wires main-side services into Electron; it does not reach into pages.',
  },
  {
    target: appFolders.preload,
    from: '.',
    except: [appFolders.preload, appFolders.common, electronPackage],
    message: 'A preload imports only electron and electron/common.',
  },
  {
    target: appFolders.simulator,
    from: '.',
    except: [appFolders.simulator, 'node_modules'],
    message: 'The simulator speaks only wire protocols and imports nothing from the app.',
  },
  {
    target: appFolders.simulator,
    from: electronPackage,
    message: 'The simulator runs in plain Node.',
  },
  {
    target: [appFolders.renderer, appFolders.pageBridge],
    from: '.',
    except: [appFolders.renderer, appFolders.pageBridge, appFolders.common, 'node_modules'],
    message: 'Page code knows main only through electron/common.',
  },
  {
    target: [appFolders.renderer, appFolders.pageBridge],
    from: electronPackage,
    message: 'Page code never imports electron; only the preloads do.',
  },
  {
    target: appFolders.ui,
    from: appFolders.mediaHost,
    message: 'The UI window and the media host never import each other.',
  },
  {
    target: appFolders.mediaHost,
    from: appFolders.ui,
    message: 'The UI window and the media host never import each other.',
  },
  {
    target: ['electron', appFolders.ui],
    from: jssipPackage,
    message: 'Only renderer/media-host runs SIP.',
  },
];

const ipcWrapperFolders = [`${appFolders.shell}/ipc/**`, `${appFolders.preload}/**`];

const namedExportsOnly = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
const rawIpcMessage = 'Send through the typed IPC wrappers in electron/main/shell/ipc.';
const rawIpcSyntax = [
  {
    selector:
      "CallExpression[callee.property.name=/^(send|sendToFrame|postMessage)$/][callee.object.property.name='webContents']",
    message: rawIpcMessage,
  },
  {
    selector:
      'CallExpression[callee.property.name=/^(send|sendToFrame|postMessage)$/][callee.object.name=/^(webContents|contents)$/]',
    message: rawIpcMessage,
  },
  {
    selector: "MemberExpression[property.name='ipc'][object.property.name='webContents']",
    message: rawIpcMessage,
  },
  {
    selector: "MemberExpression[property.name='ipc'][object.name=/^(webContents|contents)$/]",
    message: rawIpcMessage,
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', namedExportsOnly, ...rawIpcSyntax],
      // An import the resolver cannot follow would slip past every zone below.
      'import-x/no-unresolved': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: rawIpcMessage }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'ipcMain', message: rawIpcMessage },
        { property: 'ipcRenderer', message: rawIpcMessage },
      ],
    },
  },
  {
    files: ipcWrapperFolders.map((folder) => `${folder}/*.ts`),
    rules: {
      'no-restricted-syntax': ['error', namedExportsOnly],
      'no-restricted-imports': 'off',
      'no-restricted-properties': 'off',
    },
  },
  {
    files: ['playwright.config.ts'],
    rules: { 'no-restricted-syntax': ['error', ...rawIpcSyntax] },
  },
  {
    // Code that runs in a page or a sandboxed preload has no Node.
    files: [
      `${appFolders.common}/**/*.ts`,
      `${appFolders.renderer}/**/*.{ts,tsx}`,
      `${appFolders.preload}/**/*.ts`,
      `${appFolders.pageBridge}/**/*.ts`,
    ],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: [
      `${appFolders.renderer}/**/*.{ts,tsx}`,
      `${appFolders.pageBridge}/**/*.ts`,
      `${appFolders.preload}/**/*.ts`,
    ],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [`${appFolders.ui}/**/*.{ts,tsx}`],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // electron-builder loads its configuration and hooks with require().
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

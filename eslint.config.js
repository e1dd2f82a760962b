// Layer rules live here as lint zones: a file's folder says where it runs and what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Regexes, not globs: a glob like 'electron/*' would also match '../../electron/common/…'.
const electronModule = {
  regex: '^electron(/.*)?$',
  message: 'Only electron/main/shell and the preloads import electron.',
};
const nodeBuiltins = {
  regex: '^(node:.*|fs|path|http|https|net|os|child_process|crypto|url|events|stream|tls|dgram)(/.*)?$',
  message: 'This layer does not run in Node.',
};

function restrict(patterns, message) {
  return { group: patterns, message };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['playwright.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule,
            nodeBuiltins,
            restrict(
              ['**/main/**', '**/renderer/**', '**/preload/**', '**/browser-host/**', '**/simulator/**'],
              'common imports nothing from the layers above it.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/browser-host/**/*.ts'],
    ignores: ['electron/main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...electronModule, message: 'Main-side services never import electron; only electron/main/shell does.' },
            restrict(
              ['**/renderer/**', '**/preload/**', '**/main/shell/**'],
              'Main-side services do not reach into the renderer, preload or shell.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule,
            restrict(
              ['**/common/**', '**/main/**', '**/renderer/**', '**/preload/**', '**/browser-host/**'],
              'The simulator speaks only wire protocols and imports nothing from the app.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/browser-host/page-bridge/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule,
            nodeBuiltins,
            restrict(
              [
                '**/electron/main/**',
                '**/electron/simulator/**',
                '**/electron/browser-host/**',
                '**/electron/preload/**',
              ],
              'The renderer knows main only through electron/common.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule,
            nodeBuiltins,
            restrict(
              [
                '**/electron/main/**',
                '**/electron/simulator/**',
                '**/electron/browser-host/**',
                '**/electron/preload/**',
              ],
              'The renderer knows main only through electron/common.',
            ),
            restrict(['**/media-host/**', 'jssip'], 'The UI window never touches SIP or the media host.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/media-host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronModule,
            nodeBuiltins,
            restrict(
              [
                '**/electron/main/**',
                '**/electron/simulator/**',
                '**/electron/browser-host/**',
                '**/electron/preload/**',
              ],
              'The media host knows main only through electron/common.',
            ),
            restrict(['**/renderer/ui/**'], 'The media host and the UI never import each other.'),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/main/shell/ipc/**', 'electron/preload/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'ipcMain', message: 'Use the typed IPC wrappers in electron/main/shell/ipc.' },
        { object: 'ipcRenderer', message: 'Only the preload talks to ipcRenderer.' },
      ],
    },
  },
  // electron-builder loads its configuration and hooks with require().
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// Flat config. Type-checked rules everywhere; boundary rules make a folder a process boundary:
// renderer/ and shared/ import neither electron nor Node built-ins, electron/core and
// electron/sandbox import no electron. What STYLE.md asks is enforced here: named exports only,
// no import cycles, and IPC touched only by its one registration module and the preload.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'zlib',
  'worker_threads',
];
// The only files that may touch Electron's IPC objects: every other module goes through the
// typed contract (shared/ipc) that these two install.
const ipcOwners = ['electron/main/ipc-registration.ts', 'electron/preload/index.ts'];
const ipcImports = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Only electron/main/ipc-registration.ts and the preload touch ipcMain/ipcRenderer: add a channel to shared/ipc/contract instead.',
};
// Tools that load their configuration by default export.
const defaultExportFiles = ['*.config.{ts,js,mjs}', 'electron.vite.config.ts'];
const electronModules = ['electron', 'electron/*', 'electron-log', 'electron-log/*'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'release-smoke/**',
      'test-results/**',
      'coverage/**',
      'bin/**',
      'scripts/**',
      '*.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Dependencies are parsed as TypeScript too, or no-cycle cannot follow them.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='sendSync']",
          message: 'No sendSync: use the typed contract.',
        },
      ],
      'no-restricted-imports': ['error', { paths: [ipcImports] }],
    },
  },
  { files: defaultExportFiles, rules: { 'no-restricted-exports': 'off' } },
  { files: ipcOwners, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [ipcImports],
          patterns: [
            {
              group: [...nodeBuiltins, ...electronModules, '**/electron/**'],
              message:
                'renderer/ runs in the page: no Node or Electron imports, talk to window.api through the stores.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ipcImports],
          patterns: [
            {
              group: [...nodeBuiltins, ...electronModules, '**/electron/**', '**/renderer/**'],
              message: 'shared/ is pure TypeScript used by both sides.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/core/**/*.ts',
      'electron/sandbox/**/*.ts',
      'electron/cli/**/*.ts',
      'electron/preview/**/*.ts',
    ],
    rules: {
      // electron-log/node is the Node flavour of the same logger, so core may log through it.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'electron',
            'electron-log',
            'electron-log/main',
            'electron-log/renderer',
            'electron-log/preload',
          ].map((name) => ({
            name,
            message: 'core, sandbox, CLI and preview run without Electron.',
          })),
          patterns: [
            {
              group: ['electron/*', '**/electron/main/**', '**/renderer/**'],
              message: 'Import across the process line.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

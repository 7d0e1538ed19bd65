// Flat config. Type-checked rules everywhere; boundary rules make a folder a process boundary:
// renderer/ and shared/ import neither electron nor Node built-ins, electron/core and
// electron/sandbox import no electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'zlib', 'worker_threads'];
const electronModules = ['electron', 'electron/*', 'electron-log', 'electron-log/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'release-smoke/**', 'test-results/**', 'coverage/**', 'bin/**', 'scripts/**', '*.config.js'] },
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
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='sendSync']", message: 'No sendSync: use the typed contract.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, ...electronModules, '**/electron/**'], message: 'renderer/ runs in the page: no Node or Electron imports, talk to window.api through the stores.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeBuiltins, ...electronModules, '**/electron/**', '**/renderer/**'], message: 'shared/ is pure TypeScript used by both sides.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/sandbox/**/*.ts', 'electron/cli/**/*.ts', 'electron/preview/**/*.ts'],
    rules: {
      // electron-log/node is the Node flavour of the same logger, so core may log through it.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-log', 'electron-log/main', 'electron-log/renderer', 'electron-log/preload'].map((name) => ({
            name,
            message: 'core, sandbox, CLI and preview run without Electron.',
          })),
          patterns: [{ group: ['electron/*', '**/electron/main/**', '**/renderer/**'], message: 'Import across the process line.' }],
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

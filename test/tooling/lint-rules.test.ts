// The conventions the tools enforce (issue L.19), checked by linting small probe files with the
// project's own ESLint configuration: a raw ipcRenderer import in the renderer, an ipcMain import
// in core, a default export and an import cycle each fail the lint; the same code in the two IPC
// owners or a config file does not. The probes live in the source tree (the type-aware rules only
// lint files a tsconfig includes) and are removed afterwards.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const probeDirs = {
  renderer: join('renderer', `lint-probe-${process.pid}`),
  shared: join('shared', `lint-probe-${process.pid}`),
  core: join('electron', 'core', `lint-probe-${process.pid}`),
};
const files: Record<string, string> = {
  [join(probeDirs.renderer, 'raw-ipc.ts')]:
    "import { ipcRenderer } from 'electron';\nexport const send = (): void => ipcRenderer.removeAllListeners('x');\n",
  [join(probeDirs.core, 'raw-ipc-main.ts')]:
    "import { ipcMain } from 'electron';\nexport const off = (): void => ipcMain.removeHandler('x');\n",
  [join(probeDirs.shared, 'default-export.ts')]: 'const answer = 42;\nexport default answer;\n',
  [join(probeDirs.shared, 'cycle-a.ts')]:
    "import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n",
  [join(probeDirs.shared, 'cycle-b.ts')]:
    "import { a } from './cycle-a';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n",
  [join(probeDirs.shared, 'clean.ts')]: 'export const clean = (n: number): number => n * 2;\n',
};

let results: Map<string, string[]>;

beforeAll(async () => {
  for (const dir of Object.values(probeDirs)) mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(file, text);
  const eslint = new ESLint({ cwd: root });
  const linted = await eslint.lintFiles(Object.keys(files));
  results = new Map(
    linted.map((r) => [
      r.filePath.slice(root.length + 1),
      r.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`),
    ]),
  );
}, 180_000);

afterAll(() => {
  for (const dir of Object.values(probeDirs)) rmSync(dir, { recursive: true, force: true });
});

const rulesOf = (file: string) => (results.get(file) ?? []).map((m) => m.split(':')[0]);

describe('lint rules the style relies on', () => {
  it('refuses a raw ipcRenderer import in the renderer', () => {
    const messages = results.get(join(probeDirs.renderer, 'raw-ipc.ts')) ?? [];
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*ipcRenderer/);
  });

  it('refuses ipcMain outside its registration module', () => {
    expect(rulesOf(join(probeDirs.core, 'raw-ipc-main.ts'))).toContain('no-restricted-imports');
  });

  it('refuses a default export', () => {
    expect(rulesOf(join(probeDirs.shared, 'default-export.ts'))).toContain('no-restricted-exports');
  });

  it('refuses an import cycle, on both files', () => {
    expect(rulesOf(join(probeDirs.shared, 'cycle-a.ts'))).toContain('import-x/no-cycle');
    expect(rulesOf(join(probeDirs.shared, 'cycle-b.ts'))).toContain('import-x/no-cycle');
  });

  it('passes a clean file, so the failures above are the rules and not the setup', () => {
    expect(results.get(join(probeDirs.shared, 'clean.ts'))).toEqual([]);
  });
});

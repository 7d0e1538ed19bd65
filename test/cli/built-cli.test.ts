// The CLI as installed runs its build (vite.cli.config.ts → out/cli). This builds it into a
// scratch directory beside out/cli (so the packages resolve from node_modules as they do for
// out/cli) and runs it: help without a single AWS SDK module loaded, the version from
// package.json, and whoami through the lazily loaded command, core and in-process sandbox.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'out', `cli-test-${process.pid}`);
let home: string;

// Reports, on exit, every module of an @aws-sdk package the process loaded (the SDK is CommonJS
// for Node, so an ESM import of it lands in the require cache too).
const probe = `process.on('exit', () => {
  const sdk = Object.keys(require('module')._cache).filter((f) => f.includes('/@aws-sdk/'));
  process.stderr.write('SDK-MODULES ' + sdk.length + '\\n');
});`;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: string[], nodeFlags: string[] = []): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    ENVELOPE_DATA_DIR: join(home, 'data'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeFlags, join(outDir, 'main.js'), ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'envelope-built-cli-'));
  writeFileSync(join(home, 'config'), '');
  writeFileSync(join(home, 'credentials'), '');
  writeFileSync(join(home, 'probe.cjs'), probe);
  await build({ configFile: join(root, 'vite.cli.config.ts'), logLevel: 'error', build: { outDir } });
}, 180_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('the built CLI', () => {
  it('prints help without loading the AWS SDK', async () => {
    const { code, stdout, stderr } = await run(['--help'], ['--require', join(home, 'probe.cjs')]);
    expect(code).toBe(0);
    expect(stdout).toContain('whoami');
    expect(stdout).toContain('copy-ami');
    expect(stderr).toContain('SDK-MODULES 0');
  });

  it('prints the version from package.json', async () => {
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(stdout.trim()).not.toBe('0.0.0');
  });

  it('runs whoami on the sandbox account through its lazily loaded chunks', async () => {
    const { code, stdout, stderr } = await run(['whoami', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      profile: 'sandbox',
      accountId: expect.stringMatching(/^\d{12}$/),
    });
  });

  it('answers a bad command in one line', async () => {
    const { code, stderr } = await run(['no-such-command']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')[0]).toMatch(/unknown command/);
  });
});

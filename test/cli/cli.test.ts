// The `envelope` binary as a user runs it: a real process, the README's entry point.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { envelopeEntry } from './envelope-entry';

const run = promisify(execFile);
const bin = envelopeEntry;

async function envelope(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: process.env,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('envelope CLI', () => {
  it('prints help with the global options', async () => {
    const { code, stdout } = await envelope(['--help']);
    expect(code).toBe(0);
    for (const option of ['--profile', '--region', '--json', '--version']) expect(stdout).toContain(option);
  });

  it('prints its version', async () => {
    const { code, stdout } = await envelope(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits non-zero with a one-line reason on a bad command', async () => {
    const { code, stderr } = await envelope(['no-such-command']);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')[0]).toMatch(/unknown command/);
  });

  it('whoami answers from the sandbox account when no profile exists', async () => {
    const { code, stdout, stderr } = await envelope(['whoami', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const identity = JSON.parse(stdout) as { profile: string; accountId: string; arn: string };
    expect(identity.profile).toBe('sandbox');
    expect(identity.accountId).toMatch(/^\d{12}$/);
    expect(identity.arn).toMatch(/^arn:aws:(iam|sts)::\d{12}:/);
  });

  it('fails with a one-line reason for an unknown profile', async () => {
    const { code, stderr } = await envelope(['whoami', '--profile', 'does-not-exist']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('does-not-exist');
  });
});

// Bad local input, as a user meets it on the command line: `--config` on something that is not a
// configuration file, and a profile whose region or endpoint_url cannot work, each answered with
// one line on stderr and exit code 1, before any AWS call.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, readAppConfigFile } from '../../electron/core/diagnostics/app-config';
import { envelopeEntry } from './envelope-entry';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'envelope-cli-bad-input-'));
  writeFileSync(join(dir, 'credentials'), '');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number;
  readonly stderr: string;
}

function envelope(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    ENVELOPE_DATA_DIR: join(dir, 'data'),
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
  };
  return new Promise((resolve) => {
    execFile(process.execPath, [envelopeEntry, ...args], { env, timeout: 60_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
    );
  });
}

const oneLine = (run: Run): string => {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
};

describe('diagnose --config on something that is not a configuration file', () => {
  it('refuses a device', async () => {
    expect(oneLine(await envelope(['diagnose', '--config', '/dev/zero']))).toBe(
      'envelope: invalid-argument: Cannot read /dev/zero: it is a device, not a file. Give the path of the configuration file itself.',
    );
  });

  it('refuses a FIFO no one writes to (without waiting for a writer)', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(oneLine(await envelope(['diagnose', '--config', fifo]))).toContain(
      `Cannot read ${fifo}: it is a named pipe (FIFO), not a file.`,
    );
  });

  it('refuses a directory and a huge file, naming the size', async () => {
    expect(oneLine(await envelope(['diagnose', '--config', dir]))).toContain(
      `Cannot read ${dir}: it is a directory`,
    );
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_CONFIG_BYTES + 1); // sparse: no disk used
    expect(oneLine(await envelope(['diagnose', '--config', huge]))).toContain(
      `it is ${MAX_CONFIG_BYTES + 1} bytes, more than the ${MAX_CONFIG_BYTES} bytes (4 MiB)`,
    );
  });

  it('reads a real file as before', () => {
    const file = join(dir, 'avi.json');
    writeFileSync(file, '{"aws_configuration": {}}');
    expect(readAppConfigFile(file)).toBe('{"aws_configuration": {}}');
    expect(() => readAppConfigFile(join(dir, 'missing.json'))).toThrow('no such file');
    mkdirSync(join(dir, 'sub'));
    expect(() => readAppConfigFile(join(dir, 'sub'))).toThrow('it is a directory');
  });
});

describe('a profile with an invalid region or endpoint_url', () => {
  it('is refused with the file and line, before any call', async () => {
    const config = join(dir, 'config');
    writeFileSync(
      config,
      '[profile zone]\nregion = eu-west-1b\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = x\n',
    );
    expect(oneLine(await envelope(['whoami', '--profile', 'zone']))).toBe(
      `envelope: invalid-profile: Profile zone cannot be used: ${config} line 2: region = eu-west-1b is not an AWS region name (such as us-east-1 or eu-west-2). Correct that line (or choose another profile); Envelope sends nothing with this profile until then.`,
    );
  });
});

// Bad local input answers at once: a region or endpoint_url the SDK would send to a host that does
// not resolve is named with its file and line and the profile is refused before any call; a
// credential_process that never answers is stopped after a bounded wait, with the profile named.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountService } from '../../../electron/core/accounts/account-service';
import {
  fromProcessWithTimeout,
  parseProcessOutput,
} from '../../../electron/core/accounts/credential-process';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { AppError } from '../../../electron/core/errors/app-error';
import { unusedSandbox } from './aws-fixture';

let dir: string;
const saved = { ...process.env };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'envelope-bad-input-'));
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
});

afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

async function accountsWith(config: string): Promise<AccountService> {
  writeFileSync(join(dir, 'config'), config);
  const accounts = new AccountService(
    unusedSandbox(),
    { emit: () => undefined },
    new SettingsStore(join(dir, 'data')),
    { startSandbox: 'when-used' },
  );
  await accounts.init();
  return accounts;
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const config = [
  '[profile typo]', // 1
  'region = us-east-1a', // 2: an availability zone, not a region
  'aws_access_key_id = AKIAEXAMPLE', // 3
  'aws_secret_access_key = example', // 4
  '[profile local]', // 5
  'region = us-east-1', // 6
  'endpoint_url = localhost:4566', // 7: no scheme
  'aws_access_key_id = AKIAEXAMPLE', // 8
  'aws_secret_access_key = example', // 9
  '[profile fine]', // 10
  'region = eu-west-1', // 11
  'services = broken', // 12
  'aws_access_key_id = AKIAEXAMPLE', // 13
  'aws_secret_access_key = example', // 14
  '[services broken]', // 15
  'sts =', // 16
  '  endpoint_url = ::not a url', // 17
  '[profile good]', // 18
  'region = eu-west-1', // 19
  'aws_access_key_id = AKIAEXAMPLE', // 20
  'aws_secret_access_key = example', // 21
  '',
].join('\n');

describe('invalid region and endpoint_url in the config file', () => {
  it('lists each bad value with its file and line', async () => {
    const accounts = await accountsWith(config);
    const { fileErrors } = await accounts.listProfiles();
    const file = join(dir, 'config');
    expect(fileErrors.map((e) => [e.file, e.line])).toEqual([
      [file, 2],
      [file, 7],
      [file, 17],
    ]);
    expect(fileErrors[0]?.message).toContain('us-east-1a is not an AWS region name');
    expect(fileErrors[1]?.message).toContain('localhost:4566 is not an http:// or https:// URL');
  });

  it.each([
    ['typo', 2],
    ['local', 7],
    ['fine', 17], // through its services section
  ])('refuses profile %s before any call, naming line %i', async (profile, line) => {
    const accounts = await accountsWith(config);
    const selecting = await errorOf(accounts.select(profile, undefined, { persist: false }));
    expect(selecting.code).toBe('invalid-profile');
    expect(selecting.message).toContain(`${join(dir, 'config')} line ${line}`);
    // identity() goes through the same gate (no DNS lookup, no retries).
    const calling = await errorOf(accounts.identity(profile));
    expect(calling.code).toBe('invalid-profile');
    expect(calling.message).toContain(`Profile ${profile} cannot be used`);
  });

  it('leaves the other profiles usable', async () => {
    const accounts = await accountsWith(config);
    await expect(accounts.select('good', undefined, { persist: false })).resolves.toEqual({
      profile: 'good',
      region: 'eu-west-1',
    });
  });
});

describe('credential_process', () => {
  it('stops a command that never answers after the bounded wait and names the profile', async () => {
    const pidFile = join(dir, 'pid');
    const script = join(dir, 'hang.cjs');
    writeFileSync(
      script,
      `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`,
    );
    const provider = fromProcessWithTimeout({
      profile: 'slow',
      command: `"${process.execPath}" "${script}"`,
      timeoutMs: 1500,
    });
    const error = await errorOf(provider());
    expect(error.code).toBe('credential-process-timeout');
    expect(error.message).toContain('profile slow');
    expect(error.message).toContain('1500 ms');
    // The command the shell started is stopped too, not only the shell (bounded poll).
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  });

  it('reads the credentials a command prints, as the SDK does', async () => {
    const output = { Version: 1, AccessKeyId: 'AKIAPROCESS', SecretAccessKey: 'secret', SessionToken: 't' };
    const script = join(dir, 'creds.cjs');
    writeFileSync(script, `process.stdout.write(${JSON.stringify(JSON.stringify(output))});`);
    const provider = fromProcessWithTimeout({
      profile: 'p',
      command: `"${process.execPath}" "${script}"`,
      accountId: '111122223333',
      timeoutMs: 30_000,
    });
    await expect(provider()).resolves.toEqual({
      accessKeyId: 'AKIAPROCESS',
      secretAccessKey: 'secret',
      sessionToken: 't',
      accountId: '111122223333',
    });
  });

  it('says plainly when the command fails or prints something else', async () => {
    const failing = fromProcessWithTimeout({ profile: 'p', command: 'exit 3', timeoutMs: 30_000 });
    expect((await errorOf(failing())).message).toContain('exited with code 3');
    expect(() => parseProcessOutput('p', 'not json')).toThrow('returned invalid JSON');
    expect(() => parseProcessOutput('p', '{"Version":2,"AccessKeyId":"a","SecretAccessKey":"s"}')).toThrow(
      'no valid credentials (Version)',
    );
    expect(() =>
      parseProcessOutput(
        'p',
        '{"Version":1,"AccessKeyId":"a","SecretAccessKey":"s","Expiration":"2020-01-01T00:00:00Z"}',
      ),
    ).toThrow('expired credentials');
  });

  it('is what a credential_process profile uses, with ENVELOPE_CREDENTIAL_PROCESS_TIMEOUT as the wait', async () => {
    const script = join(dir, 'hang.cjs');
    writeFileSync(script, 'setInterval(() => {}, 1000);');
    process.env.ENVELOPE_CREDENTIAL_PROCESS_TIMEOUT = '1';
    const accounts = await accountsWith(
      `[profile helper]\nregion = eu-west-1\ncredential_process = "${process.execPath}" "${script}"\n`,
    );
    const { credentials } = accounts.access('helper');
    const error = await errorOf(credentials());
    expect(error.code).toBe('credential-process-timeout');
    expect(error.message).toBe(
      'The credential_process of profile helper did not answer within 1 s; Envelope stopped it.',
    );
  });
});

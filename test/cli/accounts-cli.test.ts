// The accounts commands as a user runs them: `node bin/envelope-dev.mjs …` in a child process with
// HOME (and the AWS files) pointing at a fixture with every profile kind and a malformed line.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CANARY,
  everyKindConfig,
  everyKindCredentials,
  useAwsFixture,
  type AwsFixture,
} from '../core/accounts/aws-fixture';
import { startFakeIdentityCenter, type FakeIdentityCenter } from '../core/accounts/fake-identity-center';
import { envelopeEntry } from './envelope-entry';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let fixture: AwsFixture;
let fake: FakeIdentityCenter;

function envelope(args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: fixture.home,
    ENVELOPE_DATA_DIR: fixture.dataDir,
    // The SDK's standard per-service endpoint settings lead the login to the fake Identity Center.
    AWS_ENDPOINT_URL_SSO_OIDC: fake.endpoint,
    AWS_ENDPOINT_URL_SSO: fake.endpoint,
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [envelopeEntry, ...args],
      { env, timeout: 60_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  fixture = useAwsFixture(everyKindConfig, everyKindCredentials);
  fake = await startFakeIdentityCenter({
    accessToken: `${CANARY}-access`,
    refreshToken: `${CANARY}-refresh`,
    clientSecret: `${CANARY}-client`,
  });
});

afterAll(async () => {
  await fake.close();
});

describe('envelope profiles', () => {
  it('lists every profile with its kind, reports the malformed line on stderr and prints no secret', async () => {
    const run = await envelope(['profiles', '--json']);
    expect(run.code).toBe(0);
    const listing = JSON.parse(run.stdout) as { profiles: { name: string; kind: string; region?: string }[] };
    expect(Object.fromEntries(listing.profiles.map((p) => [p.name, p.kind]))).toMatchObject({
      sandbox: 'sandbox',
      default: 'static',
      role: 'assume-role',
      'instance-role': 'assume-role',
      'legacy-sso': 'sso-legacy',
      'corp-dev': 'sso-session',
      process: 'credential-process',
      web: 'web-identity',
      'mfa-user': 'mfa',
      local: 'static',
    });
    expect(listing.profiles.find((p) => p.name === 'corp-dev')?.region).toBe('eu-central-1');
    expect(run.stderr).toContain(`${fixture.configPath}:27:`);
    expect(run.stdout + run.stderr).not.toContain(CANARY);
  });

  it('prints a table by default', async () => {
    const run = await envelope(['profiles']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^NAME\s+KIND\s+REGION/);
    // The kind in words; --json keeps the code.
    expect(run.stdout).toMatch(/corp-dev\s+IAM Identity Center\s+eu-central-1/);
    expect(run.stdout).not.toMatch(/\bsso-session\b/);
    expect(run.stdout).not.toContain(CANARY);
  });
});

describe('envelope login', () => {
  it('runs the device flow on the terminal and writes the AWS CLI’s token cache', async () => {
    const run = await envelope(['login', '--sso-session', 'corp', '--json']);
    expect(run.stderr).toContain('ABCD-EFGH');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ssoSession: 'corp', state: 'succeeded' });
    const file = join(
      fixture.home,
      '.aws',
      'sso',
      'cache',
      `${createHash('sha1').update('corp').digest('hex')}.json`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      startUrl: 'https://d-9999999999.awsapps.com/start',
      region: 'eu-west-1',
    });
    expect(run.stdout + run.stderr).not.toContain(CANARY);
  });

  it('fails with a one-line reason for an unknown session', async () => {
    const run = await envelope(['login', '--sso-session', 'nope']);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no sso-session named nope/);
  });
});

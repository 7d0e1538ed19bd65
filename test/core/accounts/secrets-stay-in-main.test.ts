// Secrets stay in main: a canary secret goes through static keys, an SSO token and an MFA session
// (a role assumed with an MFA code), and neither it nor any secret the sandbox minted (role
// session keys, SSO access and refresh tokens, client secrets) appears in any IPC answer, any
// event, the log file or any file Envelope wrote to its data directory.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { createCore, type Core } from '../../../electron/core/create-core';
import { log } from '../../../electron/core/log';
import { createSandboxProvider } from '../../../electron/sandbox/provider';
import { CANARY, useAwsFixture, type AwsFixture } from './aws-fixture';

const CANARY_KEY_ID = 'AKIACANARYEXAMPLE001';
let core: Core;
let fixture: AwsFixture;
const provider = createSandboxProvider({ scenario: 'empty', speed: 60, throttling: false });
// Every message that crossed the contract: dispatch results and events, serialized as sent.
const messages: string[] = [];

beforeAll(async () => {
  fixture = useAwsFixture('', '');
  core = await createCore({
    dataDir: fixture.dataDir,
    version: '0.0.0-test',
    shell: 'preview',
    sandbox: provider,
  });
  core.events.subscribe((name, payload) => {
    messages.push(JSON.stringify({ name, payload }));
    // The renderer's MFA dialog: answer every request with a code.
    if (name === 'accounts:mfaRequired') {
      void call('accounts:submitMfa', {
        requestId: (payload as { requestId: string }).requestId,
        code: '123456',
      });
    }
  });
  const sandbox = provider.running();
  if (!sandbox) throw new Error('the sandbox did not start');
  const userArn = [...sandbox.world.accessKeys.values()][0]?.principalArn ?? '';
  sandbox.world.accessKeys.set(CANARY_KEY_ID, {
    accessKeyId: CANARY_KEY_ID,
    secretAccessKey: CANARY,
    principalArn: userArn,
  });
  writeFileSync(
    fixture.credentialsPath,
    `[canary-static]\naws_access_key_id = ${CANARY_KEY_ID}\naws_secret_access_key = ${CANARY}\n`,
  );
  writeFileSync(
    fixture.configPath,
    [
      '[profile canary-static]',
      `endpoint_url = ${sandbox.endpoint}`,
      'region = us-east-1',
      '[profile canary-mfa]',
      'role_arn = arn:aws:iam::123456789012:role/ReadOnly',
      'source_profile = canary-static',
      'mfa_serial = arn:aws:iam::123456789012:mfa/canary',
      `endpoint_url = ${sandbox.endpoint}`,
      'region = us-east-1',
      '[profile canary-sso]',
      'sso_session = canary',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      `endpoint_url = ${sandbox.endpoint}`,
      '[sso-session canary]',
      'sso_start_url = https://canary.awsapps.com/start',
      'sso_region = us-east-1',
      '',
    ].join('\n'),
  );
  // An SSO token that carries the canary (the sandbox does not know it: every use fails).
  mkdirSync(dirname(getSSOTokenFilepath('canary')), { recursive: true });
  writeFileSync(
    getSSOTokenFilepath('canary'),
    JSON.stringify({
      startUrl: 'https://canary.awsapps.com/start',
      region: 'us-east-1',
      accessToken: `${CANARY}-access`,
      expiresAt: '2099-01-01T00:00:00Z',
      clientId: 'c',
      clientSecret: `${CANARY}-client`,
      registrationExpiresAt: '2099-01-01T00:00:00Z',
      refreshToken: `${CANARY}-refresh`,
    }),
  );
});

afterAll(async () => {
  await core.dispose();
});

async function call(channel: string, args: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, args);
  messages.push(JSON.stringify(result));
  return result.ok ? result.value : undefined;
}

// Bounded: a login that never ends fails here, not at the test's timeout.
const waitForLogin = async (loginId: string) => {
  await expect
    .poll(
      () => messages.some((m) => m.includes(loginId) && /"state":"(succeeded|failed|cancelled)"/.test(m)),
      {
        timeout: 30_000,
        interval: 50,
        message: `login ${loginId} to end`,
      },
    )
    .toBe(true);
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('secrets stay in main', () => {
  it('never lets a secret out through IPC, events, the log or the data directory', async () => {
    await call('accounts:list', {});
    // Static keys: the canary is the secret key of a working profile.
    await call('accounts:select', { profile: 'canary-static' });
    expect(await call('accounts:identity', {})).toMatchObject({
      arn: expect.stringMatching(/user\//) as string,
    });
    await call('regions:list', {});
    // An MFA session: a role assumed with the code from the (simulated) MFA dialog.
    const mfa = (await call('accounts:identity', { profile: 'canary-mfa' })) as {
      arn: string;
      expiresAt: number;
    };
    expect(mfa.arn).toMatch(/assumed-role\/ReadOnly\//);
    expect(messages.filter((m) => m.includes('accounts:mfaRequired'))).toHaveLength(1);
    // SSO: a token holding the canary, used and refused; then a real login to the sandbox.
    await call('accounts:identity', { profile: 'canary-sso' });
    await call('accounts:ssoAccounts', { ssoSession: 'canary' });
    const login = (await call('accounts:ssoStart', { ssoSession: 'envelope-sandbox' })) as {
      loginId: string;
    };
    await waitForLogin(login.loginId);
    await call('accounts:ssoAccounts', { ssoSession: 'envelope-sandbox' });
    await call('accounts:addProfile', {
      name: 'sbx',
      ssoSession: 'envelope-sandbox',
      accountId: '123456789012',
      roleName: 'ReadOnly',
      region: 'us-east-1',
    });
    await call('accounts:identity', { profile: 'sbx' });
    await call('accounts:list', {});
    // A careless log line: the redaction hook masks every secret core registered.
    log.warn(`debugging with ${CANARY} in the message`);

    const world = provider.running()?.world;
    const minted = [
      ...[...(world?.accessKeys.values() ?? [])].flatMap((k) => [k.secretAccessKey, k.sessionToken ?? '']),
      ...[...(world?.sso.tokens.values() ?? [])].flatMap((t) => [t.accessToken, t.refreshToken ?? '']),
      ...[...(world?.sso.clients.values() ?? [])].map((c) => c.clientSecret),
    ].filter((s) => s.length >= 8 && s !== provider.running()?.credentials.secretAccessKey);
    expect(minted.length).toBeGreaterThan(3);
    const secrets = [CANARY, ...minted];

    expect(messages.length).toBeGreaterThan(10);
    const logFile = readFileSync(join(fixture.dataDir, 'logs', 'envelope.log'), 'utf8');
    expect(logFile).toContain('[redacted]');
    const dataFiles = filesUnder(fixture.dataDir).map((path) => readFileSync(path, 'utf8'));
    for (const secret of secrets) {
      for (const message of messages) expect(message).not.toContain(secret);
      expect(logFile).not.toContain(secret);
      for (const text of dataFiles) expect(text).not.toContain(secret);
    }
  });
});

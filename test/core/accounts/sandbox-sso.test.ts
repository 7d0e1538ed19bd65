// The whole IAM Identity Center flow against the sandbox account, through core's contract:
// device login (auto-approved by the sandbox), account and role picker, a profile appended to
// ~/.aws/config, the new profile's identity, and the SDK's fromSSO reading Envelope's token.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromSSO } from '@aws-sdk/credential-providers';
import { createCore, type Core } from '../../../electron/core/create-core';
import { createSandboxProvider } from '../../../electron/sandbox/provider';
import type { EventName } from '../../../shared/ipc/contract';
import { useAwsFixture, type AwsFixture } from './aws-fixture';

let core: Core;
let fixture: AwsFixture;
const events: { name: EventName; payload: unknown }[] = [];
const opened: string[] = [];

beforeAll(async () => {
  fixture = useAwsFixture('# nothing yet\n', '');
  core = await createCore({
    dataDir: fixture.dataDir,
    version: '0.0.0-test',
    shell: 'preview',
    // Speed 60: the sandbox's simulated user approves after 10 simulated seconds, before the
    // 10-minute device code expires, with Envelope polling every real second.
    sandbox: createSandboxProvider({ scenario: 'empty', speed: 60, throttling: false }),
    openExternal: (url) => Promise.resolve(void opened.push(url)),
  });
  core.events.subscribe((name, payload) => events.push({ name, payload }));
});

afterAll(async () => {
  await core.dispose();
});

const call = async <T>(channel: string, args: unknown): Promise<T> => {
  const result = await core.dispatch(channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

// Bounded: a login that never ends fails here with what was awaited, not at the test's timeout.
const loginEnded = async (loginId: string): Promise<{ state: string; error?: string }> => {
  const ended = () =>
    events.find(
      (e) =>
        e.name === 'accounts:ssoLogin' &&
        (e.payload as { loginId: string; state: string }).loginId === loginId &&
        (e.payload as { state: string }).state !== 'pending',
    );
  await expect
    .poll(ended, { timeout: 30_000, interval: 50, message: `login ${loginId} to end` })
    .toBeDefined();
  return ended()?.payload as { state: string; error?: string };
};

describe('IAM Identity Center against the sandbox', () => {
  it('runs from device code to a working profile that fromSSO can use', async () => {
    const list = await call<{ ssoSessions: { name: string }[] }>('accounts:list', {});
    expect(list.ssoSessions.map((s) => s.name)).toContain('envelope-sandbox');

    const started = await call<{
      loginId: string;
      userCode: string;
      verificationUriComplete: string;
      opened: boolean;
    }>('accounts:ssoStart', {
      ssoSession: 'envelope-sandbox',
    });
    expect(started.verificationUriComplete).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(started.opened).toBe(false);
    expect(opened).toEqual([]);
    expect(await loginEnded(started.loginId)).toMatchObject({ state: 'succeeded' });

    const { accounts } = await call<{ accounts: { accountId: string; roles: string[] }[] }>(
      'accounts:ssoAccounts',
      { ssoSession: 'envelope-sandbox' },
    );
    const account = accounts[0];
    expect(account?.roles).toContain('AdministratorAccess');

    await call('accounts:addProfile', {
      name: 'sbx-admin',
      ssoSession: 'envelope-sandbox',
      accountId: account?.accountId,
      roleName: 'AdministratorAccess',
      region: 'us-east-1',
    });
    const config = readFileSync(fixture.configPath, 'utf8');
    expect(config.startsWith('# nothing yet\n')).toBe(true);
    expect(config).toContain('[sso-session envelope-sandbox]');
    expect(config).toContain('[profile sbx-admin]\nsso_session = envelope-sandbox');

    await call('accounts:select', { profile: 'sbx-admin' });
    const identity = await call<{ arn: string; expiresAt?: number }>('accounts:identity', {});
    expect(identity.arn).toMatch(/assumed-role\/AdministratorAccess\//);
    expect(identity.expiresAt).toBeGreaterThan(Date.now());

    // The SDK on its own: the profile's endpoint_url (a standard setting) leads fromSSO's SSO client
    // to the sandbox when the process uses that profile (AWS_PROFILE).
    process.env.AWS_PROFILE = 'sbx-admin';
    try {
      const credentials = await fromSSO({ profile: 'sbx-admin' })();
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromSSO } from '@aws-sdk/credential-providers';
import { getSSOTokenFilepath } from '@smithy/shared-ini-file-loader';
import { AccountService } from '../../../electron/core/accounts/account-service';
import { EventBus } from '../../../electron/core/events/event-bus';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { toApiError } from '../../../electron/core/errors/to-api-error';
import { startFakeIdentityCenter, type FakeIdentityCenter } from './fake-identity-center';
import { unusedSandbox, useAwsFixture, type AwsFixture } from './aws-fixture';

let fake: FakeIdentityCenter;
let fixture: AwsFixture;
let accounts: AccountService;
let config: string;

beforeAll(async () => {
  fake = await startFakeIdentityCenter({
    accessToken: 'access-token-2',
    refreshToken: 'refresh-token-2',
    roleSecretAccessKey: 'role-secret-2',
  });
  // The standard per-service endpoint settings: a services section with sso and sso_oidc.
  config = [
    '# hand-written; keep me',
    '[profile dev]',
    'sso_session = corp',
    'sso_account_id = 111122223333',
    'sso_role_name = Admin',
    'region = eu-west-1',
    'services = local-identity-center',
    '',
    '[profile stale]',
    'sso_session = old',
    'sso_account_id = 111122223333',
    'sso_role_name = Admin',
    'services = local-identity-center',
    '',
    '[sso-session corp]',
    'sso_start_url = https://d-9999999999.awsapps.com/start',
    'sso_region = eu-west-1',
    '',
    '[sso-session old]',
    'sso_start_url = https://d-1111111111.awsapps.com/start',
    'sso_region = eu-west-1',
    '',
    '[services local-identity-center]',
    'sso =',
    `  endpoint_url = ${fake.endpoint}`,
    'sso_oidc =',
    `  endpoint_url = ${fake.endpoint}`,
    '  ; a comment the file must keep', // no trailing newline: the writer must add one
  ].join('\n');
  fixture = useAwsFixture(config, '');
  accounts = new AccountService(unusedSandbox(), new EventBus(), new SettingsStore(fixture.dataDir));
  await accounts.init();
});

afterAll(async () => {
  accounts.dispose();
  accounts.clients.destroy();
  await fake.close();
});

// The session's device login, made once by whichever test needs a token first, so each test stands
// alone and the file passes in any order (--sequence.shuffle).
let login: Promise<void> | undefined;
const loggedIn = (): Promise<void> =>
  (login ??= (async () => {
    const started = await accounts.startSsoLogin({ profile: 'dev' });
    expect(await accounts.sso.wait(started.loginId)).toBe('succeeded');
  })());

describe('IAM Identity Center profiles', () => {
  it('logs in to the session of a profile, then the SDK’s fromSSO reads Envelope’s token file', async () => {
    await loggedIn();
    const credentials = await fromSSO({ profile: 'dev', clientConfig: { endpoint: fake.endpoint } })();
    expect(credentials.secretAccessKey).toBe('role-secret-2');
    const listing = await accounts.listProfiles();
    expect(listing.ssoSessions.find((s) => s.name === 'corp')?.expiresAt).toBeGreaterThan(0);
  });

  it('gets the profile’s credentials through the services section, cached with their expiry', async () => {
    await loggedIn();
    const provider = accounts.access('dev').credentials;
    const first = await provider();
    expect(first.secretAccessKey).toBe('role-secret-2');
    const calls = fake.calls.filter((c) => c === 'GET /federation/credentials').length;
    await provider();
    await accounts.access('dev').credentials();
    expect(fake.calls.filter((c) => c === 'GET /federation/credentials').length).toBe(calls);
  });

  it('lists the accounts and roles of the session', async () => {
    await loggedIn();
    expect(await accounts.ssoAccounts('corp')).toEqual([
      {
        accountId: '111122223333',
        accountName: 'Dev',
        emailAddress: 'dev@example.com',
        roles: ['Admin', 'ReadOnly'],
      },
    ]);
  });

  it('appends a profile, keeping the file byte for byte, and refuses a name that exists', async () => {
    await accounts.addSsoProfile({
      name: 'dev-readonly',
      ssoSession: 'corp',
      accountId: '111122223333',
      roleName: 'ReadOnly',
      region: 'eu-west-1',
    });
    const text = readFileSync(fixture.configPath, 'utf8');
    expect(text.startsWith(config)).toBe(true);
    expect(text.slice(config.length)).toBe(
      '\n\n[profile dev-readonly]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\nregion = eu-west-1\n',
    );
    const listing = await accounts.listProfiles();
    expect(listing.profiles.find((p) => p.name === 'dev-readonly')?.kind).toBe('sso-session');
    await expect(
      accounts.addSsoProfile({
        name: 'dev',
        ssoSession: 'corp',
        accountId: '111122223333',
        roleName: 'ReadOnly',
        region: 'eu-west-1',
      }),
    ).rejects.toMatchObject({ code: 'already-exists' });
  });

  it('names the profile and the sso-session when a session has expired', async () => {
    await loggedIn();
    writeFileSync(
      getSSOTokenFilepath('old'),
      JSON.stringify({
        startUrl: 'https://d-1111111111.awsapps.com/start',
        region: 'eu-west-1',
        accessToken: 'x-expired-token',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    const error = await accounts
      .access('stale')
      .credentials()
      .catch((e: unknown) => e);
    expect(toApiError(error)).toMatchObject({
      code: 'sso-login-required',
      message: expect.stringMatching(/"old".*"stale"/) as string,
    });
    await expect(accounts.ssoAccounts('old')).rejects.toMatchObject({ code: 'sso-login-required' });
  });
});

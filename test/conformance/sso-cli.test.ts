// SSO-OIDC and SSO conformance: the real AWS CLI v2's sso-oidc and sso commands against the sandbox.
import { describe, expect, it } from 'vitest';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox({ speed: 0 });
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON answers, read field by field
const cli = (args: string[]) => runAwsCli<Record<string, any>>(args, sandbox.env);

describe('aws sso-oidc and aws sso against the sandbox', () => {
  it('registers, authorizes a device, gets a token and role credentials', async () => {
    sandbox.handle.world.sso.approveAfterMs = 5_000;
    const client = await cli([
      'sso-oidc',
      'register-client',
      '--client-name',
      'envelope-cli-test',
      '--client-type',
      'public',
      '--scopes',
      'sso:account:access',
    ]);
    expect(client.clientId).toBeTruthy();
    const device = await cli([
      'sso-oidc',
      'start-device-authorization',
      '--client-id',
      client.clientId,
      '--client-secret',
      client.clientSecret,
      '--start-url',
      sandbox.handle.world.sso.startUrl,
    ]);
    expect(device).toMatchObject({ expiresIn: 600, interval: 1 });
    const tokenArgs = [
      'sso-oidc',
      'create-token',
      '--client-id',
      client.clientId,
      '--client-secret',
      client.clientSecret,
      '--grant-type',
      'urn:ietf:params:oauth:grant-type:device_code',
      '--device-code',
      device.deviceCode,
    ];
    const pending = await runAwsCliRaw(tokenArgs, sandbox.env);
    expect(pending.stderr).toContain('(AuthorizationPendingException)');
    sandbox.control.advanceClock(5_000);
    const token = await cli(tokenArgs);
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    expect(token.refreshToken).toBeTruthy();

    const accounts = await cli(['sso', 'list-accounts', '--access-token', token.accessToken]);
    expect(accounts.accountList[0]).toMatchObject({ accountId: '123456789012', accountName: 'Sandbox' });
    const roles = await cli([
      'sso',
      'list-account-roles',
      '--access-token',
      token.accessToken,
      '--account-id',
      '123456789012',
    ]);
    expect(roles.roleList.map((r: { roleName: string }) => r.roleName)).toContain('AdministratorAccess');
    const creds = await cli([
      'sso',
      'get-role-credentials',
      '--access-token',
      token.accessToken,
      '--account-id',
      '123456789012',
      '--role-name',
      'AdministratorAccess',
    ]);
    expect(creds.roleCredentials.accessKeyId).toMatch(/^ASIA/);
    expect(typeof creds.roleCredentials.expiration).toBe('number');

    const bad = await runAwsCliRaw(['sso', 'list-accounts', '--access-token', 'bogus'], sandbox.env);
    expect(bad.stderr).toContain('(UnauthorizedException)');
  });
});

// IAM Identity Center's device flow and portal through the real SDK v3 clients.
import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  SSOClient,
  UnauthorizedException,
} from '@aws-sdk/client-sso';
import {
  AuthorizationPendingException,
  AccessDeniedException,
  CreateTokenCommand,
  InvalidClientException,
  InvalidGrantException,
  RegisterClientCommand,
  SlowDownException,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { describe, expect, it } from 'vitest';
import { approveDeviceAuthorization } from '../../../electron/sandbox/sso/index';
import { withSandbox } from '../../helpers/sandbox';

const sandbox = withSandbox({ speed: 0 });
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function login(oidc: SSOOIDCClient, scopes?: string[]) {
  const client = await oidc.send(
    new RegisterClientCommand({
      clientName: 'envelope',
      clientType: 'public',
      ...(scopes ? { scopes } : {}),
    }),
  );
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      startUrl: sandbox.handle.world.sso.startUrl,
    }),
  );
  return { client, device };
}

describe('SSO-OIDC device authorization', () => {
  it('registers, polls (pending, slow down), is approved and gets tokens, then refreshes', async () => {
    sandbox.handle.world.sso.approveAfterMs = -1; // only the control API approves
    const oidc = new SSOOIDCClient(sandbox.sdkConfig);
    const { client, device } = await login(oidc, ['sso:account:access']);
    expect(client.clientSecretExpiresAt! - client.clientIdIssuedAt!).toBe(90 * 86400);
    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(device.verificationUri).toBe(`${sandbox.endpoint}/_sandbox/sso/device`);
    expect(device.verificationUriComplete).toBe(
      `${sandbox.endpoint}/_sandbox/sso/device?user_code=${device.userCode}`,
    );
    expect([device.expiresIn, device.interval]).toEqual([600, 1]);

    const poll = () =>
      oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: device.deviceCode,
        }),
      );
    const pending = await poll().catch((e: unknown) => e);
    expect(pending).toBeInstanceOf(AuthorizationPendingException);
    expect((pending as AuthorizationPendingException).error).toBe('authorization_pending');
    expect(await poll().catch((e: unknown) => e)).toBeInstanceOf(SlowDownException);

    const approved = await sandbox.controlFetch('sso/approve', {
      method: 'POST',
      body: JSON.stringify({ userCode: device.userCode }),
    });
    expect(approved.status).toBe(200);
    const token = await poll();
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 28800 });
    expect(token.refreshToken).toBeTruthy();
    // A device code gives one token.
    expect(await poll().catch((e: unknown) => e)).toBeInstanceOf(InvalidGrantException);

    const refreshed = await oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: 'refresh_token',
        refreshToken: token.refreshToken,
      }),
    );
    expect(refreshed.accessToken).not.toBe(token.accessToken);
    const sso = new SSOClient(sandbox.sdkConfig);
    await expect(
      sso.send(new ListAccountsCommand({ accessToken: token.accessToken! })),
    ).rejects.toBeInstanceOf(UnauthorizedException);
    expect(
      (await sso.send(new ListAccountsCommand({ accessToken: refreshed.accessToken! }))).accountList?.[0]
        ?.accountId,
    ).toBe('123456789012');
  });

  it('approves automatically after approveAfterMs of simulated time, without a refresh token when registered without scopes', async () => {
    sandbox.handle.world.sso.approveAfterMs = 10_000;
    const oidc = new SSOOIDCClient(sandbox.sdkConfig);
    const { client, device } = await login(oidc);
    sandbox.control.advanceClock(10_000);
    const token = await oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: device.deviceCode,
      }),
    );
    expect(token.accessToken).toBeTruthy();
    expect(token.refreshToken).toBeUndefined();
  });

  it('refuses a denied authorization and a wrong client secret', async () => {
    sandbox.handle.world.sso.approveAfterMs = -1;
    const oidc = new SSOOIDCClient(sandbox.sdkConfig);
    const { client, device } = await login(oidc);
    expect(approveDeviceAuthorization(sandbox.handle.world, device.userCode!, 'denied')).toBe(true);
    const denied = await oidc
      .send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: DEVICE_GRANT,
          deviceCode: device.deviceCode,
        }),
      )
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AccessDeniedException);
    const wrong = await oidc
      .send(
        new StartDeviceAuthorizationCommand({
          clientId: client.clientId,
          clientSecret: 'nope',
          startUrl: 'https://x',
        }),
      )
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(InvalidClientException);
  });
});

describe('SSO portal', () => {
  it('lists accounts and roles and mints role credentials mapped to the role', async () => {
    sandbox.handle.world.sso.approveAfterMs = 0;
    const oidc = new SSOOIDCClient(sandbox.sdkConfig);
    const { client, device } = await login(oidc);
    const { accessToken } = await oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: device.deviceCode,
      }),
    );
    const sso = new SSOClient(sandbox.sdkConfig);
    const roles = await sso.send(
      new ListAccountRolesCommand({ accessToken: accessToken!, accountId: '123456789012' }),
    );
    expect(roles.roleList?.map((r) => r.roleName)).toEqual(['AdministratorAccess', 'ReadOnly']);
    const { roleCredentials } = await sso.send(
      new GetRoleCredentialsCommand({
        accessToken: accessToken!,
        accountId: '123456789012',
        roleName: 'ReadOnly',
      }),
    );
    expect(roleCredentials?.accessKeyId).toMatch(/^ASIA/);
    expect(roleCredentials?.expiration).toBe(sandbox.handle.clock.now() + 3600_000);
    const key = sandbox.handle.world.accessKeys.get(roleCredentials!.accessKeyId!);
    expect(key?.principalArn).toBe('arn:aws:sts::123456789012:assumed-role/ReadOnly/sandbox-user');
    await expect(sso.send(new ListAccountsCommand({ accessToken: 'bogus' }))).rejects.toBeInstanceOf(
      UnauthorizedException,
    );
  });
});

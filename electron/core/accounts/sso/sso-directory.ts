// The accounts and roles an IAM Identity Center login may use (SSO ListAccounts and
// ListAccountRoles with the cached access token), for the account and role picker.
import { paginateListAccountRoles, paginateListAccounts, SSOClient } from '@aws-sdk/client-sso';
import type { SsoAccount } from '../../../../shared/domain/accounts';
import { AppError } from '../../errors/app-error';
import type { ResolvedSession } from './sessions';
import { readSsoToken } from './token-cache';

const loginRequired = (session: string) =>
  new AppError(
    'sso-login-required',
    `The IAM Identity Center session "${session}" has expired or is not logged in.`,
    `Log in again: Accounts → Log in, or \`npx envelope login --sso-session ${session}\`.`,
  );

export async function listSsoAccounts(
  session: ResolvedSession,
  now: () => number = Date.now,
): Promise<SsoAccount[]> {
  const token = await readSsoToken(session.cacheKey);
  if (!token?.accessToken || token.expiresAtMs === undefined || token.expiresAtMs <= now())
    throw loginRequired(session.name);
  const accessToken = token.accessToken;
  const client = new SSOClient({
    region: session.region,
    maxAttempts: 3,
    ...(session.ssoEndpoint === undefined ? {} : { endpoint: session.ssoEndpoint }),
  });
  try {
    const accounts: SsoAccount[] = [];
    for await (const page of paginateListAccounts({ client }, { accessToken })) {
      for (const account of page.accountList ?? []) {
        if (!account.accountId) continue;
        const roles: string[] = [];
        for await (const rolePage of paginateListAccountRoles(
          { client },
          { accessToken, accountId: account.accountId },
        )) {
          for (const role of rolePage.roleList ?? []) if (role.roleName) roles.push(role.roleName);
        }
        accounts.push({
          accountId: account.accountId,
          accountName: account.accountName ?? account.accountId,
          ...(account.emailAddress ? { emailAddress: account.emailAddress } : {}),
          roles: roles.sort(),
        });
      }
    }
    return accounts.sort((a, b) => a.accountName.localeCompare(b.accountName));
  } catch (error) {
    if (error instanceof Error && error.name === 'UnauthorizedException') throw loginRequired(session.name);
    throw error;
  } finally {
    client.destroy();
  }
}

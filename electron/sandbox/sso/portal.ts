// The SSO portal API: ListAccounts, ListAccountRoles, GetRoleCredentials, Logout, authenticated by
// the SSO-OIDC access token in the x-amz-sso_bearer_token header.
import {
  AwsError,
  type CallContext,
  type RestHandler,
  type RestRequest,
  type RestResponse,
} from '../context';
import { mintAccessKeyId, mintHex, mintSecret, mintUniqueId } from '../ids';
import { paginate } from '../protocol/paginate';
import { ADMINISTRATOR_ACCESS_POLICY, READ_ONLY_POLICY } from '../world-factory';
import type { SsoToken } from '../world';
import { jsonAnswer, unauthorized } from './wire';

// Permission-set sessions last one hour by default.
const ROLE_SESSION_MS = 3600_000;
// The sandbox's one SSO user; it names the role session as Identity Center does (the user name).
const SSO_USER = 'sandbox-user';

function bearer(ctx: CallContext, request: RestRequest): SsoToken {
  const accessToken = request.headers['x-amz-sso_bearer_token'];
  if (!accessToken) throw unauthorized();
  const token = ctx.world.sso.tokens.get(accessToken);
  if (!token || token.expiresAt <= ctx.clock.now()) throw unauthorized();
  return token;
}

function pageSize(request: RestRequest): number | undefined {
  const text = request.query.get('max_result');
  if (text === null) return undefined;
  const size = Number(text);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new AwsError('InvalidRequestException', 'max_result must be between 1 and 100', 400);
  }
  return size;
}

function page<T>(request: RestRequest, items: readonly T[], scope: string) {
  return paginate(items, pageSize(request), request.query.get('next_token') ?? undefined, {
    scope: `sso:${scope}`,
    min: 1,
    max: 100,
    defaultSize: 20,
    tokenErrorCode: 'InvalidRequestException',
    tokenErrorMessage: 'Invalid next_token',
  });
}

function listAccounts(ctx: CallContext, request: RestRequest): RestResponse {
  bearer(ctx, request);
  const { items, nextToken } = page(request, ctx.world.sso.accounts, 'ListAccounts');
  return jsonAnswer({
    accountList: items.map((a) => ({
      accountId: a.accountId,
      accountName: a.accountName,
      emailAddress: a.emailAddress,
    })),
    ...(nextToken ? { nextToken } : {}),
  });
}

function requireQuery(request: RestRequest, name: string): string {
  const value = request.query.get(name);
  if (!value) throw new AwsError('InvalidRequestException', `${name} is required`, 400);
  return value;
}

function assignment(ctx: CallContext, accountId: string) {
  const account = ctx.world.sso.accounts.find((a) => a.accountId === accountId);
  if (!account) throw new AwsError('ResourceNotFoundException', 'No access', 404);
  return account;
}

function listAccountRoles(ctx: CallContext, request: RestRequest): RestResponse {
  bearer(ctx, request);
  const account = assignment(ctx, requireQuery(request, 'account_id'));
  const { items, nextToken } = page(request, account.roles, `ListAccountRoles:${account.accountId}`);
  return jsonAnswer({
    roleList: items.map((roleName) => ({ roleName, accountId: account.accountId })),
    ...(nextToken ? { nextToken } : {}),
  });
}

// The role behind a permission set, created on first use with a policy that fits its name so the
// minted credentials can act (AdministratorAccess-like unless the name says read-only).
function ensureRole(ctx: CallContext, accountId: string, roleName: string): string {
  const arn = `arn:aws:iam::${accountId}:role/${roleName}`;
  if (!ctx.world.principals.has(arn)) {
    ctx.world.principals.set(arn, {
      arn,
      accountId,
      userId: mintUniqueId(ctx.world, 'AROA'),
      policies: [/read/i.test(roleName) ? READ_ONLY_POLICY : ADMINISTRATOR_ACCESS_POLICY],
    });
  }
  return arn;
}

function getRoleCredentials(ctx: CallContext, request: RestRequest): RestResponse {
  bearer(ctx, request);
  const roleName = requireQuery(request, 'role_name');
  const account = assignment(ctx, requireQuery(request, 'account_id'));
  if (!account.roles.includes(roleName)) throw new AwsError('ForbiddenException', 'No access', 403);
  ensureRole(ctx, account.accountId, roleName);
  const expiration = ctx.clock.now() + ROLE_SESSION_MS;
  const accessKeyId = mintAccessKeyId(ctx.world, 'ASIA');
  const secretAccessKey = mintSecret(ctx.world);
  const sessionToken = `IQoJb3JpZ2luX2VjE${mintHex(ctx.world, 200)}`;
  ctx.world.accessKeys.set(accessKeyId, {
    accessKeyId,
    secretAccessKey,
    sessionToken,
    principalArn: `arn:aws:sts::${account.accountId}:assumed-role/${roleName}/${SSO_USER}`,
    expiresAt: expiration,
  });
  return jsonAnswer({ roleCredentials: { accessKeyId, secretAccessKey, sessionToken, expiration } });
}

function logout(ctx: CallContext, request: RestRequest): RestResponse {
  const token = bearer(ctx, request);
  ctx.world.sso.tokens.delete(token.accessToken);
  if (token.refreshToken) ctx.world.sso.refreshTokens.delete(token.refreshToken);
  return { status: 200 };
}

const OPERATIONS: Record<string, (ctx: CallContext, request: RestRequest) => RestResponse> = {
  'GET /assignment/accounts': listAccounts,
  'GET /assignment/roles': listAccountRoles,
  'GET /federation/credentials': getRoleCredentials,
  'POST /logout': logout,
};

export const ssoHandler: RestHandler = (ctx, request) => {
  const operation = OPERATIONS[`${request.method} ${request.path}`];
  if (!operation)
    throw new AwsError(
      'ResourceNotFoundException',
      `Unknown operation ${request.method} ${request.path}`,
      404,
    );
  return operation(ctx, request);
};

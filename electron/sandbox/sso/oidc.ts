// SSO-OIDC: RegisterClient, StartDeviceAuthorization, CreateToken (device code and refresh token
// grants), as the AWS CLI's `aws sso login` and the SDK's token refresh use them.
import type { CallContext, RestHandler, RestRequest, RestResponse } from '../context';
import { mintHex } from '../ids';
import type { SandboxWorld, SsoDeviceAuthorization, SsoToken } from '../world';
import { jsonAnswer, OidcError, oidcErrorAnswer, readJsonBody, stringField } from './wire';

// Durations AWS uses: client registrations last 90 days, device codes 10 minutes with a 1 s
// polling interval, access tokens 8 hours (the default session duration), refresh tokens 90 days.
const REGISTRATION_MS = 90 * 86_400_000;
const DEVICE_CODE_SECONDS = 600;
const POLL_INTERVAL_SECONDS = 1;
const ACCESS_TOKEN_SECONDS = 8 * 3600;
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

function requireField(body: Record<string, unknown>, name: string): string {
  const value = stringField(body, name);
  if (value === undefined)
    throw new OidcError('InvalidRequestException', `Missing required parameter: ${name}`);
  return value;
}

function registerClient(ctx: CallContext, request: RestRequest): RestResponse {
  const body = readJsonBody(request);
  const clientName = requireField(body, 'clientName');
  const clientType = requireField(body, 'clientType');
  if (clientType !== 'public')
    throw new OidcError('InvalidClientMetadataException', `Invalid client type: ${clientType}`);
  const scopes = Array.isArray(body.scopes)
    ? body.scopes.filter((s): s is string => typeof s === 'string')
    : [];
  const now = ctx.clock.now();
  const clientId = mintHex(ctx.world, 22);
  // Real client secrets are long opaque JWT-like strings; the CLI stores them in its cache.
  const clientSecret = `sandbox-secret.${mintHex(ctx.world, 64)}`;
  ctx.world.sso.clients.set(clientId, {
    clientId,
    clientSecret,
    clientName,
    scopes,
    issuedAt: now,
    expiresAt: now + REGISTRATION_MS,
  });
  return jsonAnswer({
    clientId,
    clientSecret,
    clientIdIssuedAt: Math.floor(now / 1000),
    clientSecretExpiresAt: Math.floor((now + REGISTRATION_MS) / 1000),
  });
}

function authenticateClient(ctx: CallContext, body: Record<string, unknown>) {
  const clientId = requireField(body, 'clientId');
  const clientSecret = requireField(body, 'clientSecret');
  const client = ctx.world.sso.clients.get(clientId);
  if (!client || client.clientSecret !== clientSecret)
    throw new OidcError('InvalidClientException', 'Invalid client provided');
  if (client.expiresAt <= ctx.clock.now())
    throw new OidcError('InvalidClientException', 'Client registration has expired');
  return client;
}

function userCodeFrom(hex: string): string {
  const alphabet = 'BCDFGHJKLMNPQRSTVWXZ';
  let code = '';
  for (let i = 0; i < 8; i++)
    code += alphabet.charAt(parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function startDeviceAuthorization(ctx: CallContext, request: RestRequest): RestResponse {
  const body = readJsonBody(request);
  const client = authenticateClient(ctx, body);
  const startUrl = requireField(body, 'startUrl');
  const now = ctx.clock.now();
  const deviceCode = mintHex(ctx.world, 64);
  const userCode = userCodeFrom(mintHex(ctx.world, 16));
  const { approveAfterMs } = ctx.world.sso;
  const authorization: SsoDeviceAuthorization = {
    deviceCode,
    userCode,
    clientId: client.clientId,
    startUrl,
    expiresAt: now + DEVICE_CODE_SECONDS * 1000,
    intervalSeconds: POLL_INTERVAL_SECONDS,
    status: 'pending',
    // A negative or infinite delay means "only the control API approves".
    ...(Number.isFinite(approveAfterMs) && approveAfterMs >= 0 ? { approveAt: now + approveAfterMs } : {}),
  };
  ctx.world.sso.deviceAuthorizations.set(deviceCode, authorization);
  // The verification page is the sandbox's own (served by the control API), never AWS's.
  const verificationUri = `http://${request.headers.host ?? '127.0.0.1'}/_sandbox/sso/device`;
  return jsonAnswer({
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${userCode}`,
    expiresIn: DEVICE_CODE_SECONDS,
    interval: POLL_INTERVAL_SECONDS,
  });
}

function issueToken(
  world: SandboxWorld,
  clientId: string,
  withRefresh: boolean,
  now: number,
): Record<string, unknown> {
  const token: SsoToken = {
    accessToken: `aoa${mintHex(world, 96)}`,
    ...(withRefresh ? { refreshToken: `aor${mintHex(world, 96)}` } : {}),
    clientId,
    expiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
  };
  world.sso.tokens.set(token.accessToken, token);
  if (token.refreshToken) world.sso.refreshTokens.set(token.refreshToken, token);
  return {
    accessToken: token.accessToken,
    tokenType: 'Bearer',
    expiresIn: ACCESS_TOKEN_SECONDS,
    ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
  };
}

function deviceCodeGrant(
  ctx: CallContext,
  clientId: string,
  scopes: string[],
  body: Record<string, unknown>,
): RestResponse {
  const deviceCode = requireField(body, 'deviceCode');
  const authorization = ctx.world.sso.deviceAuthorizations.get(deviceCode);
  if (!authorization || authorization.clientId !== clientId)
    throw new OidcError('InvalidGrantException', 'Invalid grant provided');
  const now = ctx.clock.now();
  if (authorization.expiresAt <= now) throw new OidcError('ExpiredTokenException', 'Device code has expired');
  if (
    authorization.status === 'pending' &&
    authorization.approveAt !== undefined &&
    authorization.approveAt <= now
  ) {
    authorization.status = 'approved';
  }
  if (authorization.status === 'denied') throw new OidcError('AccessDeniedException', 'Access denied');
  if (authorization.status === 'pending') {
    const tooSoon =
      authorization.lastPollAt !== undefined &&
      now - authorization.lastPollAt < authorization.intervalSeconds * 1000;
    authorization.lastPollAt = now;
    if (tooSoon) throw new OidcError('SlowDownException', 'Client is polling too quickly');
    throw new OidcError('AuthorizationPendingException', 'Authorization is still pending');
  }
  // A device code is good for one token.
  ctx.world.sso.deviceAuthorizations.delete(deviceCode);
  // Refresh tokens only for clients registered with scopes (the CLI asks for sso:account:access).
  return jsonAnswer(issueToken(ctx.world, clientId, scopes.includes('sso:account:access'), now));
}

function refreshTokenGrant(ctx: CallContext, clientId: string, body: Record<string, unknown>): RestResponse {
  const refreshToken = requireField(body, 'refreshToken');
  const previous = ctx.world.sso.refreshTokens.get(refreshToken);
  if (!previous || previous.clientId !== clientId)
    throw new OidcError('InvalidGrantException', 'Invalid refresh token provided');
  // Refresh tokens rotate: the old one and its access token stop working.
  ctx.world.sso.refreshTokens.delete(refreshToken);
  ctx.world.sso.tokens.delete(previous.accessToken);
  return jsonAnswer(issueToken(ctx.world, clientId, true, ctx.clock.now()));
}

function createToken(ctx: CallContext, request: RestRequest): RestResponse {
  const body = readJsonBody(request);
  const client = authenticateClient(ctx, body);
  const grantType = requireField(body, 'grantType');
  if (grantType === DEVICE_GRANT) return deviceCodeGrant(ctx, client.clientId, client.scopes, body);
  if (grantType === 'refresh_token') return refreshTokenGrant(ctx, client.clientId, body);
  if (grantType === 'authorization_code')
    throw new OidcError(
      'UnauthorizedClientException',
      'The sandbox supports the device code and refresh token grants.',
    );
  throw new OidcError('UnsupportedGrantTypeException', `Unsupported grant type: ${grantType}`);
}

const OPERATIONS: Record<string, (ctx: CallContext, request: RestRequest) => RestResponse> = {
  'POST /client/register': registerClient,
  'POST /device_authorization': startDeviceAuthorization,
  'POST /token': createToken,
};

export const ssoOidcHandler: RestHandler = (ctx, request) => {
  const operation = OPERATIONS[`${request.method} ${request.path}`];
  try {
    if (!operation)
      throw new OidcError('InvalidRequestException', `Unknown operation ${request.method} ${request.path}`);
    return operation(ctx, request);
  } catch (error) {
    if (error instanceof OidcError) return oidcErrorAnswer(error);
    throw error;
  }
};

// The simulated user's answer in the browser (the control API's /_sandbox/sso/approve).
// Returns false when no pending authorization has that user code.
export function approveDeviceAuthorization(
  world: SandboxWorld,
  userCode: string,
  decision: 'approved' | 'denied',
): boolean {
  for (const authorization of world.sso.deviceAuthorizations.values()) {
    if (authorization.userCode === userCode && authorization.status === 'pending') {
      authorization.status = decision;
      return true;
    }
  }
  return false;
}

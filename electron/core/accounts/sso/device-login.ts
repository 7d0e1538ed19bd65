// IAM Identity Center's device authorization flow (OAuth 2.0 RFC 8628) through the SDK's
// SSO-OIDC client, step for step as the AWS CLI v2 does it: RegisterClient (public, with the
// sso:account:access scope so a refresh token is issued), StartDeviceAuthorization, then
// CreateToken every `interval` seconds until the user approves in the browser.
import {
  CreateTokenCommand,
  RegisterClientCommand,
  type SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { AppError } from '../../errors/app-error';
import { registerSecret } from '../../log';
import { cliTimestamp, type SsoTokenFile } from './token-cache';

export const DEFAULT_SCOPES = ['sso:account:access'];
// RFC 8628 §3.5: the default polling interval and what a slow_down answer adds (seconds).
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_S = 5;

export interface LoginSession {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
  readonly scopes: readonly string[];
}

export interface DeviceAuthorization {
  readonly session: LoginSession;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly registrationExpiresAt: number; // ms since epoch
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  readonly expiresAt: number; // ms since epoch, when the user code expires
  readonly intervalSeconds: number;
}

export interface PollOptions {
  readonly signal: AbortSignal;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => number;
}

export async function startDeviceAuthorization(
  oidc: SSOOIDCClient,
  session: LoginSession,
  now: () => number = Date.now,
): Promise<DeviceAuthorization> {
  const scopes = session.scopes.length > 0 ? [...session.scopes] : DEFAULT_SCOPES;
  const registration = await oidc.send(
    new RegisterClientCommand({
      clientName: `envelope-${Math.floor(now() / 1000)}`,
      clientType: 'public',
      scopes,
    }),
  );
  const { clientId, clientSecret } = registration;
  if (!clientId || !clientSecret)
    throw new AppError('sso-login-failed', 'IAM Identity Center did not register Envelope as a client.');
  registerSecret(clientSecret);
  const started = await oidc.send(
    new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: session.startUrl }),
  );
  const { deviceCode, userCode, verificationUri } = started;
  if (!deviceCode || !userCode || !verificationUri) {
    throw new AppError('sso-login-failed', 'IAM Identity Center did not start a device authorization.');
  }
  registerSecret(deviceCode);
  return {
    session,
    clientId,
    clientSecret,
    registrationExpiresAt: (registration.clientSecretExpiresAt ?? 0) * 1000,
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete: started.verificationUriComplete ?? verificationUri,
    expiresAt: now() + (started.expiresIn ?? 600) * 1000,
    intervalSeconds: started.interval && started.interval > 0 ? started.interval : DEFAULT_INTERVAL_S,
  };
}

const expired = () =>
  new AppError(
    'sso-login-expired',
    'The login code expired before it was approved in the browser.',
    'Start the login again.',
  );

// Polls CreateToken until the user approves (the token, ready for the cache), denies, or the code
// expires. Abort the signal to cancel.
export async function pollForToken(
  oidc: SSOOIDCClient,
  authorization: DeviceAuthorization,
  { signal, sleep, now = Date.now }: PollOptions,
): Promise<SsoTokenFile> {
  let intervalSeconds = authorization.intervalSeconds;
  for (;;) {
    await sleep(intervalSeconds * 1000, signal);
    if (now() >= authorization.expiresAt) throw expired();
    try {
      const answer = await oidc.send(
        new CreateTokenCommand({
          clientId: authorization.clientId,
          clientSecret: authorization.clientSecret,
          grantType: 'urn:ietf:params:oauth:grant-type:device_code',
          deviceCode: authorization.deviceCode,
        }),
        { abortSignal: signal },
      );
      if (!answer.accessToken)
        throw new AppError('sso-login-failed', 'IAM Identity Center answered without an access token.');
      registerSecret(answer.accessToken);
      registerSecret(answer.refreshToken);
      const { session } = authorization;
      return {
        startUrl: session.startUrl,
        region: session.region,
        accessToken: answer.accessToken,
        expiresAt: cliTimestamp(now() + (answer.expiresIn ?? 3600) * 1000),
        clientId: authorization.clientId,
        clientSecret: authorization.clientSecret,
        registrationExpiresAt: cliTimestamp(authorization.registrationExpiresAt),
        ...(answer.refreshToken ? { refreshToken: answer.refreshToken } : {}),
      };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'AuthorizationPendingException') continue;
      if (name === 'SlowDownException') {
        intervalSeconds += SLOW_DOWN_S;
        continue;
      }
      if (name === 'ExpiredTokenException') throw expired();
      if (name === 'AccessDeniedException') {
        throw new AppError(
          'sso-login-denied',
          'The login was denied in the browser.',
          'Start the login again and choose Allow.',
        );
      }
      throw error;
    }
  }
}

// SSO-OIDC and SSO portal answers. SSO-OIDC errors follow OAuth 2.0 (RFC 8628 for the device
// flow): the exception name in x-amzn-ErrorType and a body {"error": "authorization_pending",
// "error_description": "…"}, which the SDK's rest-json parser maps to AuthorizationPendingException
// with its `error` and `error_description` members. SSO portal errors are plain {"message"} and
// are thrown as AwsError for the server to write.
import { AwsError, type RestRequest, type RestResponse } from '../context';

export function jsonAnswer(body: Record<string, unknown>, status = 200): RestResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export type OidcErrorName =
  | 'AuthorizationPendingException'
  | 'SlowDownException'
  | 'ExpiredTokenException'
  | 'AccessDeniedException'
  | 'InvalidClientException'
  | 'InvalidGrantException'
  | 'InvalidRequestException'
  | 'InvalidScopeException'
  | 'UnsupportedGrantTypeException'
  | 'InvalidClientMetadataException'
  | 'UnauthorizedClientException';

const OAUTH_ERROR: Record<OidcErrorName, { error: string; status: number }> = {
  AuthorizationPendingException: { error: 'authorization_pending', status: 400 },
  SlowDownException: { error: 'slow_down', status: 400 },
  ExpiredTokenException: { error: 'expired_token', status: 400 },
  AccessDeniedException: { error: 'access_denied', status: 400 },
  InvalidClientException: { error: 'invalid_client', status: 401 },
  InvalidGrantException: { error: 'invalid_grant', status: 400 },
  InvalidRequestException: { error: 'invalid_request', status: 400 },
  InvalidScopeException: { error: 'invalid_scope', status: 400 },
  UnsupportedGrantTypeException: { error: 'unsupported_grant_type', status: 400 },
  InvalidClientMetadataException: { error: 'invalid_client_metadata', status: 400 },
  UnauthorizedClientException: { error: 'unauthorized_client', status: 400 },
};

export class OidcError extends Error {
  constructor(
    override readonly name: OidcErrorName,
    readonly description: string,
  ) {
    super(description);
  }
}

export function oidcErrorAnswer(error: OidcError): RestResponse {
  const { error: code, status } = OAUTH_ERROR[error.name];
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': error.name },
    body: JSON.stringify({ error: code, error_description: error.description }),
  };
}

export function readJsonBody(request: RestRequest): Record<string, unknown> {
  const text = request.body.toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new OidcError('InvalidRequestException', 'The request body is not a JSON object.');
}

export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function unauthorized(): AwsError {
  return new AwsError('UnauthorizedException', 'Session token not found or invalid', 401);
}

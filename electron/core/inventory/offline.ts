// Which failures mean "AWS cannot be reached with these credentials right now" (serve the cached
// inventory and say so) rather than "this one call was refused" (record it, keep scanning).
import type { ApiError } from '../../../shared/ipc/channel';
import { toApiError } from '../errors/to-api-error';

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

// AWS error names for missing, invalid or expired credentials, across EC2, KMS, S3 and STS.
const credentialNames = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
  'InvalidAccessKeyId',
  'InvalidToken',
  'TokenRefreshRequired',
]);

const networkNames = new Set(['TimeoutError', 'RequestTimeout', 'ServiceUnavailable', 'NetworkingError']);

export function isOfflineError(error: unknown): boolean {
  return offlineKind(error) !== undefined;
}

function offlineKind(error: unknown): 'network' | 'credentials' | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string' && networkCodes.has(code)) return 'network';
  if (typeof name === 'string' && networkNames.has(name)) return 'network';
  if (typeof name === 'string' && credentialNames.has(name)) return 'credentials';
  return cause !== undefined && cause !== error ? offlineKind(cause) : undefined;
}

// The reason shown beside a cached inventory. The SDK attaches $metadata to a refused connection
// too, so a network failure is named here rather than by its (generic) error name.
export function offlineReason(error: unknown): ApiError {
  const kind = offlineKind(error);
  if (kind === 'network') {
    return {
      code: 'network',
      message: 'Could not reach AWS.',
      hint: 'Showing the last inventory saved on this computer.',
    };
  }
  const api = toApiError(error);
  if (kind === 'credentials') {
    return {
      code: api.code === 'internal' ? 'credentials' : api.code,
      message: api.message,
      hint: 'Log in again to refresh; showing the last inventory saved on this computer.',
    };
  }
  return api;
}

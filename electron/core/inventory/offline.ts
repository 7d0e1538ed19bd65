// Which failures mean "AWS cannot be reached with these credentials right now" (serve the cached
// inventory and say so) rather than "this one call was refused" (record it, keep scanning).
import type { ApiError } from '../../../shared/ipc/channel';
import { toApiError } from '../errors/to-api-error';

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

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
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, cause } = error as { code?: unknown; name?: unknown; cause?: unknown };
  if (typeof code === 'string' && networkCodes.has(code)) return true;
  if (typeof name === 'string' && (credentialNames.has(name) || networkNames.has(name))) return true;
  return cause !== undefined && cause !== error && isOfflineError(cause);
}

// The reason shown beside a cached inventory.
export function offlineReason(error: unknown): ApiError {
  const api = toApiError(error);
  if (api.code !== 'internal') return api;
  return { code: 'network', message: 'Could not reach AWS.', hint: 'Showing the last inventory saved on this computer.' };
}

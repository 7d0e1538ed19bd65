// Every failure that reaches a caller goes through here: our own AppError as it is, AWS service
// errors by their code with a hint for the common ones, and anything else as 'internal' with no
// exception text (that goes to the log, never to the page).
import type { ApiError } from '../../../shared/ipc/channel';
import { AppError } from './app-error';
import { logFilePath } from '../log';

const awsHints: Record<string, string> = {
  AccessDeniedException:
    'The caller lacks a permission; the message names the action. Check the IAM policy and the key policy.',
  AccessDenied: 'The caller lacks a permission; check the IAM policy (and the bucket policy for S3).',
  UnauthorizedOperation: 'The caller lacks an EC2 permission; check the IAM policy.',
  ExpiredToken: 'The credentials have expired: log in again.',
  ExpiredTokenException: 'The credentials have expired: log in again.',
  RequestLimitExceeded: 'AWS is throttling this account; Envelope retries, try again in a minute.',
  ThrottlingException: 'AWS is throttling this account; Envelope retries, try again in a minute.',
  KMSInvalidStateException:
    'The key is disabled or pending deletion: enable it, or cancel its deletion, or choose another key.',
  'InvalidKMSKey.InvalidState':
    'The key is disabled or pending deletion: enable it, or cancel its deletion, or choose another key.',
  NotFoundException: 'Check the key id, ARN or alias, and that it is in this region.',
  ResourceLimitExceeded:
    'Too many copies are running in this region; Envelope queues them, or wait for some to finish.',
  EncryptedVolumesNotSupported:
    'This instance type cannot use encrypted EBS volumes: change the instance type first.',
};

interface AwsLikeError {
  name: string;
  message: string;
  $metadata?: unknown;
  code?: string;
}

const isAwsError = (error: unknown): error is AwsLikeError =>
  typeof error === 'object' &&
  error !== null &&
  '$metadata' in error &&
  typeof (error as AwsLikeError).name === 'string';

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE']);

const networkError: ApiError = {
  code: 'network',
  message: 'Could not reach AWS.',
  hint: 'Check the network connection (and the profile’s endpoint_url); the last inventory stays available offline.',
};

// The SDK attaches $metadata to connection failures too, so these are recognised first.
const isNetworkError = (error: object): boolean => {
  const { code, name } = error as { code?: unknown; name?: unknown };
  return (typeof code === 'string' && networkCodes.has(code)) || name === 'TimeoutError';
};

// An ApiError already (a finished job's error, a Result's error handed on): kept as it is. Before
// this, a failed migration's job error reached the CLI's fail() and came out as 'internal'.
const isApiError = (error: unknown): error is ApiError =>
  typeof error === 'object' &&
  error !== null &&
  !(error instanceof Error) &&
  typeof (error as ApiError).code === 'string' &&
  typeof (error as ApiError).message === 'string' &&
  ((error as ApiError).hint === undefined || typeof (error as ApiError).hint === 'string');

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toApiError();
  if (isApiError(error)) {
    const { code, message, hint } = error;
    return hint === undefined ? { code, message } : { code, message, hint };
  }
  if (typeof error === 'object' && error !== null && isNetworkError(error)) return networkError;
  if (isAwsError(error)) {
    const code = error.name;
    const hint = awsHints[code];
    const message = error.message || code;
    return hint === undefined ? { code, message } : { code, message, hint };
  }
  if (typeof error === 'object' && error !== null) {
    const name = (error as { name?: unknown }).name;
    if (name === 'CredentialsProviderError') {
      return {
        code: 'credentials',
        message: (error as Error).message,
        hint: 'Check the profile in ~/.aws/config, or log in again.',
      };
    }
    if (name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' };
  }
  return {
    code: 'internal',
    message: 'Something went wrong inside Envelope.',
    // The path, so the reader finds the file (core's logger writes it from its first line).
    hint: `The log file ${logFilePath()} has the details; please report it.`,
  };
}

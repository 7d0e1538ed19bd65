// How EC2 reports a KMS key it cannot use. Calls that only record intent (RunInstances,
// StartInstances, CopySnapshot, CopyImage) succeed and the resource fails later, as AWS's
// troubleshooting guide describes: an instance launched or started with a volume under a disabled
// or pending-deletion key goes pending → terminated (launch) or pending → stopped (start) with
// state reason "Client.InvalidKMSKey.InvalidState"; any other KMS refusal (policy, grant) shows as
// "Client.InternalError: Client error on launch".
import { AwsError, type CallContext } from '../context';
import type { KmsKey } from '../world';
import { useKeyForEbs, type EbsKeyPurpose } from './kms-port';

export interface KeyFailure {
  readonly code: string;
  readonly message: string;
}

export function isKeyStateError(e: AwsError): boolean {
  return /InvalidState|Disabled/i.test(e.code);
}

export function instanceKeyFailure(e: AwsError): KeyFailure {
  return isKeyStateError(e)
    ? {
        code: 'Client.InvalidKMSKey.InvalidState',
        message: 'Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state',
      }
    : { code: 'Client.InternalError', message: 'Client.InternalError: Client error on launch' };
}

// Tries the key; returns the key or the AwsError KMS/EC2 raised (other errors propagate).
export function tryKey(
  ctx: CallContext,
  keyRef: string | undefined,
  purpose: EbsKeyPurpose,
): { key: KmsKey } | { error: AwsError } {
  try {
    return { key: useKeyForEbs(ctx, keyRef, purpose) };
  } catch (e) {
    if (e instanceof AwsError) return { error: e };
    throw e;
  }
}

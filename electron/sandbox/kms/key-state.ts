// Key-state checks as the KMS developer guide's key-state table gives them, with KMS's messages.
import { AwsError } from '../context';
import type { KmsKey } from '../world';

// Cryptographic use (Encrypt, Decrypt, GenerateDataKey*, ReEncrypt, CreateGrant):
// Disabled → DisabledException, PendingDeletion and the others → KMSInvalidStateException.
export function assertUsable(key: KmsKey): void {
  if (key.state === 'Enabled') return;
  if (key.state === 'Disabled') throw new AwsError('DisabledException', `${key.arn} is disabled.`);
  throw invalidState(key);
}

export function invalidState(key: KmsKey): AwsError {
  const what =
    key.state === 'PendingDeletion'
      ? 'pending deletion'
      : key.state === 'PendingImport'
        ? 'pending import'
        : key.state.toLowerCase();
  return new AwsError('KMSInvalidStateException', `${key.arn} is ${what}.`);
}

// Management operations that refuse a key pending deletion (EnableKey, DisableKey, PutKeyPolicy is
// allowed; CreateAlias to it is refused, …).
export function assertNotPendingDeletion(key: KmsKey): void {
  if (key.state === 'PendingDeletion') throw invalidState(key);
}

// AWS managed keys cannot be changed by customers.
export function assertCustomerManaged(key: KmsKey, action: string, principalArn: string): void {
  if (key.keyManager === 'AWS') {
    throw new AwsError(
      'AccessDeniedException',
      `User: ${principalArn} is not authorized to perform: kms:${action} on resource: ${key.arn} because no resource-based policy allows the kms:${action} action`,
    );
  }
}

export function isSymmetricEncryptionKey(key: KmsKey): boolean {
  return key.keySpec === 'SYMMETRIC_DEFAULT' && key.keyUsage === 'ENCRYPT_DECRYPT';
}

// KMS API reference (CreateGrant, Decrypt, Encrypt, GenerateDataKey*, ReEncrypt, RetireGrant,
// RevokeGrant … accept DryRun): "The request was rejected because the DryRun parameter was
// specified" (botocore kms model, DryRunOperationException; the model gives no HTTP status, KMS
// answers 412 as EC2 does for its DryRunOperation).
export function dryRunOperation(): AwsError {
  return new AwsError(
    'DryRunOperationException',
    'The request would have succeeded, but the DryRun option is set.',
    412,
  );
}

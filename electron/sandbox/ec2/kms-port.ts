// EC2's door into KMS. H3 owns key resolution, key state and key-policy/grant evaluation for EBS
// (electron/sandbox/kms/ebs-access.ts, `useKeyForEbs`). Until that module exists this stub gives
// the same signature over H3's resolver and key-state helpers, without policy evaluation; once it
// lands this file becomes a one-line re-export.
import { AwsError, type CallContext } from '../context';
import { ensureAwsManagedKey } from '../kms/aws-managed';
import { assertUsable, isSymmetricEncryptionKey } from '../kms/key-state';
import { resolveKey } from '../kms/resolve';
import type { KmsKey } from '../world';

export type EbsKeyPurpose = 'encrypt' | 'decrypt' | 'create-grant';

export function useKeyForEbs(ctx: CallContext, keyRef: string | undefined, purpose: EbsKeyPurpose): KmsKey {
  void purpose;
  const key = keyRef === undefined ? ensureAwsManagedKey(ctx, 'ebs') : resolveKey(ctx, keyRef);
  if (!isSymmetricEncryptionKey(key)) {
    throw new AwsError(
      'InvalidParameterValue',
      `Invalid KMS key: ${key.arn} is not a symmetric encryption key.`,
    );
  }
  assertUsable(key);
  return key;
}

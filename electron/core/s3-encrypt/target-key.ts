// The key the objects are copied under, resolved in the BUCKET's region (SSE-KMS needs a key in
// the bucket's region: S3 user guide, "Specifying server-side encryption with AWS KMS": "the KMS
// key must be in the same Region as the bucket"), Enabled and a symmetric encryption key (S3
// supports only those for SSE-KMS). Refusals say what to fix.
import { keyLabel, parseKeyReference, type CanonicalKey } from '../../../shared/kms/key-reference';
import type { PlanKey } from '../../../shared/domain/ami-copy';
import { AppError } from '../errors/app-error';
import { resolveKeyReference } from '../kms/key-reference';
import type { S3EncryptDeps } from './deps';

export async function resolveTargetKey(
  deps: S3EncryptDeps,
  ref: string,
  bucket: string,
  region: string,
  accountId: string,
): Promise<{ key: CanonicalKey; view: PlanKey }> {
  const parsed = parseKeyReference(ref);
  if (
    parsed.ok &&
    (parsed.ref.kind === 'key-arn' || parsed.ref.kind === 'alias-arn') &&
    parsed.ref.region !== region
  )
    throw new AppError(
      'key-in-other-region',
      `The key ${ref.trim()} is in ${parsed.ref.region}, but bucket ${bucket} is in ${region}; S3 encrypts an object only with a key of the bucket's region.`,
      `Choose a key in ${region} (or a multi-Region replica of this key there).`,
    );
  const key = await resolveKeyReference(ref, { region, account: accountId }, deps.kms(region));
  const label = `${keyLabel(key)} (${key.arn})`;
  if (key.state === 'PendingDeletion' || key.state === 'PendingReplicaDeletion')
    throw new AppError(
      'key-pending-deletion',
      `The KMS key ${label} is scheduled for deletion; S3 cannot encrypt with it, and objects under it would become unreadable.`,
      'Cancel the deletion (aws kms cancel-key-deletion) and enable the key (aws kms enable-key), or choose another key.',
    );
  if (key.state === 'Disabled')
    throw new AppError(
      'key-disabled',
      `The KMS key ${label} is disabled; S3 cannot encrypt with it.`,
      'Enable it (aws kms enable-key) or choose another key.',
    );
  if (key.state !== 'Enabled')
    throw new AppError(
      'key-not-enabled',
      `The KMS key ${label} is in state ${key.state}; S3 needs an Enabled key.`,
      'Wait until the key is Enabled, or choose another key.',
    );
  if (key.spec !== 'SYMMETRIC_DEFAULT' || (key.usage !== undefined && key.usage !== 'ENCRYPT_DECRYPT'))
    throw new AppError(
      'key-not-symmetric',
      `The KMS key ${label} is a ${key.spec} key; SSE-KMS supports only symmetric encryption keys (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT).`,
      'Choose a symmetric encryption key, or alias/aws/s3.',
    );
  const manager = key.manager === 'AWS' ? 'AWS managed' : 'customer managed';
  return {
    key,
    view: {
      arn: key.arn,
      keyId: key.keyId,
      aliases: key.aliases,
      region: key.region,
      manager: key.manager,
      chosen: 'explicit',
      summary: `${keyLabel(key)} (${manager}, ${key.spec}, ${key.state}): ${key.arn}`,
    },
  };
}

// The encryption of an object S3 writes (PutObject, CopyObject, CreateMultipartUpload) and the KMS
// checks it makes, as the S3 user guide describes them:
// - No encryption header: the bucket's default encryption applies, and a bucket without one uses
//   SSE-S3 ("Amazon S3 now applies server-side encryption with Amazon S3 managed keys (SSE-S3) as
//   the base level of encryption for every bucket", January 2023). A copy does not keep the
//   source's encryption: "the copy is encrypted with the destination bucket's default encryption
//   unless you specify encryption" (CopyObject API reference, "Server-side encryption").
// - `aws:kms` without a key id: the bucket default's key when the default is SSE-KMS, else the AWS
//   managed key aws/s3 ("Specifying server-side encryption with AWS KMS (SSE-KMS)").
// - The key must be in the bucket's region ("the KMS key must be in the same Region as the
//   bucket"); S3 calls kms:GenerateDataKey to write and kms:Decrypt to read, as the caller, through
//   S3 (kms:ViaService s3.<region>.amazonaws.com). KMS's refusals reach the caller with KMS's code
//   prefixed "KMS." and status 400 (KMS.DisabledException, KMS.KMSInvalidStateException,
//   KMS.NotFoundException: aws/aws-cli#4507 "An error occurred (KMS.NotFoundException) when calling
//   the PutObject operation: Invalid keyId aws/s3"; localstack/localstack#8422 for the disabled and
//   pending-deletion forms); a policy refusal is 403 AccessDenied.
// - SSE-C: the customer key's MD5 is kept; reading or copying the object needs the same key.
import { AwsError, type CallContext, type RestRequest } from '../../context';
import { ensureAwsManagedKeyIn } from '../../kms/aws-managed';
import { assertUsable, isSymmetricEncryptionKey } from '../../kms/key-state';
import { resolveKey } from '../../kms/resolve';
import { awsCaller, evaluateKeyAccess, parsePolicy } from '../../policy';
import { identityPoliciesOf } from '../../policy/identity';
import type { Bucket, KmsKey } from '../../world';
import type { ObjectEncryption, S3ObjectVersion } from './object-model';

const SSE = 'x-amz-server-side-encryption';
const ALGORITHMS = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

function invalidArgument(message: string): AwsError {
  return new AwsError('InvalidArgument', message, 400);
}

// KMS's own error, as S3 passes it on.
function kmsError(error: unknown): never {
  if (error instanceof AwsError) throw new AwsError(`KMS.${error.code}`, error.message, 400);
  throw error;
}

export function useKeyForS3(
  ctx: CallContext,
  bucket: Bucket,
  key: KmsKey,
  action: 'kms:GenerateDataKey' | 'kms:Decrypt',
): void {
  try {
    assertUsable(key);
  } catch (error) {
    kmsError(error);
  }
  const parsed = parsePolicy(key.policy);
  const decision = evaluateKeyAccess(
    {
      keyPolicy: parsed.ok ? parsed.policy : { statements: [] },
      identityPolicies: identityPoliciesOf(ctx.world, ctx.principalArn),
      grants: key.grants,
    },
    {
      caller: awsCaller(ctx.principalArn),
      action,
      keyArn: key.arn,
      keyAccountId: key.accountId,
      context: {
        'kms:ViaService': `s3.${bucket.region}.amazonaws.com`,
        'kms:CallerAccount': ctx.accountId,
        'aws:PrincipalArn': ctx.principalArn,
      },
    },
  );
  if (!decision.allowed)
    throw new AwsError(
      'AccessDenied',
      `User: ${ctx.principalArn} is not authorized to perform: ${action} on resource: ${key.arn} because no resource-based policy allows the ${action} action`,
      403,
    );
}

function resolveBucketKey(ctx: CallContext, bucket: Bucket, ref: string | undefined): KmsKey {
  const scope = { world: ctx.world, accountId: bucket.accountId, region: bucket.region };
  try {
    const key = ref
      ? resolveKey(scope, ref)
      : ensureAwsManagedKeyIn(ctx.world, bucket.accountId, bucket.region, 's3', ctx.clock.now());
    if (!isSymmetricEncryptionKey(key))
      throw invalidArgument('The specified KMS key is not a symmetric encryption key.');
    return key;
  } catch (error) {
    if (error instanceof AwsError && error.code === 'InvalidArgument') throw error;
    return kmsError(error);
  }
}

export function customerKeyMd5(headers: RestRequest['headers'], prefix = SSE): string | undefined {
  const algorithm = headers[`${prefix}-customer-algorithm`];
  if (!algorithm) return undefined;
  const md5 = headers[`${prefix}-customer-key-md5`];
  if (algorithm !== 'AES256' || !headers[`${prefix}-customer-key`] || !md5)
    throw invalidArgument(
      'Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.',
    );
  return md5;
}

// The encryption of a write: from the request's headers, else the bucket's default.
export function encryptionForWrite(
  ctx: CallContext,
  bucket: Bucket,
  headers: RestRequest['headers'],
): { encryption?: ObjectEncryption; customerKeyMd5?: string } {
  const sseC = customerKeyMd5(headers);
  const asked = headers[SSE];
  if (sseC) {
    if (asked)
      throw invalidArgument(
        'Server Side Encryption with Customer provided key is incompatible with the encryption method specified',
      );
    return { customerKeyMd5: sseC };
  }
  const rule = bucket.encryption?.rules[0];
  const algorithm = asked ?? rule?.sseAlgorithm ?? 'AES256';
  if (!ALGORITHMS.has(algorithm)) throw invalidArgument('The encryption method specified is not supported');
  const bucketKeyHeader = headers[`${SSE}-bucket-key-enabled`];
  if (algorithm === 'AES256') {
    if (headers[`${SSE}-aws-kms-key-id`])
      throw invalidArgument(
        'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
      );
    return { encryption: { algorithm: 'AES256', bucketKeyEnabled: false } };
  }
  const defaultKey = rule?.sseAlgorithm === algorithm ? rule.kmsMasterKeyId : undefined;
  const key = resolveBucketKey(ctx, bucket, headers[`${SSE}-aws-kms-key-id`] ?? defaultKey);
  useKeyForS3(ctx, bucket, key, 'kms:GenerateDataKey');
  const bucketKeyEnabled =
    bucketKeyHeader !== undefined
      ? bucketKeyHeader.toLowerCase() === 'true'
      : (rule?.bucketKeyEnabled ?? false);
  return {
    encryption: {
      algorithm: algorithm as ObjectEncryption['algorithm'],
      kmsKeyArn: key.arn,
      bucketKeyEnabled: algorithm === 'aws:kms' && bucketKeyEnabled,
    },
  };
}

// Reading an object (GetObject, HeadObject, or as a copy source): SSE-C needs the same key
// (HeadObject without it: 400 Bad Request; S3 user guide, "Using SSE-C"); SSE-KMS needs
// kms:Decrypt (GetObject and copies; HeadObject reads only metadata and needs none).
export function assertReadable(
  ctx: CallContext,
  bucket: Bucket,
  version: S3ObjectVersion,
  headers: RestRequest['headers'],
  options: { readonly prefix?: string; readonly decrypt: boolean },
): void {
  if (version.customerKeyMd5) {
    const given = customerKeyMd5(headers, options.prefix ?? SSE);
    if (!given)
      throw invalidArgument(
        'The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.',
      );
    if (given !== version.customerKeyMd5)
      throw new AwsError(
        'AccessDenied',
        'Requests specifying Server Side Encryption with Customer provided keys must provide the correct secret key.',
        403,
      );
    return;
  }
  if (!options.decrypt || !version.encryption?.kmsKeyArn) return;
  const key = ctx.world.kmsKeys.get(version.encryption.kmsKeyArn);
  if (!key)
    kmsError(new AwsError('NotFoundException', `Key '${version.encryption.kmsKeyArn}' does not exist`));
  useKeyForS3(ctx, bucket, key, 'kms:Decrypt');
}

// The encryption headers S3 returns for an object (HeadObject, GetObject, PutObject, CopyObject).
export function encryptionHeaders(
  version: Pick<S3ObjectVersion, 'encryption' | 'customerKeyMd5'>,
): Record<string, string> {
  if (version.customerKeyMd5)
    return {
      [`${SSE}-customer-algorithm`]: 'AES256',
      [`${SSE}-customer-key-md5`]: version.customerKeyMd5,
    };
  const e = version.encryption;
  if (!e) return {};
  return {
    [SSE]: e.algorithm,
    ...(e.kmsKeyArn ? { [`${SSE}-aws-kms-key-id`]: e.kmsKeyArn } : {}),
    ...(e.bucketKeyEnabled ? { [`${SSE}-bucket-key-enabled`]: 'true' } : {}),
  };
}

// Why one object's copy failed, in words a person can act on. S3 names the KMS key's refusals with
// a "KMS." prefix (KMS.DisabledException, KMS.NotFoundException, KMS.KMSInvalidStateException:
// aws/aws-cli#4507); a copy guarded by CopySourceIfMatch whose source changed answers 412
// PreconditionFailed (S3 API reference, CopyObject, x-amz-copy-source-if-match).

export interface CopyFailure {
  readonly code: string;
  readonly message: string;
}

export const errorName = (error: unknown): string =>
  (error as { name?: string; Code?: string }).name ?? (error as { Code?: string }).Code ?? 'Error';

const errorMessage = (error: unknown): string => (error as { message?: string }).message ?? String(error);

// The code S3 gives an object changed since the plan (its ETag no longer the planned one).
export const CHANGED_SINCE_PLAN = 'PreconditionFailed';

export function describeCopyFailure(error: unknown, keyArn: string): CopyFailure {
  const code = errorName(error);
  const said = errorMessage(error);
  switch (code) {
    case 'AccessDenied':
      return {
        code,
        message: `S3 refused the copy (${said}): the identity needs s3:GetObject (s3:GetObjectVersion for a version) and s3:PutObject on the bucket, and kms:GenerateDataKey and kms:Decrypt on ${keyArn} (and on the object's current key, if any), with no bucket or key policy denying them.`,
      };
    case 'KMS.DisabledException':
      return { code, message: `The KMS key ${keyArn} is disabled: enable it and run the plan again.` };
    case 'KMS.NotFoundException':
      return {
        code,
        message: `The KMS key ${keyArn} was not found in the bucket's region (deleted, or in another region): choose another key and plan again.`,
      };
    case 'KMS.KMSInvalidStateException':
      return {
        code,
        message: `The KMS key ${keyArn} cannot be used in its state (pending deletion or import): cancel the deletion or choose another key.`,
      };
    case 'NoSuchKey':
      return { code, message: 'The object was deleted since the plan; nothing was copied.' };
    case 'NoSuchVersion':
      return { code, message: 'This version was deleted since the plan; nothing was copied.' };
    case CHANGED_SINCE_PLAN:
      return {
        code,
        message:
          'The object changed since the plan (its ETag is not the one the plan reviewed); it was not overwritten. Plan the bucket again to include its new content.',
      };
    case 'InvalidObjectState':
      return {
        code,
        message:
          'The object was archived since the plan (S3 Glacier Flexible Retrieval or Deep Archive): restore it first.',
      };
    case 'SlowDown':
    case 'ServiceUnavailable':
      return {
        code,
        message: `S3 kept asking to slow down (${said}) after the SDK's retries; run the plan again to copy what is left.`,
      };
    default:
      return { code, message: `S3 refused the copy: ${code}: ${said}` };
  }
}

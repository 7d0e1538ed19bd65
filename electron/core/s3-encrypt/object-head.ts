// One object's encryption and what keeps it from being copied, as HeadObject answers (S3 API
// reference, HeadObject response: ServerSideEncryption AES256 | aws:kms | aws:kms:dsse,
// SSEKMSKeyId, BucketKeyEnabled, SSECustomerAlgorithm, StorageClass (left out for STANDARD),
// ObjectLockMode / ObjectLockRetainUntilDate / ObjectLockLegalHoldStatus, Restore, ArchiveStatus).
// An SSE-C object cannot even be read without its key: "If you don't provide the encryption key,
// HeadObject returns 400 Bad Request" (S3 user guide, "Using server-side encryption with
// customer-provided keys (SSE-C)"), so a 400 means SSE-C.
import { HeadObjectCommand, type HeadObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectEncryption, SkipReason } from '../../../shared/domain/s3-encrypt';

export interface HeadedObject {
  readonly key: string;
  readonly versionId?: string;
  readonly size: number;
  readonly storageClass: string;
  readonly encryption: ObjectEncryption;
  readonly kmsKeyArn?: string;
  readonly etag?: string;
  readonly isLatest: boolean;
  // Object Lock retention (until this date, ISO 8601) or a legal hold.
  readonly lockedUntil?: string;
  readonly legalHold?: boolean;
  readonly archived?: string; // why it must be restored first, in words
  // Written by another account into a bucket with ACLs enabled (the listing's Owner differs from
  // the bucket owner's canonical user id).
  readonly otherOwner?: boolean;
}

export function classifyEncryption(
  head: Pick<HeadObjectCommandOutput, 'ServerSideEncryption' | 'SSEKMSKeyId' | 'SSECustomerAlgorithm'>,
  targetKeyArn: string,
): ObjectEncryption {
  if (head.SSECustomerAlgorithm) return 'sse-c';
  switch (head.ServerSideEncryption) {
    case 'aws:kms:dsse':
      return 'dsse-kms';
    case 'aws:kms':
      return head.SSEKMSKeyId === targetKeyArn ? 'kms-target' : 'kms-other';
    case 'AES256':
      return 'sse-s3';
    default:
      return 'none';
  }
}

// GLACIER and DEEP_ARCHIVE objects, and Intelligent-Tiering objects in an archive tier, can be
// copied only once restored; Restore: ongoing-request="false" says a restored copy is there
// (S3 user guide, "Restoring an archived object"). GLACIER_IR is read in milliseconds: copyable.
function archivedReason(head: HeadObjectCommandOutput, storageClass: string): string | undefined {
  const restored = head.Restore?.includes('ongoing-request="false"') ?? false;
  if ((storageClass === 'GLACIER' || storageClass === 'DEEP_ARCHIVE') && !restored)
    return `in ${storageClass}: restore it first (aws s3api restore-object), then plan again`;
  if (head.ArchiveStatus && !restored)
    return `in the Intelligent-Tiering ${head.ArchiveStatus} tier: restore it first, then plan again`;
  return undefined;
}

const status = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

export interface ListedVersion {
  readonly key: string;
  readonly versionId?: string;
  readonly size: number;
  readonly isLatest: boolean;
  readonly storageClass?: string;
  readonly etag?: string;
  readonly ownerId?: string; // canonical user id, as the listing names the owner
}

// HeadObject of one listed object or version; undefined when it was deleted since the listing.
export async function headObject(
  s3: S3Client,
  bucket: string,
  accountId: string,
  listed: ListedVersion,
  targetKeyArn: string,
): Promise<HeadedObject | undefined> {
  const base = {
    key: listed.key,
    size: listed.size,
    isLatest: listed.isLatest,
    storageClass: listed.storageClass ?? 'STANDARD',
    ...(listed.versionId ? { versionId: listed.versionId } : {}),
    ...(listed.etag ? { etag: listed.etag } : {}),
  };
  let head: HeadObjectCommandOutput;
  try {
    head = await s3.send(
      new HeadObjectCommand({
        Bucket: bucket,
        Key: listed.key,
        ExpectedBucketOwner: accountId,
        ...(listed.versionId ? { VersionId: listed.versionId } : {}),
      }),
    );
  } catch (error) {
    if (status(error) === 400) return { ...base, encryption: 'sse-c' };
    if (status(error) === 404) return undefined;
    throw error;
  }
  const storageClass = head.StorageClass ?? listed.storageClass ?? 'STANDARD';
  const kmsKeyArn = head.SSEKMSKeyId;
  const archived = archivedReason(head, storageClass);
  const lockedUntil = head.ObjectLockRetainUntilDate?.getTime();
  return {
    ...base,
    size: head.ContentLength ?? listed.size,
    storageClass,
    encryption: classifyEncryption(head, targetKeyArn),
    ...(kmsKeyArn ? { kmsKeyArn } : {}),
    ...(head.VersionId ? { versionId: head.VersionId } : {}),
    ...(head.ETag ? { etag: head.ETag } : {}),
    ...(head.ObjectLockMode && lockedUntil && lockedUntil > Date.now()
      ? { lockedUntil: new Date(lockedUntil).toISOString() }
      : {}),
    ...(head.ObjectLockLegalHoldStatus === 'ON' ? { legalHold: true } : {}),
    ...(archived ? { archived } : {}),
  };
}

export interface Skip {
  readonly reason: SkipReason;
  readonly detail: string;
}

// Why an object is left as it is, or undefined when it is copied.
export function skipOf(object: HeadedObject, includeVersions: boolean): Skip | undefined {
  if (object.encryption === 'sse-c')
    return {
      reason: 'sse-c',
      detail: 'SSE-C: S3 needs the customer-provided key to read it, and Envelope never holds it',
    };
  if (object.encryption === 'kms-target')
    return { reason: 'already-target', detail: 'already under the chosen key' };
  if (object.archived) return { reason: 'archived', detail: object.archived };
  if (object.otherOwner)
    return {
      reason: 'other-owner',
      detail:
        'written by another account (ACLs enabled): its owner must re-encrypt it, or set Object Ownership to "bucket owner enforced" first',
    };
  // With versions included each original version is deleted after its copy, which Object Lock
  // forbids; without, the copy is only a new version, which Object Lock allows.
  if (includeVersions && (object.lockedUntil || object.legalHold))
    return {
      reason: 'object-lock',
      detail: object.legalHold
        ? 'under an Object Lock legal hold: it cannot be deleted after its copy, so it is left as it is'
        : `under Object Lock retention until ${object.lockedUntil ?? ''}: it cannot be deleted after its copy, so it is left as it is`,
    };
  return undefined;
}

// The plan's words: which engine runs it and why, whether an S3 Bucket Key should be on, and what
// changes. Versioning as the S3 user guide describes it ("How S3 Versioning works"; CopyObject:
// "If versioning is enabled on the destination bucket, Amazon S3 generates a unique version ID for
// the copied object"): an in-place copy in a versioned bucket writes a new current version and the
// original stays as a noncurrent version; in an unversioned bucket it replaces the object.
import { S3_BATCH_THRESHOLD, type S3EncryptRequest } from '../../../shared/domain/s3-encrypt';
import { S3_BATCH_STORAGE_CLASS } from '../../../shared/plans/render/s3-batch-job';
import { AppError } from '../errors/app-error';
import type { Versioning } from './bucket-facts';

const GIB = 1024 ** 3;
const count = (n: number): string => n.toLocaleString('en-US');
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(bytes < 10 * GIB ? 2 : 0)} GiB`;

export interface EngineChoice {
  readonly engine: 'local' | 'batch';
  readonly reason: string;
}

export function chooseEngine(
  request: S3EncryptRequest,
  toCopy: { objects: number; bytes: number },
): EngineChoice {
  const asked = request.engine ?? 'auto';
  const over = toCopy.objects > S3_BATCH_THRESHOLD.objects || toCopy.bytes > S3_BATCH_THRESHOLD.bytes;
  const bounds = `${count(S3_BATCH_THRESHOLD.objects)} objects or ${gib(S3_BATCH_THRESHOLD.bytes)}`;
  const size = `${count(toCopy.objects)} objects, ${gib(toCopy.bytes)}`;
  if (request.includeVersions && (asked === 'batch' || (asked === 'auto' && over)))
    throw new AppError(
      'batch-current-versions-only',
      `S3 Batch Operations copies current versions only, so it cannot re-encrypt the older versions of ${request.bucket}${asked === 'auto' ? ` (${size}, above the ${bounds} at which Envelope hands the work to it)` : ''}.`,
      'Choose the local engine (--engine local) to copy every version, or leave older versions out and let a lifecycle rule expire noncurrent versions.',
    );
  if (asked === 'local')
    return { engine: 'local', reason: `Chosen: this computer copies each object (${size}).` };
  if (asked === 'batch')
    return {
      engine: 'batch',
      reason: `Chosen: S3 Batch Operations copies the ${S3_BATCH_STORAGE_CLASS} objects in AWS (${size}).`,
    };
  return over
    ? {
        engine: 'batch',
        reason: `${size}: above ${bounds}, so S3 Batch Operations copies them in AWS instead of this computer.`,
      }
    : {
        engine: 'local',
        reason: `${size}: within ${bounds}, so this computer copies them, a bounded number at a time.`,
      };
}

export interface BucketKeyChoice {
  readonly enabled: boolean;
  readonly recommended: boolean;
  readonly reason: string;
}

// S3 user guide, "Reducing the cost of SSE-KMS with Amazon S3 Bucket Keys": a bucket-level key cuts
// S3's requests to KMS by up to 99%; CloudTrail then logs KMS events with the bucket ARN as the
// encryption context instead of each object's ARN.
export function bucketKeyChoice(request: S3EncryptRequest, copies: number): BucketKeyChoice {
  const recommended = copies > 0;
  const reason = recommended
    ? `An S3 Bucket Key cuts the KMS requests S3 makes for ${count(copies)} copies by up to 99% (cost and KMS request quota); CloudTrail then names the bucket, not each object, in its KMS events. Turn it off only if a key policy or audit relies on the object's ARN as encryption context.`
    : 'Nothing is copied, so the Bucket Key changes nothing.';
  return { enabled: request.bucketKey ?? recommended, recommended, reason };
}

export interface ChangesInput {
  readonly bucket: string;
  readonly prefix?: string;
  readonly versioning: Versioning;
  readonly keyLabel: string;
  readonly copies: number;
  readonly deletes: number;
  readonly includeVersions: boolean;
  readonly engine: 'local' | 'batch';
  readonly bucketKey: boolean;
  readonly skipped: number;
  // Objects under DSSE-KMS now: the copy has one layer of encryption instead of two.
  readonly dsse?: number;
  // Batch only: objects the job leaves (over 5 GB, or in another storage class than STANDARD).
  readonly batchLeaves?: { readonly overCopyLimit: number; readonly otherClass: number };
}

export function changesOf(c: ChangesInput): string[] {
  const where = c.prefix ? `s3://${c.bucket}/${c.prefix}` : `s3://${c.bucket}`;
  const out: string[] = [
    `Each of ${count(c.copies)} objects under ${where} is copied over itself with SSE-KMS under ${c.keyLabel}${c.bucketKey ? ', with an S3 Bucket Key' : ''}.`,
  ];
  if (c.versioning === 'Unversioned')
    out.push('The bucket is not versioned: each copy replaces its object, and the old encryption is gone.');
  else if (!c.includeVersions)
    out.push(
      `The bucket is versioned (${c.versioning}): each copy is a new current version, and the original stays as a noncurrent version under its old encryption until you delete it or a lifecycle rule expires noncurrent versions. It is the way back.`,
    );
  else
    out.push(
      `Every version is copied, each key's oldest first, so the copy of the current version ends current and the history keeps its order. Once all of a key's copies succeeded, its ${count(c.deletes)} original versions are deleted (DeleteObject with VersionId): permanent, no way back. A version whose copy failed, or under Object Lock, is never deleted.`,
    );
  out.push(
    c.engine === 'local'
      ? "Storage class, user metadata, content headers (Content-Type, Cache-Control, …), tags and ACL are kept: the copy carries each object's storage class and copies its metadata and tags."
      : `User metadata, content headers and tags are kept (MetadataDirective COPY); the job copies ${S3_BATCH_STORAGE_CLASS} objects only and keeps them ${S3_BATCH_STORAGE_CLASS}; objects in other classes are left for the local engine.`,
  );
  if (c.dsse && c.dsse > 0)
    out.push(
      `${count(c.dsse)} objects are under DSSE-KMS (two layers of encryption) now and will be under SSE-KMS (one layer); leave them out with a prefix if they must keep two layers.`,
    );
  const leaves = c.engine === 'batch' ? c.batchLeaves : undefined;
  if (leaves && leaves.overCopyLimit + leaves.otherClass > 0)
    out.push(
      `S3 Batch Operations leaves ${count(leaves.overCopyLimit)} objects over 5 GB (its Copy operation copies objects up to 5 GB: S3 user guide, "Copy objects") and ${count(leaves.otherClass)} in other storage classes than ${S3_BATCH_STORAGE_CLASS}: plan the same prefix with the local engine afterwards for them.`,
    );
  // "Objects encrypted by SSE-C or SSE-KMS have ETags that are not an MD5 digest of their object
  // data" (S3 API reference, Object): the copies' ETags change.
  out.push(
    "Last-modified dates become the time of the copy, and ETags change (an SSE-KMS object's ETag is not the MD5 of its data).",
  );
  if (c.skipped > 0)
    out.push(`${count(c.skipped)} objects are left as they are (see Skipped, with the reason).`);
  return out;
}

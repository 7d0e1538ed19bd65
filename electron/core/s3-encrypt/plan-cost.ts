// What a run asks of S3 and KMS, and what that costs: an estimate at the published us-east-1
// prices (aws.amazon.com/s3/pricing, S3 Standard: $0.005 per 1,000 PUT, COPY, POST and LIST
// requests, $0.0004 per 1,000 GET, HEAD and other requests, DELETE free; S3 Batch Operations
// $0.25 per job and $1.00 per million objects processed; aws.amazon.com/kms/pricing: $0.03 per
// 10,000 requests). Other regions and storage classes price requests differently.
import type { RequestCost } from '../../../shared/domain/s3-encrypt';

// CopyObject copies up to 5 GB in one request; larger objects take a multipart upload with
// UploadPartCopy (S3 API reference, CopyObject). Parts of this size are assumed for the count.
export const COPY_LIMIT_BYTES = 5 * 1024 ** 3;
export const PART_BYTES = 512 * 1024 ** 2;

const PRICE = {
  writeClassPer1000: 0.005,
  readClassPer1000: 0.0004,
  kmsPer10000: 0.03,
  batchJob: 0.25,
  batchPerMillionObjects: 1.0,
} as const;

// An S3 Bucket Key cuts S3's calls to KMS "by up to 99 percent" (S3 user guide, "Reducing the cost
// of SSE-KMS with Amazon S3 Bucket Keys"): counted here as 1 in 100.
const BUCKET_KEY_KMS_FRACTION = 0.01;

export interface CostInput {
  readonly engine: 'local' | 'batch';
  readonly listed: number; // objects or versions listed
  readonly headed: number; // HeadObject requests of the listing
  readonly sizes: readonly number[]; // the size of each object to copy, bytes (local)
  readonly copies: number; // objects to copy
  readonly kmsSources: number; // of those, how many are under SSE-KMS or DSSE-KMS now (Decrypt)
  readonly deletes: number; // original versions deleted after their copy (versions included)
  readonly bucketKey: boolean;
}

function copyRequests(sizes: readonly number[]): { copy: number; multipart: number; parts: number } {
  let copy = 0;
  let multipart = 0;
  let parts = 0;
  for (const size of sizes) {
    if (size <= COPY_LIMIT_BYTES) copy += 1;
    else {
      multipart += 1;
      parts += Math.ceil(size / PART_BYTES);
    }
  }
  return { copy, multipart, parts };
}

export function estimateCost(c: CostInput): RequestCost {
  const listPages = Math.max(1, Math.ceil(c.listed / 1000));
  const requests: Record<string, number> = { ListObjects: listPages, HeadObject: c.headed };
  if (c.engine === 'local') {
    const { copy, multipart, parts } = copyRequests(c.sizes);
    requests.HeadObject = c.headed + c.copies; // each object is read again just before its copy
    requests.CopyObject = copy;
    if (multipart > 0) {
      requests.CreateMultipartUpload = multipart;
      requests.UploadPartCopy = parts;
      requests.CompleteMultipartUpload = multipart;
    }
    if (c.deletes > 0) requests.DeleteObject = c.deletes;
  } else {
    requests.CreateJob = 1;
    requests.BatchObjectsProcessed = c.copies;
  }
  const rawKms = c.copies + c.kmsSources;
  const withBucketKey = Math.ceil(rawKms * BUCKET_KEY_KMS_FRACTION);
  const kmsCalls = c.bucketKey ? withBucketKey : rawKms;
  const writeClass =
    listPages +
    (requests.CopyObject ?? 0) +
    (requests.CreateMultipartUpload ?? 0) +
    (requests.UploadPartCopy ?? 0) +
    (requests.CompleteMultipartUpload ?? 0) +
    // A Batch Operations copy is billed as the COPY request it makes, besides the per-object fee.
    (c.engine === 'batch' ? c.copies : 0);
  const readClass = requests.HeadObject ?? 0;
  const batch = c.engine === 'batch' ? PRICE.batchJob + (c.copies / 1e6) * PRICE.batchPerMillionObjects : 0;
  const costUsd =
    (writeClass / 1000) * PRICE.writeClassPer1000 +
    (readClass / 1000) * PRICE.readClassPer1000 +
    (kmsCalls / 10_000) * PRICE.kmsPer10000 +
    batch;
  return {
    requests,
    kmsCalls,
    costUsd: Math.round(costUsd * 10_000) / 10_000,
    costNote: `An estimate at the published us-east-1 prices: S3 Standard $0.005 per 1,000 PUT, COPY, POST and LIST requests and $0.0004 per 1,000 GET and HEAD requests (DELETE is free)${c.engine === 'batch' ? ', S3 Batch Operations $0.25 per job and $1.00 per million objects' : ''}, AWS KMS $0.03 per 10,000 requests (one GenerateDataKey per copy and one Decrypt per object now under SSE-KMS: ${rawKms.toLocaleString('en-US')} calls without an S3 Bucket Key; with one, S3 calls KMS up to 99% less, counted as ${withBucketKey.toLocaleString('en-US')}; this plan ${c.bucketKey ? 'uses' : 'does not use'} a Bucket Key). Storage is billed as before; the noncurrent versions a versioned bucket keeps are billed too.`,
  };
}

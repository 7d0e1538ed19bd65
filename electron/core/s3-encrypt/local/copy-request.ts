// What every copy of an object over itself names: its source (the planned version) and the
// encryption it gets (S3 API reference, CopyObject and CreateMultipartUpload: x-amz-copy-source,
// x-amz-server-side-encryption, -aws-kms-key-id, -bucket-key-enabled).
import type { S3Client } from '@aws-sdk/client-s3';
import type { PlannedObject } from '../../../../shared/domain/s3-encrypt';

// CopyObject's limit for one request (5 GB as S3 counts it: 5 GiB).
export const SINGLE_COPY_LIMIT = 5 * 1024 ** 3;

export interface CopyTarget {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly keyArn: string;
  readonly bucketKey: boolean;
}

// x-amz-copy-source: bucket/key URL-encoded, with the version when named.
export function copySource(bucket: string, object: PlannedObject): string {
  const source = `${bucket}/${encodeURIComponent(object.key)}`;
  return object.versionId ? `${source}?versionId=${encodeURIComponent(object.versionId)}` : source;
}

export const encryptionOf = (target: CopyTarget) =>
  ({
    ServerSideEncryption: 'aws:kms',
    SSEKMSKeyId: target.keyArn,
    BucketKeyEnabled: target.bucketKey,
  }) as const;

// An object over CopyObject's 5 GB copied over itself in parts (S3 API reference,
// CreateMultipartUpload, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload). A
// multipart upload fixes the object's attributes at its creation and copies none from the source,
// so the source's user metadata, content headers (HeadObject) and tags (GetObjectTagging) are read
// first and given to CreateMultipartUpload with the encryption and the storage class. Each part is
// a CopySourceRange of the planned version, guarded by the planned ETag like CopyObject. Parts are
// 5 MiB to 5 GiB and at most 10,000 ("Amazon S3 multipart upload limits", S3 user guide). An upload
// that fails is aborted, so no parts are left stored (and billed).
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import type { PlannedObject } from '../../../../shared/domain/s3-encrypt';
import { copySource, encryptionOf, type CopyTarget } from './copy-request';
import type { ObjectGrants } from './object-acl';

const MIN_PART_BYTES = 1024 ** 3; // 1 GiB: few parts, each well under the 5 GiB limit
const MAX_PARTS = 10_000;

export function partRanges(size: number): { first: number; last: number }[] {
  const partSize = Math.max(MIN_PART_BYTES, Math.ceil(size / MAX_PARTS));
  const ranges: { first: number; last: number }[] = [];
  for (let first = 0; first < size; first += partSize)
    ranges.push({ first, last: Math.min(size, first + partSize) - 1 });
  return ranges;
}

export async function multipartCopy(
  target: CopyTarget,
  object: PlannedObject,
  grants: ObjectGrants,
): Promise<string | undefined> {
  const { s3, bucket } = target;
  const version = object.versionId ? { VersionId: object.versionId } : {};
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: object.key, ...version }));
  const { TagSet = [] } = await s3.send(
    new GetObjectTaggingCommand({ Bucket: bucket, Key: object.key, ...version }),
  );
  const tagging = new URLSearchParams(
    TagSet.map((t): [string, string] => [t.Key ?? '', t.Value ?? '']),
  ).toString();
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: object.key,
      ...encryptionOf(target),
      StorageClass: (object.storageClass ?? 'STANDARD') as 'STANDARD',
      ...(head.Metadata ? { Metadata: head.Metadata } : {}),
      ...(head.ContentType ? { ContentType: head.ContentType } : {}),
      ...(head.CacheControl ? { CacheControl: head.CacheControl } : {}),
      ...(head.ContentDisposition ? { ContentDisposition: head.ContentDisposition } : {}),
      ...(head.ContentEncoding ? { ContentEncoding: head.ContentEncoding } : {}),
      ...(head.ContentLanguage ? { ContentLanguage: head.ContentLanguage } : {}),
      ...(tagging ? { Tagging: tagging } : {}),
      ...grants,
    }),
  );
  const upload = { Bucket: bucket, Key: object.key, UploadId };
  try {
    const parts: CompletedPart[] = [];
    for (const [index, range] of partRanges(object.size).entries()) {
      const { CopyPartResult } = await s3.send(
        new UploadPartCopyCommand({
          ...upload,
          PartNumber: index + 1,
          CopySource: copySource(bucket, object),
          CopySourceRange: `bytes=${range.first}-${range.last}`,
          ...(object.etag ? { CopySourceIfMatch: object.etag } : {}),
        }),
      );
      parts.push({ PartNumber: index + 1, ETag: CopyPartResult?.ETag });
    }
    const done = await s3.send(
      new CompleteMultipartUploadCommand({ ...upload, MultipartUpload: { Parts: parts } }),
    );
    return done.VersionId;
  } catch (error) {
    await s3.send(new AbortMultipartUploadCommand(upload)).catch(() => undefined);
    throw error;
  }
}

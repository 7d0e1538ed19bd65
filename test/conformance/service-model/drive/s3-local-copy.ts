// S3 as the local re-encryption engine drives it (electron/core/s3-encrypt/local): the bucket's
// Object Ownership (found, and not found for a bucket from before 2023), an object's ACL, CopyObject
// in place under SSE-KMS guarded by the planned ETag (and refused with 412 when it changed), the
// multipart copy of a large object (CreateMultipartUpload, UploadPartCopy, Complete; Abort), the
// tags and metadata it carries over, and, with versions, the ListObjectVersions and DeleteObject
// with a version id that remove the originals.
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetBucketOwnershipControlsCommand,
  GetObjectAclCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { createBucket } from '../../../../electron/sandbox/s3/factory';
import { expectError, type DriveContext } from './context';

const BUCKET = 'conformance-local-copy';

export async function driveS3LocalCopy(ctx: DriveContext, keyArn: string): Promise<void> {
  const { s3 } = ctx;
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET, ObjectOwnership: 'ObjectWriter' }));
  await s3.send(new GetBucketOwnershipControlsCommand({ Bucket: BUCKET }));
  createBucket(ctx.sandbox.handle.world, {
    name: `${BUCKET}-2022`,
    region: ctx.region,
    now: Date.UTC(2022, 0, 1),
  });
  await expectError(
    s3.send(new GetBucketOwnershipControlsCommand({ Bucket: `${BUCKET}-2022` })),
    'OwnershipControlsNotFoundError',
  );
  await s3.send(
    new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  const put = await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: 'se/a.img', Body: 'a', ACL: 'public-read', Tagging: 't=1' }),
  );
  await s3.send(new GetObjectAclCommand({ Bucket: BUCKET, Key: 'se/a.img', VersionId: put.VersionId }));
  await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'se/a.img', VersionId: put.VersionId }));
  const source = `${BUCKET}/${encodeURIComponent('se/a.img')}?versionId=${put.VersionId ?? ''}`;
  const encryption = {
    ServerSideEncryption: 'aws:kms',
    SSEKMSKeyId: keyArn,
    BucketKeyEnabled: true,
  } as const;
  await expectError(
    s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'se/a.img',
        CopySource: source,
        CopySourceIfMatch: '"0"',
        ...encryption,
      }),
    ),
    'PreconditionFailed',
  );
  await s3.send(
    new CopyObjectCommand({
      Bucket: BUCKET,
      Key: 'se/a.img',
      CopySource: source,
      CopySourceIfMatch: put.ETag,
      ...encryption,
      MetadataDirective: 'COPY',
      TaggingDirective: 'COPY',
      StorageClass: 'STANDARD',
      GrantRead: 'uri="http://acs.amazonaws.com/groups/global/AllUsers"',
    }),
  );
  const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'se/a.img' }));
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'se/b.img', ...encryption, Tagging: 't=1' }),
  );
  const part = await s3.send(
    new UploadPartCopyCommand({
      Bucket: BUCKET,
      Key: 'se/b.img',
      UploadId,
      PartNumber: 1,
      CopySource: source,
      CopySourceRange: 'bytes=0-0',
      CopySourceIfMatch: put.ETag,
    }),
  );
  await s3.send(
    new CompleteMultipartUploadCommand({
      Bucket: BUCKET,
      Key: 'se/b.img',
      UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult?.ETag }] },
    }),
  );
  const aborted = await s3.send(
    new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'se/c.img', ...encryption }),
  );
  await s3.send(
    new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'se/c.img', UploadId: aborted.UploadId }),
  );
  await s3.send(new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: 'se/a.img' }));
  await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'se/a.img', VersionId: put.VersionId }));
  if (!head.VersionId) throw new Error('the copy in a versioned bucket has no version id');
}

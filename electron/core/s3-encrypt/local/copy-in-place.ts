// One object copied over itself under the plan's KMS key (S3 API reference, CopyObject):
// - CopySource names the planned version when there is one (x-amz-copy-source ?versionId=), and
//   CopySourceIfMatch the planned ETag, so an object changed since the plan is not overwritten
//   ("Copies the object if its entity tag (ETag) matches the specified tag"; else 412);
// - ServerSideEncryption aws:kms with SSEKMSKeyId the key's ARN, and BucketKeyEnabled as the plan
//   says ("Specifying this header with a COPY action doesn't affect bucket-level settings");
// - MetadataDirective COPY and TaggingDirective COPY: user metadata, content headers and tags come
//   from the source;
// - StorageClass explicitly: "By default, Amazon S3 uses the STANDARD Storage Class to store newly
//   created objects", a copy included;
// - the ACL's grants where ACLs are enabled (object-acl.ts), since a copy is private otherwise.
// Over 5 GB, CopyObject refuses ("to copy an object greater than 5 GB, you must use the multipart
// upload Upload Part - Copy (UploadPartCopy) API"): multipart-copy.ts.
import { CopyObjectCommand } from '@aws-sdk/client-s3';
import type { PlannedObject } from '../../../../shared/domain/s3-encrypt';
import { SINGLE_COPY_LIMIT, copySource, encryptionOf, type CopyTarget } from './copy-request';
import { multipartCopy } from './multipart-copy';
import type { ObjectGrants } from './object-acl';

export type { CopyTarget } from './copy-request';

// Copies the object; answers the version id S3 gave the copy (versioned buckets).
export async function copyInPlace(
  target: CopyTarget,
  object: PlannedObject,
  grants: ObjectGrants,
): Promise<string | undefined> {
  if (object.size > SINGLE_COPY_LIMIT) return multipartCopy(target, object, grants);
  const answer = await target.s3.send(
    new CopyObjectCommand({
      Bucket: target.bucket,
      Key: object.key,
      CopySource: copySource(target.bucket, object),
      ...(object.etag ? { CopySourceIfMatch: object.etag } : {}),
      ...encryptionOf(target),
      MetadataDirective: 'COPY',
      TaggingDirective: 'COPY',
      StorageClass: (object.storageClass ?? 'STANDARD') as 'STANDARD',
      ...grants,
    }),
  );
  return answer.VersionId;
}

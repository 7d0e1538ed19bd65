// PutObject, CopyObject (in place or between buckets), DeleteObject and PutObjectTagging, as the
// S3 API reference describes them. Authorization: s3:PutObject on the destination, s3:GetObject
// (s3:GetObjectVersion for a named version) on a copy's source.
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../../context';
import type { Bucket } from '../../world';
import { objectOwnershipOf } from '../ownership-controls';
import { authorizeS3 } from '../access';
import { emptyAnswer, isoTime, noSuchBucket, xmlAnswer } from '../wire';
import { asList, asRecord, asText, malformedXml, parseXmlBody } from '../xml-body';
import { assertReadable, encryptionForWrite, encryptionHeaders } from './object-encryption';
import {
  contentHeaders,
  objectLock,
  requestedAcl,
  storageClass,
  taggingHeader,
  userMetadata,
} from './object-headers';
import {
  ARCHIVED_CLASSES,
  BODY_LIMIT,
  COPY_LIMIT,
  currentVersion,
  etagOf,
  findVersion,
  forgetKeyOrder,
  objectsOf,
  storeVersion,
  type S3ObjectVersion,
} from './object-model';

export const objectArn = (bucket: string, key: string): string => `arn:aws:s3:::${bucket}/${key}`;

export function noSuchKey(): AwsError {
  return new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
}

export function noSuchVersion(): AwsError {
  return new AwsError('NoSuchVersion', 'The specified version does not exist.', 404);
}

function versionHeader(bucket: Bucket, version: S3ObjectVersion): Record<string, string> {
  return bucket.versioning === 'Unversioned' ? {} : { 'x-amz-version-id': version.versionId };
}

export function putObject(ctx: CallContext, bucket: Bucket, key: string, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:PutObject', bucket, objectArn(bucket.name, key));
  const { headers, body } = request;
  const size = Number(headers['x-amz-decoded-content-length'] ?? body.length);
  const stored = storeVersion(bucket, {
    key,
    deleteMarker: false,
    size,
    etag: etagOf(body),
    lastModified: ctx.clock.now(),
    owner: ctx.accountId,
    storageClass: storageClass(headers),
    ...encryptionForWrite(ctx, bucket, headers),
    metadata: userMetadata(headers),
    contentHeaders: contentHeaders(headers),
    tags: taggingHeader(headers),
    ...objectLock(headers),
    ...requestedAcl(headers, objectOwnershipOf(bucket)),
    ...(body.length <= BODY_LIMIT ? { body } : {}),
  });
  return emptyAnswer(200, {
    etag: stored.etag,
    ...encryptionHeaders(stored),
    ...versionHeader(bucket, stored),
  });
}

// x-amz-copy-source: "bucket/key" or "/bucket/key", URL-encoded, with an optional ?versionId=.
export function parseCopySource(raw: string | undefined): {
  bucket: string;
  key: string;
  versionId: string | null;
} {
  if (!raw)
    throw new AwsError(
      'InvalidArgument',
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      400,
    );
  const [path = '', query = ''] = raw.split('?');
  const decoded = decodeURIComponent(path.replace(/^\//, ''));
  const slash = decoded.indexOf('/');
  if (slash <= 0 || slash === decoded.length - 1)
    throw new AwsError(
      'InvalidArgument',
      'Copy Source must mention the source bucket and key: sourcebucket/sourcekey',
      400,
    );
  return {
    bucket: decoded.slice(0, slash),
    key: decoded.slice(slash + 1),
    versionId: new URLSearchParams(query).get('versionId'),
  };
}

// The source of a copy (CopyObject, UploadPartCopy), checked as S3 checks it.
export function readCopySource(
  ctx: CallContext,
  request: RestRequest,
): { bucket: Bucket; version: S3ObjectVersion } {
  const source = parseCopySource(request.headers['x-amz-copy-source']);
  const bucket = ctx.world.buckets.get(source.bucket);
  if (!bucket) throw noSuchBucket();
  authorizeS3(
    ctx,
    source.versionId ? 's3:GetObjectVersion' : 's3:GetObject',
    bucket,
    objectArn(bucket.name, source.key),
  );
  const version = findVersion(bucket, source.key, source.versionId);
  if (!version) throw source.versionId ? noSuchVersion() : noSuchKey();
  // A delete marker as the source: "400 InvalidRequest" when named by version, NoSuchKey when current.
  if (version.deleteMarker) {
    if (source.versionId)
      throw new AwsError(
        'InvalidRequest',
        'The source of a copy request may not specifically refer to a delete marker by version id.',
        400,
      );
    throw noSuchKey();
  }
  // Archived objects must be restored first (CopyObject: "InvalidObjectState … The source object of
  // the COPY action is not in the active tier and is only stored in Amazon S3 Glacier").
  if (ARCHIVED_CLASSES.has(version.storageClass))
    throw new AwsError(
      'InvalidObjectState',
      "The operation is not valid for the object's storage class",
      403,
    );
  assertReadable(ctx, bucket, version, request.headers, {
    prefix: 'x-amz-copy-source-server-side-encryption',
    decrypt: true,
  });
  assertCopyConditions(request.headers, version);
  return { bucket, version };
}

// x-amz-copy-source-if-match ("Copies the object if its entity tag (ETag) matches the specified
// tag") and -if-none-match ("if its entity tag (ETag) is different"), CopyObject and UploadPartCopy
// in the S3 API reference; otherwise 412 PreconditionFailed (S3 error responses list: "At least one
// of the preconditions that you specified did not hold").
function assertCopyConditions(headers: RestRequest['headers'], version: S3ObjectVersion): void {
  const bare = (etag: string): string => etag.trim().replace(/^W\//, '').replace(/"/g, '');
  const matches = (list: string): boolean =>
    list.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(version.etag));
  const ifMatch = headers['x-amz-copy-source-if-match'];
  const ifNoneMatch = headers['x-amz-copy-source-if-none-match'];
  if ((ifMatch !== undefined && !matches(ifMatch)) || (ifNoneMatch !== undefined && matches(ifNoneMatch)))
    throw new AwsError(
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      412,
    );
}

export function copyObject(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  const { headers } = request;
  const source = readCopySource(ctx, request);
  authorizeS3(ctx, 's3:PutObject', bucket, objectArn(bucket.name, key));
  if (source.version.size > COPY_LIMIT)
    throw new AwsError(
      'InvalidRequest',
      `The specified copy source is larger than the maximum allowable size for a copy source: ${COPY_LIMIT}`,
      400,
    );
  const metadataDirective = headers['x-amz-metadata-directive'] ?? 'COPY';
  const taggingDirective = headers['x-amz-tagging-directive'] ?? 'COPY';
  if (!['COPY', 'REPLACE'].includes(metadataDirective) || !['COPY', 'REPLACE'].includes(taggingDirective))
    throw new AwsError('InvalidArgument', 'Unknown metadata directive.', 400);
  const changesSomething =
    metadataDirective === 'REPLACE' ||
    headers['x-amz-storage-class'] !== undefined ||
    headers['x-amz-website-redirect-location'] !== undefined ||
    headers['x-amz-server-side-encryption'] !== undefined ||
    headers['x-amz-server-side-encryption-customer-algorithm'] !== undefined;
  const sameObject =
    source.bucket === bucket && source.version.key === key && source.version === currentVersion(bucket, key);
  if (sameObject && !changesSomething)
    throw new AwsError(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      400,
    );
  const from = source.version;
  const written = encryptionForWrite(ctx, bucket, headers);
  // A copy keeps the ETag of a plain or SSE-S3 single-part object; under SSE-KMS the ETag is not
  // the MD5 of the data (S3 API reference, Object: "Objects encrypted by SSE-C or SSE-KMS have
  // ETags that are not an MD5 digest of their object data").
  const etag =
    written.encryption?.algorithm === 'AES256' && !/-\d+"$/.test(from.etag)
      ? from.etag
      : etagOf(`${from.etag}${ctx.requestId}`);
  const stored = storeVersion(bucket, {
    key,
    deleteMarker: false,
    size: from.size,
    etag,
    lastModified: ctx.clock.now(),
    owner: ctx.accountId,
    // "If you don't specify, S3 Standard is the default storage class" for the copy.
    storageClass: storageClass(headers),
    ...written,
    metadata: metadataDirective === 'COPY' ? from.metadata : userMetadata(headers),
    contentHeaders: metadataDirective === 'COPY' ? from.contentHeaders : contentHeaders(headers),
    tags: taggingDirective === 'COPY' ? from.tags : taggingHeader(headers),
    ...objectLock(headers),
    // The ACL is not copied: the copy is private unless the request sets one.
    ...requestedAcl(headers, objectOwnershipOf(bucket)),
    ...(from.body ? { body: from.body } : {}),
  });
  return xmlAnswer(
    'CopyObjectResult',
    { ETag: stored.etag, LastModified: isoTime(stored.lastModified) },
    {
      ...encryptionHeaders(stored),
      ...versionHeader(bucket, stored),
      ...(source.bucket.versioning === 'Unversioned'
        ? {}
        : { 'x-amz-copy-source-version-id': from.versionId }),
    },
  );
}

// DeleteObject: a delete marker in a versioning-enabled bucket, else the object (or the named
// version) removed; a version under Object Lock retention or legal hold cannot be removed.
export function deleteObject(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  const versionId = request.query.get('versionId');
  authorizeS3(
    ctx,
    versionId ? 's3:DeleteObjectVersion' : 's3:DeleteObject',
    bucket,
    objectArn(bucket.name, key),
  );
  const objects = objectsOf(bucket);
  const versions = objects.get(key) ?? [];
  if (!versionId && bucket.versioning !== 'Unversioned') {
    const marker = storeVersion(bucket, {
      key,
      deleteMarker: true,
      size: 0,
      etag: '',
      lastModified: ctx.clock.now(),
      owner: ctx.accountId,
      storageClass: 'STANDARD',
      metadata: {},
      contentHeaders: {},
      tags: [],
    });
    return emptyAnswer(204, { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId });
  }
  const target = versionId ? versions.find((v) => v.versionId === versionId) : versions[versions.length - 1];
  if (target && (target.legalHold || (target.retention && target.retention.retainUntil > ctx.clock.now())))
    throw new AwsError('AccessDenied', 'Access Denied because object protected by object lock.', 403);
  const rest = versions.filter((v) => v !== target);
  if (rest.length > 0) objects.set(key, rest);
  else if (objects.delete(key)) forgetKeyOrder(bucket);
  return emptyAnswer(204, {
    ...(versionId ? { 'x-amz-version-id': versionId } : {}),
    ...(target?.deleteMarker ? { 'x-amz-delete-marker': 'true' } : {}),
  });
}

export function putObjectTagging(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  authorizeS3(ctx, 's3:PutObjectTagging', bucket, objectArn(bucket.name, key));
  const version = findVersion(bucket, key, request.query.get('versionId'));
  if (!version || version.deleteMarker) throw noSuchKey();
  const tagging = asRecord(parseXmlBody(request.body).Tagging);
  if (!tagging) throw malformedXml();
  const tags = asList(asRecord(tagging.TagSet)?.Tag).map((raw) => {
    const tag = asRecord(raw);
    const Key = asText(tag?.Key);
    if (!Key) throw malformedXml();
    return { Key, Value: asText(tag?.Value) ?? '' };
  });
  const versions = objectsOf(bucket).get(key) ?? [];
  objectsOf(bucket).set(
    key,
    versions.map((v) => (v === version ? { ...v, tags } : v)),
  );
  return emptyAnswer(200, versionHeader(bucket, version));
}

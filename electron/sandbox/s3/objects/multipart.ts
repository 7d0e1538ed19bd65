// Multipart uploads (S3 API reference: CreateMultipartUpload, UploadPart, UploadPartCopy,
// CompleteMultipartUpload, AbortMultipartUpload): how objects over CopyObject's 5 GB limit are
// copied, and how the AWS CLI copies anything over its multipart threshold (8 MiB). The object's
// attributes (encryption, metadata, tags, storage class) are fixed at creation; parts are 5 MiB to
// 5 GiB except the last, numbered 1 to 10,000; the ETag of the whole is the MD5 of the parts'
// MD5s followed by "-" and the part count.
import { createHash, randomBytes } from 'node:crypto';
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../../context';
import type { Bucket } from '../../world';
import { objectOwnershipOf } from '../ownership-controls';
import { authorizeS3 } from '../access';
import { emptyAnswer, isoTime, xmlAnswer } from '../wire';
import { asList, asRecord, asText, malformedXml, parseXmlBody } from '../xml-body';
import { encryptionForWrite, encryptionHeaders } from './object-encryption';
import {
  contentHeaders,
  objectLock,
  requestedAcl,
  storageClass,
  taggingHeader,
  userMetadata,
} from './object-headers';
import { etagOf, storeVersion } from './object-model';
import type { MultipartUpload } from './object-types';
import { objectArn, readCopySource } from './object-write';

const MIN_PART = 5 * 1024 ** 2;
const MAX_PART = 5 * 1024 ** 3;

function noSuchUpload(): AwsError {
  return new AwsError(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    404,
  );
}

function uploadOf(bucket: Bucket, key: string, request: RestRequest): MultipartUpload {
  const upload = bucket.uploads?.get(request.query.get('uploadId') ?? '');
  if (!upload || upload.key !== key) throw noSuchUpload();
  return upload;
}

export function createMultipartUpload(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  authorizeS3(ctx, 's3:PutObject', bucket, objectArn(bucket.name, key));
  const { headers } = request;
  const upload: MultipartUpload = {
    uploadId: randomBytes(48).toString('base64url'),
    key,
    initiated: ctx.clock.now(),
    template: {
      key,
      deleteMarker: false,
      owner: ctx.accountId,
      storageClass: storageClass(headers),
      ...encryptionForWrite(ctx, bucket, headers),
      metadata: userMetadata(headers),
      contentHeaders: contentHeaders(headers),
      tags: taggingHeader(headers),
      ...objectLock(headers),
      ...requestedAcl(headers, objectOwnershipOf(bucket)),
    },
    parts: new Map(),
  };
  bucket.uploads ??= new Map();
  bucket.uploads.set(upload.uploadId, upload);
  return xmlAnswer(
    'InitiateMultipartUploadResult',
    { Bucket: bucket.name, Key: key, UploadId: upload.uploadId },
    encryptionHeaders(upload.template),
  );
}

function partNumber(request: RestRequest): number {
  const n = Number(request.query.get('partNumber'));
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new AwsError(
      'InvalidArgument',
      'Part number must be an integer between 1 and 10000, inclusive',
      400,
    );
  return n;
}

export function uploadPart(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  authorizeS3(ctx, 's3:PutObject', bucket, objectArn(bucket.name, key));
  const upload = uploadOf(bucket, key, request);
  const n = partNumber(request);
  const size = Number(request.headers['x-amz-decoded-content-length'] ?? request.body.length);
  const etag = etagOf(request.body);
  upload.parts.set(n, { size, etag });
  return emptyAnswer(200, { etag, ...encryptionHeaders(upload.template) });
}

// x-amz-copy-source-range: bytes=first-last (inclusive), within the source.
function copyRange(raw: string | undefined, size: number): number {
  if (!raw) return size;
  const match = /^bytes=(\d+)-(\d+)$/.exec(raw);
  if (!match)
    throw new AwsError(
      'InvalidArgument',
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      400,
    );
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (last < first || last >= size)
    throw new AwsError(
      'InvalidRequest',
      'The specified copy range is invalid for the source object size',
      400,
    );
  return last - first + 1;
}

export function uploadPartCopy(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  const source = readCopySource(ctx, request);
  authorizeS3(ctx, 's3:PutObject', bucket, objectArn(bucket.name, key));
  const upload = uploadOf(bucket, key, request);
  const n = partNumber(request);
  const size = copyRange(request.headers['x-amz-copy-source-range'], source.version.size);
  if (size > MAX_PART)
    throw new AwsError(
      'InvalidRequest',
      'The specified copy source is larger than the maximum allowable size for a copy source: 5368709120',
      400,
    );
  const etag = etagOf(`${source.version.etag}:${n}:${size}`);
  upload.parts.set(n, { size, etag });
  return xmlAnswer(
    'CopyPartResult',
    { ETag: etag, LastModified: isoTime(ctx.clock.now()) },
    {
      ...encryptionHeaders(upload.template),
      ...(source.bucket.versioning === 'Unversioned'
        ? {}
        : { 'x-amz-copy-source-version-id': source.version.versionId }),
    },
  );
}

export function completeMultipartUpload(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  authorizeS3(ctx, 's3:PutObject', bucket, objectArn(bucket.name, key));
  const upload = uploadOf(bucket, key, request);
  const doc = asRecord(parseXmlBody(request.body).CompleteMultipartUpload);
  if (!doc) throw malformedXml();
  const listed = asList(doc.Part).map((raw) => {
    const part = asRecord(raw);
    return { n: Number(asText(part?.PartNumber)), etag: asText(part?.ETag) ?? '' };
  });
  if (listed.length === 0) throw malformedXml();
  let previous = 0;
  let size = 0;
  const md5s: Buffer[] = [];
  for (const [i, { n, etag }] of listed.entries()) {
    if (n <= previous)
      throw new AwsError(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        400,
      );
    previous = n;
    const part = upload.parts.get(n);
    if (!part || part.etag.replace(/"/g, '') !== etag.replace(/"/g, ''))
      throw new AwsError(
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        400,
      );
    if (i < listed.length - 1 && part.size < MIN_PART)
      throw new AwsError(
        'EntityTooSmall',
        'Your proposed upload is smaller than the minimum allowed size',
        400,
      );
    size += part.size;
    md5s.push(Buffer.from(part.etag.replace(/"/g, ''), 'hex'));
  }
  const etag = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${listed.length}"`;
  const stored = storeVersion(bucket, { ...upload.template, size, etag, lastModified: ctx.clock.now() });
  bucket.uploads?.delete(upload.uploadId);
  return xmlAnswer(
    'CompleteMultipartUploadResult',
    {
      Location: `https://${bucket.name}.s3.${bucket.region}.amazonaws.com/${encodeURIComponent(key)}`,
      Bucket: bucket.name,
      Key: key,
      ETag: etag,
    },
    {
      ...encryptionHeaders(stored),
      ...(bucket.versioning === 'Unversioned' ? {} : { 'x-amz-version-id': stored.versionId }),
    },
  );
}

export function abortMultipartUpload(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  authorizeS3(ctx, 's3:AbortMultipartUpload', bucket, objectArn(bucket.name, key));
  const upload = uploadOf(bucket, key, request);
  bucket.uploads?.delete(upload.uploadId);
  return emptyAnswer(204);
}

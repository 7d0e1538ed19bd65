// HeadObject, GetObject, GetObjectTagging and GetObjectAcl (S3 API reference). A current delete
// marker makes the key NotFound (with x-amz-delete-marker: true); HEAD answers carry no body.
import { createHash } from 'node:crypto';
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../../context';
import type { Bucket } from '../../world';
import { authorizeS3 } from '../access';
import { xmlAnswer } from '../wire';
import { assertReadable } from './object-encryption';
import { objectHeaders } from './object-headers';
import { findVersion, type S3ObjectVersion } from './object-model';
import { noSuchKey, noSuchVersion, objectArn } from './object-write';

// Bodies the sandbox generates for objects it keeps no bytes of, at most this large.
const GENERATED_BODY_LIMIT = 16 * 1024 * 1024;

function readVersion(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
  action: string,
): S3ObjectVersion {
  const versionId = request.query.get('versionId');
  authorizeS3(ctx, versionId ? `${action}Version` : action, bucket, objectArn(bucket.name, key));
  const version = findVersion(bucket, key, versionId);
  if (!version) throw versionId ? noSuchVersion() : noSuchKey();
  if (version.deleteMarker) {
    // A delete marker named by version: 405 MethodNotAllowed; as the current version: 404.
    const headers = {
      'x-amz-delete-marker': 'true',
      ...(versionId ? { 'x-amz-version-id': version.versionId } : {}),
    };
    if (versionId)
      throw new AwsError(
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
        405,
        'Sender',
        headers,
      );
    throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, 'Sender', headers);
  }
  return version;
}

export function headObject(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  const version = readVersion(ctx, bucket, key, request, 's3:GetObject');
  assertReadable(ctx, bucket, version, request.headers, { decrypt: false });
  return { status: 200, headers: objectHeaders(version, bucket.versioning !== 'Unversioned') };
}

export function getObject(ctx: CallContext, bucket: Bucket, key: string, request: RestRequest): RestResponse {
  const version = readVersion(ctx, bucket, key, request, 's3:GetObject');
  assertReadable(ctx, bucket, version, request.headers, { decrypt: true });
  if (!version.body && version.size > GENERATED_BODY_LIMIT)
    throw new AwsError(
      'NotImplemented',
      'The sandbox keeps no data for objects over 16 MiB; read its metadata with HeadObject.',
      501,
    );
  const body = version.body ?? Buffer.alloc(version.size);
  return {
    status: 200,
    headers: {
      ...objectHeaders(version, bucket.versioning !== 'Unversioned'),
      ...(version.tags.length > 0 ? { 'x-amz-tagging-count': String(version.tags.length) } : {}),
    },
    body,
  };
}

export function getObjectTagging(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  const version = readVersion(ctx, bucket, key, request, 's3:GetObjectTagging');
  return xmlAnswer(
    'Tagging',
    { TagSet: { Tag: version.tags.map((t) => ({ Key: t.Key, Value: t.Value })) } },
    bucket.versioning === 'Unversioned' ? {} : { 'x-amz-version-id': version.versionId },
  );
}

// The canonical user id S3 shows for an account (64 hex characters; derived, stable).
export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`canonical:${accountId}`).digest('hex');
}

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

export function getObjectAcl(
  ctx: CallContext,
  bucket: Bucket,
  key: string,
  request: RestRequest,
): RestResponse {
  const version = readVersion(ctx, bucket, key, request, 's3:GetObjectAcl');
  const owner = { ID: canonicalUserId(version.owner) };
  const ownerGrant = {
    Grantee: {
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:type': 'CanonicalUser',
      ...owner,
    },
    Permission: 'FULL_CONTROL',
  };
  const publicGrants = ['public-read', 'public-read-write'].includes(version.cannedAcl ?? '')
    ? [
        {
          Grantee: {
            '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
            '@_xsi:type': 'Group',
            URI: ALL_USERS,
          },
          Permission: 'READ',
        },
      ]
    : [];
  return xmlAnswer('AccessControlPolicy', {
    Owner: owner,
    AccessControlList: { Grant: [ownerGrant, ...publicGrants] },
  });
}

// What a write request's headers set on an object, and the headers S3 answers with for one
// (S3 API reference, PutObject / HeadObject request and response headers).
import { AwsError, type RestRequest } from '../../context';
import { isoTime } from '../wire';
import { encryptionHeaders } from './object-encryption';
import type { ObjectOwnership } from '../../world';
import { CONTENT_HEADERS, type S3ObjectVersion } from './object-model';

type Headers = RestRequest['headers'];
type Tag = { Key: string; Value: string };

const STORAGE_CLASSES = new Set([
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'GLACIER_IR',
]);

export function userMetadata(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (name.startsWith('x-amz-meta-') && value !== undefined) out[name.slice('x-amz-meta-'.length)] = value;
  return out;
}

export function contentHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CONTENT_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function storageClass(headers: Headers): string {
  const asked = headers['x-amz-storage-class'] ?? 'STANDARD';
  if (!STORAGE_CLASSES.has(asked))
    throw new AwsError('InvalidStorageClass', 'The storage class you specified is not valid', 400);
  return asked;
}

// x-amz-tagging: a URL query string (Key1=Value1&Key2=Value2).
export function taggingHeader(headers: Headers): Tag[] {
  const raw = headers['x-amz-tagging'];
  if (!raw) return [];
  const tags = [...new URLSearchParams(raw)].map(([Key, Value]) => ({ Key, Value }));
  if (tags.length > 10) throw new AwsError('BadRequest', 'Object tags cannot be greater than 10', 400);
  return tags;
}

export function objectLock(headers: Headers): Pick<S3ObjectVersion, 'retention' | 'legalHold'> {
  const mode = headers['x-amz-object-lock-mode'];
  const until = headers['x-amz-object-lock-retain-until-date'];
  const hold = headers['x-amz-object-lock-legal-hold'];
  return {
    ...(mode === 'GOVERNANCE' || mode === 'COMPLIANCE'
      ? { retention: { mode, retainUntil: Date.parse(until ?? '') || 0 } }
      : {}),
    ...(hold === 'ON' ? { legalHold: true } : {}),
  };
}

// HeadObject's and GetObject's headers for a version.
export function objectHeaders(version: S3ObjectVersion, versioned: boolean): Record<string, string> {
  const meta = Object.fromEntries(Object.entries(version.metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
  return {
    'last-modified': new Date(version.lastModified).toUTCString(),
    'content-length': String(version.size),
    etag: version.etag,
    'accept-ranges': 'bytes',
    'content-type': 'binary/octet-stream',
    ...version.contentHeaders,
    ...meta,
    ...encryptionHeaders(version),
    // S3 leaves x-amz-storage-class out for STANDARD objects (HeadObject: "Amazon S3 returns this
    // header for all objects except for S3 Standard storage class objects").
    ...(version.storageClass === 'STANDARD' ? {} : { 'x-amz-storage-class': version.storageClass }),
    ...(versioned || version.versionId !== 'null' ? { 'x-amz-version-id': version.versionId } : {}),
    ...(version.retention
      ? {
          'x-amz-object-lock-mode': version.retention.mode,
          'x-amz-object-lock-retain-until-date': isoTime(version.retention.retainUntil),
        }
      : {}),
    ...(version.legalHold ? { 'x-amz-object-lock-legal-hold': 'ON' } : {}),
  };
}

// The ACL a write asks for: a canned ACL (x-amz-acl), or explicit grants (x-amz-grant-read,
// x-amz-grant-write, … as `uri="…"`, `id="…"` lists; S3 API reference, PutObject/CopyObject). The
// sandbox keeps what GetObjectAcl can show: private (the owner's FULL_CONTROL) or everyone's READ
// (public-read), with WRITE too (public-read-write). Where Object Ownership is Bucket owner
// enforced, ACLs are disabled: a PUT may name no ACL or bucket-owner-full-control, any other fails
// with 400 AccessControlListNotSupported (S3 user guide, "Troubleshooting" under Object Ownership:
// "Requests to set ACLs or update ACLs fail with a 400 error").
const ALL_USERS_GRANTEE = 'uri="http://acs.amazonaws.com/groups/global/AllUsers"';
const OWNER_ONLY_ACLS = new Set(['private', 'bucket-owner-full-control']);

export function requestedAcl(
  headers: Headers,
  ownership: ObjectOwnership | undefined,
): Pick<S3ObjectVersion, 'cannedAcl'> {
  const canned = headers['x-amz-acl'];
  const grantsAny = Object.keys(headers).some((name) => name.startsWith('x-amz-grant-'));
  if (
    ownership === 'BucketOwnerEnforced' &&
    (grantsAny || (canned && canned !== 'bucket-owner-full-control'))
  )
    throw new AwsError('AccessControlListNotSupported', 'The bucket does not allow ACLs', 400);
  if (canned) return OWNER_ONLY_ACLS.has(canned) ? {} : { cannedAcl: canned };
  const grants = (name: string): boolean => (headers[name] ?? '').includes(ALL_USERS_GRANTEE);
  if (grants('x-amz-grant-read') && grants('x-amz-grant-write')) return { cannedAcl: 'public-read-write' };
  if (grants('x-amz-grant-read')) return { cannedAcl: 'public-read' };
  return {};
}

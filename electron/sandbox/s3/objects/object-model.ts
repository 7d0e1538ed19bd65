// S3 objects as the sandbox keeps them: per bucket, per key, the versions oldest first (the last is
// current). Objects are not real bytes: each keeps its size, an ETag and, when small, its body.
// Versioning as the S3 user guide ("How S3 Versioning works") describes it: in an unversioned
// bucket every object has version id "null" and a write replaces it; in a versioning-enabled
// bucket each write adds a version with a new id and a DELETE without a version id adds a delete
// marker; in a suspended bucket writes replace the "null" version.
import { createHash, randomBytes } from 'node:crypto';
import type { Bucket } from '../../world';
import type { S3ObjectVersion } from './object-types';

export type { ObjectEncryption, S3ObjectVersion } from './object-types';

export const BODY_LIMIT = 64 * 1024;
// CopyObject copies up to 5 GB in one request; larger objects take UploadPartCopy (S3 API
// reference, CopyObject: "You can store individual objects of up to 5 TB in Amazon S3. You create a
// copy of your object up to 5 GB in size in a single atomic action using this API.").
export const COPY_LIMIT = 5 * 1024 ** 3;

export const CONTENT_HEADERS = [
  'content-type',
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'expires',
] as const;

export function objectsOf(bucket: Bucket): Map<string, S3ObjectVersion[]> {
  bucket.objects ??= new Map();
  return bucket.objects;
}

// Keys in S3's list order (UTF-8 binary), kept until a key is added or removed. JavaScript's
// default order compares UTF-16 units, which agrees with UTF-8 byte order except between
// characters above U+FFFF and those from U+E000 to U+FFFF, which no sandbox key uses.
const keyOrder = new WeakMap<Map<string, S3ObjectVersion[]>, string[]>();

export function sortedKeys(bucket: Bucket): readonly string[] {
  const objects = objectsOf(bucket);
  let keys = keyOrder.get(objects);
  if (!keys) {
    keys = [...objects.keys()].sort();
    keyOrder.set(objects, keys);
  }
  return keys;
}

export function forgetKeyOrder(bucket: Bucket): void {
  if (bucket.objects) keyOrder.delete(bucket.objects);
}

export function versionsOf(bucket: Bucket, key: string): S3ObjectVersion[] {
  return bucket.objects?.get(key) ?? [];
}

export function currentVersion(bucket: Bucket, key: string): S3ObjectVersion | undefined {
  const versions = versionsOf(bucket, key);
  return versions[versions.length - 1];
}

export function mintVersionId(): string {
  // S3 version ids are opaque URL-safe strings of 32 characters.
  return randomBytes(24).toString('base64url');
}

export function etagOf(body: Buffer | string): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

// Writes a new current version as the bucket's versioning state says.
export function storeVersion(bucket: Bucket, version: Omit<S3ObjectVersion, 'versionId'>): S3ObjectVersion {
  const objects = objectsOf(bucket);
  const versions = objects.get(version.key) ?? [];
  const versioned = bucket.versioning === 'Enabled';
  const stored: S3ObjectVersion = { ...version, versionId: versioned ? mintVersionId() : 'null' };
  const kept = versioned ? versions : versions.filter((v) => v.versionId !== 'null');
  if (!objects.has(version.key)) forgetKeyOrder(bucket);
  objects.set(version.key, [...kept, stored]);
  return stored;
}

export function findVersion(
  bucket: Bucket,
  key: string,
  versionId: string | null,
): S3ObjectVersion | undefined {
  if (versionId === null) return currentVersion(bucket, key);
  return versionsOf(bucket, key).find((v) => v.versionId === versionId);
}

export const ARCHIVED_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

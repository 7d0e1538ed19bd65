// ListObjectsV2 and ListObjectVersions (S3 API reference): keys in UTF-8 binary order, at most
// max-keys (default and limit 1,000) per page, a delimiter rolling keys up into CommonPrefixes
// (each counts toward max-keys), encoding-type=url encoding keys and prefixes in the answer (the
// AWS CLI always asks for it), an opaque continuation token.
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../../context';
import type { Bucket } from '../../world';
import { authorizeS3 } from '../access';
import { isoTime, xmlAnswer } from '../wire';
import { canonicalUserId } from './object-read';
import { objectsOf, sortedKeys, type S3ObjectVersion } from './object-model';

const PAGE_LIMIT = 1000;

function maxKeys(query: URLSearchParams): number {
  const raw = query.get('max-keys');
  if (raw === null) return PAGE_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new AwsError('InvalidArgument', 'Provided max-keys not an integer or within integer range', 400);
  return Math.min(n, PAGE_LIMIT);
}

// S3's url encoding of keys in list answers (encoding-type=url).
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/');

interface Entry {
  readonly key: string;
  readonly prefix?: string; // a CommonPrefix in place of keys
}

// Walks keys after `after` under `prefix`, rolling up by `delimiter`, until `limit` entries.
function walk(
  keys: readonly string[],
  options: { prefix: string; delimiter: string; after: string; limit: number },
): { entries: Entry[]; truncated: boolean } {
  const entries: Entry[] = [];
  let start = lowerBound(keys, options.after > options.prefix ? options.after : options.prefix);
  if (keys[start] === options.after) start += 1;
  for (let i = start; i < keys.length; i += 1) {
    const key = keys[i]!;
    if (!key.startsWith(options.prefix)) break;
    if (entries.length >= options.limit) return { entries, truncated: true };
    const cut = options.delimiter ? key.indexOf(options.delimiter, options.prefix.length) : -1;
    if (cut >= 0) {
      const common = key.slice(0, cut + options.delimiter.length);
      if (common <= options.after) continue;
      entries.push({ key: common, prefix: common });
      // Skip every key under this common prefix.
      while (i + 1 < keys.length && keys[i + 1]!.startsWith(common)) i += 1;
    } else entries.push({ key });
  }
  return { entries, truncated: false };
}

function lowerBound(keys: readonly string[], value: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listObjectsV2(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:ListBucket', bucket);
  const q = request.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const url = q.get('encoding-type') === 'url';
  if (q.get('encoding-type') && !url)
    throw new AwsError('InvalidArgument', 'Invalid Encoding Method specified in Request', 400);
  const token = q.get('continuation-token');
  let after = q.get('start-after') ?? '';
  if (token !== null) {
    const decoded = Buffer.from(token, 'base64url').toString('utf8');
    if (!decoded.startsWith('k:'))
      throw new AwsError('InvalidArgument', 'The continuation token provided is incorrect', 400);
    after = decoded.slice(2);
  }
  const limit = maxKeys(q);
  const objects = objectsOf(bucket);
  // Keys whose current version is a delete marker are not listed.
  const live = sortedKeys(bucket).filter((k) => !objects.get(k)?.at(-1)?.deleteMarker);
  const { entries, truncated } = walk(live, { prefix, delimiter, after, limit });
  const enc = (s: string) => (url ? encodeKey(s) : s);
  const fetchOwner = q.get('fetch-owner') === 'true';
  const contents = entries
    .filter((e) => !e.prefix)
    .map((e) => {
      const v = objects.get(e.key)!.at(-1)!;
      return {
        Key: enc(v.key),
        LastModified: isoTime(v.lastModified),
        ETag: v.etag,
        Size: v.size,
        StorageClass: v.storageClass,
        ...(fetchOwner ? { Owner: { ID: canonicalUserId(v.owner) } } : {}),
      };
    });
  const prefixes = entries.filter((e) => e.prefix).map((e) => ({ Prefix: enc(e.prefix!) }));
  const last = entries[entries.length - 1];
  return xmlAnswer('ListBucketResult', {
    Name: bucket.name,
    Prefix: enc(prefix),
    ...(token !== null ? { ContinuationToken: token } : {}),
    ...(q.get('start-after') !== null ? { StartAfter: enc(q.get('start-after')!) } : {}),
    ...(delimiter ? { Delimiter: enc(delimiter) } : {}),
    KeyCount: entries.length,
    MaxKeys: limit,
    ...(url ? { EncodingType: 'url' } : {}),
    IsTruncated: truncated,
    ...(truncated && last
      ? { NextContinuationToken: Buffer.from(`k:${last.key}`).toString('base64url') }
      : {}),
    ...(contents.length > 0 ? { Contents: contents } : {}),
    ...(prefixes.length > 0 ? { CommonPrefixes: prefixes } : {}),
  });
}

export function listObjectVersions(ctx: CallContext, bucket: Bucket, request: RestRequest): RestResponse {
  authorizeS3(ctx, 's3:ListBucketVersions', bucket);
  const q = request.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const url = q.get('encoding-type') === 'url';
  const keyMarker = q.get('key-marker') ?? '';
  const versionMarker = q.get('version-id-marker') ?? '';
  const limit = maxKeys(q);
  const enc = (s: string) => (url ? encodeKey(s) : s);
  const objects = objectsOf(bucket);
  const versions: { v: S3ObjectVersion; latest: boolean }[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let next: { key: string; versionId: string } | undefined;
  // A version-id-marker resumes inside keyMarker's versions; without one, after keyMarker.
  const { entries } = walk(sortedKeys(bucket), {
    prefix,
    delimiter,
    after: versionMarker ? '' : keyMarker,
    limit: Number.MAX_SAFE_INTEGER,
  });
  outer: for (const entry of entries) {
    if (versionMarker && entry.key < keyMarker) continue;
    if (entry.prefix) {
      if (versions.length + prefixes.length >= limit) {
        truncated = true;
        break;
      }
      prefixes.push(entry.prefix);
      continue;
    }
    const all = [...(objects.get(entry.key) ?? [])].reverse(); // newest first
    let skipping = versionMarker !== '' && entry.key === keyMarker;
    for (const [i, v] of all.entries()) {
      if (skipping) {
        if (v.versionId === versionMarker) skipping = false;
        continue;
      }
      if (versions.length + prefixes.length >= limit) {
        truncated = true;
        break outer;
      }
      versions.push({ v, latest: i === 0 });
      next = { key: v.key, versionId: v.versionId };
    }
  }
  const row = ({ v, latest }: { v: S3ObjectVersion; latest: boolean }) => ({
    Key: enc(v.key),
    VersionId: v.versionId,
    IsLatest: latest,
    LastModified: isoTime(v.lastModified),
    ...(v.deleteMarker ? {} : { ETag: v.etag, Size: v.size, StorageClass: v.storageClass }),
    Owner: { ID: canonicalUserId(v.owner) },
  });
  const live = versions.filter((x) => !x.v.deleteMarker).map(row);
  const markers = versions.filter((x) => x.v.deleteMarker).map(row);
  return xmlAnswer('ListVersionsResult', {
    Name: bucket.name,
    Prefix: enc(prefix),
    KeyMarker: enc(keyMarker),
    VersionIdMarker: versionMarker,
    ...(truncated && next ? { NextKeyMarker: enc(next.key), NextVersionIdMarker: next.versionId } : {}),
    MaxKeys: limit,
    ...(delimiter ? { Delimiter: enc(delimiter) } : {}),
    ...(url ? { EncodingType: 'url' } : {}),
    IsTruncated: truncated,
    ...(live.length > 0 ? { Version: live } : {}),
    ...(markers.length > 0 ? { DeleteMarker: markers } : {}),
    ...(prefixes.length > 0 ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })) } : {}),
  });
}

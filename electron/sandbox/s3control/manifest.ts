// The tasks of a Batch Operations job: read from a CSV manifest object (S3 user guide, "Specifying
// a manifest": "Bucket,Key" or "Bucket,Key,VersionId" per line, keys URL-encoded; the ETag given
// must be the manifest object's), or listed by S3JobManifestGenerator from the source bucket's
// current versions that pass the Filter ("Generating an object list automatically"). Both are read
// as the job's role: it needs s3:GetObject on the manifest, s3:ListBucket on the source bucket.
import { csvFields } from '../../../shared/csv';
import { isAllowed } from '../s3/access';
import { findVersion, sortedKeys, currentVersion } from '../s3/objects/object-model';
import { asList, asRecord, asText } from '../s3/xml-body';
import type { CallContext } from '../context';
import type { S3ObjectVersion } from '../s3/objects/object-types';
import type { BatchJob, ManifestTask } from './job-model';

type Xml = Record<string, unknown>;

export class ManifestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OBJECT_ARN = /^arn:aws[\w-]*:s3:::([^/]+)\/(.+)$/;

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function readCsvManifest(role: CallContext, manifest: Xml): ManifestTask[] {
  const location = asRecord(manifest.Location) ?? {};
  const arn = asText(location.ObjectArn) ?? '';
  const match = OBJECT_ARN.exec(arn);
  const bucket = match?.[1] ? role.world.buckets.get(match[1]) : undefined;
  const versionId = asText(location.ObjectVersionId) ?? null;
  const version = bucket && match?.[2] ? findVersion(bucket, match[2], versionId) : undefined;
  if (!bucket || !version || version.deleteMarker)
    throw new ManifestError('ManifestNotFound', `Reading the manifest failed: ${arn} does not exist.`);
  if (!isAllowed(role, versionId ? 's3:GetObjectVersion' : 's3:GetObject', bucket, arn))
    throw new ManifestError('AccessDenied', `Reading the manifest is forbidden: Access Denied (${arn}).`);
  const etag = (asText(location.ETag) ?? '').replace(/"/g, '');
  if (etag !== version.etag.replace(/"/g, ''))
    throw new ManifestError('ETagMismatch', `The manifest's ETag is ${version.etag}, not "${etag}".`);
  if (!version.body)
    throw new ManifestError('ManifestTooLarge', 'The sandbox keeps no body for this manifest object.');
  const withVersion = asList(asRecord(asRecord(manifest.Spec)?.Fields)?.member).length === 3;
  const tasks: ManifestTask[] = [];
  for (const [n, line] of version.body.toString('utf8').split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const [b = '', k = '', v = ''] = csvFields(line);
    if (!b || !k)
      throw new ManifestError('InvalidManifestContent', `Manifest line ${n + 1} needs a bucket and a key.`);
    tasks.push({ bucket: b, key: decodeKey(k), ...(withVersion && v ? { versionId: v } : {}) });
  }
  return tasks;
}

function members(node: unknown): string[] {
  return asList(asRecord(node)?.member).flatMap((m) => (asText(m) !== undefined ? [asText(m)!] : []));
}

// Filter.MatchAnyObjectEncryption: <ObjectEncryption><SSE-S3/></ObjectEncryption>, SSE-KMS (with
// KmsKeyArn, BucketKeyEnabled), DSSE-KMS, SSE-C, NOT-SSE.
function encryptionMatches(v: S3ObjectVersion, filters: unknown[]): boolean {
  return filters.some((raw) => {
    const f = asRecord(raw) ?? {};
    const e = v.encryption;
    if ('SSE-S3' in f) return e?.algorithm === 'AES256';
    if ('SSE-C' in f) return v.customerKeyMd5 !== undefined;
    if ('NOT-SSE' in f) return !e && !v.customerKeyMd5;
    const kms = 'SSE-KMS' in f ? 'aws:kms' : 'DSSE-KMS' in f ? 'aws:kms:dsse' : undefined;
    if (!kms || e?.algorithm !== kms) return false;
    const detail = asRecord(f['SSE-KMS'] ?? f['DSSE-KMS']) ?? {};
    const arn = asText(detail.KmsKeyArn);
    const bucketKey = asText(detail.BucketKeyEnabled);
    return (!arn || arn === e.kmsKeyArn) && (!bucketKey || (bucketKey === 'true') === e.bucketKeyEnabled);
  });
}

function passes(v: S3ObjectVersion, filter: Xml): boolean {
  const after = Date.parse(asText(filter.CreatedAfter) ?? '');
  const before = Date.parse(asText(filter.CreatedBefore) ?? '');
  if (!Number.isNaN(after) && v.lastModified <= after) return false;
  if (!Number.isNaN(before) && v.lastModified >= before) return false;
  const names = asRecord(filter.KeyNameConstraint);
  if (names) {
    const prefixes = members(names.MatchAnyPrefix);
    const suffixes = members(names.MatchAnySuffix);
    const substrings = members(names.MatchAnySubstring);
    if (prefixes.length > 0 && !prefixes.some((p) => v.key.startsWith(p))) return false;
    if (suffixes.length > 0 && !suffixes.some((s) => v.key.endsWith(s))) return false;
    if (substrings.length > 0 && !substrings.some((s) => v.key.includes(s))) return false;
  }
  const larger = Number(asText(filter.ObjectSizeGreaterThanBytes));
  const smaller = Number(asText(filter.ObjectSizeLessThanBytes));
  if (Number.isFinite(larger) && asText(filter.ObjectSizeGreaterThanBytes) && v.size <= larger) return false;
  if (Number.isFinite(smaller) && asText(filter.ObjectSizeLessThanBytes) && v.size >= smaller) return false;
  const classes = members(filter.MatchAnyStorageClass);
  if (classes.length > 0 && !classes.includes(v.storageClass)) return false;
  const encryption = asList(asRecord(filter.MatchAnyObjectEncryption)?.ObjectEncryption);
  if (encryption.length > 0 && !encryptionMatches(v, encryption)) return false;
  return true;
}

function generateManifest(role: CallContext, generator: Xml): ManifestTask[] {
  const s3 = asRecord(generator.S3JobManifestGenerator) ?? {};
  const name = /:::(.+)$/.exec(asText(s3.SourceBucket) ?? '')?.[1] ?? '';
  const bucket = role.world.buckets.get(name);
  if (!bucket) throw new ManifestError('NoSuchBucket', `The source bucket ${name} does not exist.`);
  if (!isAllowed(role, 's3:ListBucket', bucket))
    throw new ManifestError('AccessDenied', `Listing ${name} is forbidden: Access Denied.`);
  const filter = asRecord(s3.Filter) ?? {};
  const tasks: ManifestTask[] = [];
  for (const key of sortedKeys(bucket)) {
    const v = currentVersion(bucket, key);
    if (!v || v.deleteMarker || !passes(v, filter)) continue;
    tasks.push({
      bucket: name,
      key,
      ...(bucket.versioning === 'Unversioned' ? {} : { versionId: v.versionId }),
    });
  }
  return tasks;
}

export function loadTasks(role: CallContext, job: BatchJob): ManifestTask[] {
  if (job.manifestXml) return readCsvManifest(role, job.manifestXml);
  return generateManifest(role, job.generatorXml ?? {});
}

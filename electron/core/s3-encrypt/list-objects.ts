// Lists a bucket (or a prefix) and reads each object's encryption: ListObjectsV2 through the SDK's
// paginator, or ListObjectVersions when every version is included (the SDK generates no paginator
// for it: it pages on two markers, KeyMarker and VersionIdMarker, S3 API reference), then
// HeadObject per object with bounded concurrency. Up to the batch threshold every object is read
// (exact); above it an evenly spread sample is, and the counts are scaled to the listing
// ('sampled'): the batch job's generated manifest filters on encryption itself.
import { ListObjectVersionsCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import {
  S3_BATCH_THRESHOLD,
  type EncryptionTally,
  type ObjectEncryption,
  type S3EncryptProgress,
} from '../../../shared/domain/s3-encrypt';
import { mapLimit } from '../inventory/concurrency';
import { HEAD_CONCURRENCY, TALLY_SAMPLE_SIZE } from './deps';
import { headObject, type HeadedObject, type ListedVersion } from './object-head';

export interface ListingScope {
  readonly bucket: string;
  readonly accountId: string;
  readonly prefix?: string;
  readonly includeVersions: boolean;
  readonly targetKeyArn: string;
  // The bucket owner's canonical user id: an object listed with another owner is not copied.
  readonly ownerId?: string;
  // Read every object whatever the count (the local engine copies exactly the objects listed).
  readonly exact?: boolean;
  readonly onProgress?: (p: S3EncryptProgress) => void;
  readonly signal?: AbortSignal;
}

export interface Listing {
  readonly listed: { readonly objects: number; readonly bytes: number };
  // Every object read (exact), or the sample (sampled).
  readonly headed: HeadedObject[];
  readonly tallies: EncryptionTally[];
  readonly tallyMethod: 'exact' | 'sampled';
  readonly tallyNote?: string;
}

async function listCurrent(s3: S3Client, scope: ListingScope): Promise<ListedVersion[]> {
  const out: ListedVersion[] = [];
  const input = {
    Bucket: scope.bucket,
    ExpectedBucketOwner: scope.accountId,
    FetchOwner: scope.ownerId !== undefined,
    ...(scope.prefix ? { Prefix: scope.prefix } : {}),
  };
  for await (const page of paginateListObjectsV2({ client: s3, pageSize: 1000 }, input)) {
    scope.signal?.throwIfAborted();
    for (const o of page.Contents ?? [])
      if (o.Key !== undefined)
        out.push({
          key: o.Key,
          size: o.Size ?? 0,
          isLatest: true,
          ...(o.StorageClass ? { storageClass: o.StorageClass } : {}),
          ...(o.ETag ? { etag: o.ETag } : {}),
          ...(o.Owner?.ID ? { ownerId: o.Owner.ID } : {}),
        });
    progress(scope, 0, out.length);
  }
  return out;
}

// Every version (delete markers aside: they hold no data), each key's oldest first.
async function listVersions(s3: S3Client, scope: ListingScope): Promise<ListedVersion[]> {
  const out: ListedVersion[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    scope.signal?.throwIfAborted();
    const page = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: scope.bucket,
        ExpectedBucketOwner: scope.accountId,
        MaxKeys: 1000,
        ...(scope.prefix ? { Prefix: scope.prefix } : {}),
        ...(keyMarker !== undefined ? { KeyMarker: keyMarker } : {}),
        ...(versionIdMarker !== undefined ? { VersionIdMarker: versionIdMarker } : {}),
      }),
    );
    for (const v of page.Versions ?? [])
      if (v.Key !== undefined)
        out.push({
          key: v.Key,
          size: v.Size ?? 0,
          isLatest: v.IsLatest ?? false,
          ...(v.VersionId ? { versionId: v.VersionId } : {}),
          ...(v.StorageClass ? { storageClass: v.StorageClass } : {}),
          ...(v.ETag ? { etag: v.ETag } : {}),
          ...(v.Owner?.ID ? { ownerId: v.Owner.ID } : {}),
        });
    progress(scope, 0, out.length);
    keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
    versionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
  } while (keyMarker !== undefined);
  // S3 lists a key's versions newest first; the copies must be made oldest first.
  const byKey = new Map<string, ListedVersion[]>();
  for (const v of out) byKey.set(v.key, [v, ...(byKey.get(v.key) ?? [])]);
  return [...byKey.values()].flat();
}

function progress(scope: ListingScope, done: number, total: number, bytes = 0, bytesTotal = 0): void {
  scope.onProgress?.({
    jobId: '',
    bucket: scope.bucket,
    engine: 'local',
    phase: 'listing',
    objectsDone: done,
    objectsTotal: total,
    bytesDone: bytes,
    bytesTotal,
    failed: 0,
  });
}

function evenSample<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, i) => items[Math.floor(i * step)] as T);
}

const ORDER: readonly ObjectEncryption[] = ['none', 'sse-s3', 'kms-other', 'dsse-kms', 'sse-c', 'kms-target'];

function tally(
  headed: readonly HeadedObject[],
  scale: { objects: number; bytes: number },
): EncryptionTally[] {
  const counts = new Map<ObjectEncryption, { objects: number; bytes: number }>();
  for (const o of headed) {
    const c = counts.get(o.encryption) ?? { objects: 0, bytes: 0 };
    counts.set(o.encryption, { objects: c.objects + 1, bytes: c.bytes + o.size });
  }
  return ORDER.flatMap((encryption) => {
    const c = counts.get(encryption);
    if (!c) return [];
    return [
      {
        encryption,
        objects: Math.round(c.objects * scale.objects),
        bytes: Math.round(c.bytes * scale.bytes),
      },
    ];
  });
}

export async function listAndRead(s3: S3Client, scope: ListingScope): Promise<Listing> {
  const listed = scope.includeVersions ? await listVersions(s3, scope) : await listCurrent(s3, scope);
  const listedBytes = listed.reduce((sum, o) => sum + o.size, 0);
  const exact = scope.exact === true || listed.length <= S3_BATCH_THRESHOLD.objects;
  const toRead = exact ? listed : evenSample(listed, TALLY_SAMPLE_SIZE);
  let done = 0;
  let bytesDone = 0;
  const readBytes = toRead.reduce((sum, o) => sum + o.size, 0);
  const read = await mapLimit(
    toRead,
    HEAD_CONCURRENCY,
    async (o) => {
      const head = await headObject(s3, scope.bucket, scope.accountId, o, scope.targetKeyArn);
      const otherOwner = !!scope.ownerId && !!o.ownerId && o.ownerId !== scope.ownerId;
      done += 1;
      bytesDone += o.size;
      progress(scope, done, toRead.length, bytesDone, readBytes);
      return head && otherOwner ? { ...head, otherOwner } : head;
    },
    scope.signal,
  );
  const headed = read.filter((o): o is HeadedObject => o !== undefined);
  const sampledBytes = headed.reduce((sum, o) => sum + o.size, 0);
  const scale = exact
    ? { objects: 1, bytes: 1 }
    : {
        objects: listed.length / Math.max(1, headed.length),
        bytes: sampledBytes > 0 ? listedBytes / sampledBytes : 1,
      };
  return {
    listed: { objects: listed.length, bytes: listedBytes },
    headed,
    tallies: tally(headed, scale),
    tallyMethod: exact ? 'exact' : 'sampled',
    ...(exact
      ? {}
      : {
          tallyNote: `${listed.length.toLocaleString('en-US')} ${scope.includeVersions ? 'versions' : 'objects'} listed; the encryption of an evenly spread sample of ${headed.length.toLocaleString('en-US')} was read (HeadObject) and scaled to the listing. S3 Batch Operations filters on the real encryption of each object.`,
        }),
  };
}

// Objects for scenarios, written straight into a bucket as S3 would hold them (versions oldest
// first, version ids only in versioning-enabled buckets). Ids and ETags are derived from the
// bucket, key and version number, so a scenario builds the same world every time.
import { createHash } from 'node:crypto';
import {
  forgetKeyOrder,
  objectsOf,
  type ObjectEncryption,
  type S3ObjectVersion,
} from '../s3/objects/object-model';
import type { Bucket, Tag } from '../world';

export interface SeedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: number;
  // Undefined: no encryption (written before S3 encrypted every new object, January 2023).
  readonly encryption?: ObjectEncryption;
  readonly storageClass?: string;
  readonly metadata?: Record<string, string>;
  readonly contentType?: string;
  readonly tags?: Tag[];
  // Older versions kept under the current one (versioning-enabled buckets only).
  readonly olderVersions?: number;
}

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

export const SSE_S3: ObjectEncryption = { algorithm: 'AES256', bucketKeyEnabled: false };

export function seedObjects(bucket: Bucket, objects: readonly SeedObject[]): void {
  const store = objectsOf(bucket);
  const versioned = bucket.versioning === 'Enabled';
  for (const o of objects) {
    const count = versioned ? 1 + (o.olderVersions ?? 0) : 1;
    const versions: S3ObjectVersion[] = [];
    for (let n = 0; n < count; n++) {
      const age = count - 1 - n; // 0 for the current version
      versions.push({
        key: o.key,
        versionId: versioned
          ? Buffer.from(hex(`${bucket.name}/${o.key}/${n}`), 'hex')
              .toString('base64url')
              .slice(0, 32)
          : 'null',
        deleteMarker: false,
        size: o.size,
        etag: `"${hex(`${o.key}/${n}`).slice(0, 32)}"`,
        lastModified: o.lastModified - age * 86_400_000,
        owner: bucket.accountId,
        storageClass: o.storageClass ?? 'STANDARD',
        ...(o.encryption ? { encryption: o.encryption } : {}),
        metadata: o.metadata ?? {},
        contentHeaders: { 'content-type': o.contentType ?? 'binary/octet-stream' },
        tags: o.tags ?? [],
      });
    }
    store.set(o.key, versions);
  }
  forgetKeyOrder(bucket);
}

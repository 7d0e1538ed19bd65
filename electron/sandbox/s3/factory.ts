// Building S3 state the way CreateBucket does, for the S3 handler and for scenarios alike.
import type { Bucket, SandboxWorld, AccountId, Region, SseAlgorithm, Tag } from '../world';

export interface CreateBucketOptions {
  readonly name: string;
  readonly accountId?: AccountId; // default: the world's account
  readonly region: Region;
  readonly now: number; // simulated epoch ms
  // Default encryption. Omitted: the SSE-S3 default every bucket has had since January 2023.
  readonly encryption?: { sseAlgorithm: SseAlgorithm; kmsMasterKeyId?: string; bucketKeyEnabled?: boolean };
  readonly versioning?: Bucket['versioning'];
  readonly policy?: string;
  readonly tags?: Tag[];
}

export function createBucket(world: SandboxWorld, options: CreateBucketOptions): Bucket {
  const bucket: Bucket = {
    name: options.name,
    accountId: options.accountId ?? world.defaultAccountId,
    region: options.region,
    creationDate: options.now,
    ...(options.encryption
      ? {
          encryption: {
            rules: [
              {
                sseAlgorithm: options.encryption.sseAlgorithm,
                ...(options.encryption.kmsMasterKeyId
                  ? { kmsMasterKeyId: options.encryption.kmsMasterKeyId }
                  : {}),
                bucketKeyEnabled: options.encryption.bucketKeyEnabled ?? false,
              },
            ],
          },
        }
      : {}),
    versioning: options.versioning ?? 'Unversioned',
    ...(options.policy ? { policy: options.policy } : {}),
    tags: options.tags ? [...options.tags] : [],
  };
  world.buckets.set(bucket.name, bucket);
  return bucket;
}

// Bucket naming rules for general purpose buckets (S3 user guide, "Bucket naming rules").
export function isValidBucketName(name: string): boolean {
  if (name.length < 3 || name.length > 63) return false;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return false;
  if (name.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(name)) return false;
  if (
    name.startsWith('xn--') ||
    name.startsWith('sthree-') ||
    name.endsWith('-s3alias') ||
    name.endsWith('--ol-s3')
  )
    return false;
  return true;
}

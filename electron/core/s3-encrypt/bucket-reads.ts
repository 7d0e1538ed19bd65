// The reads the wizard makes before a plan: a bucket's (prefix's) objects by encryption, and the
// customer managed keys of the bucket's region (SSE-KMS takes a key of the bucket's region only),
// with their aliases, as the inventory lists them.
import type { KeyRecord } from '../../../shared/domain/inventory';
import type { S3EncryptProgress } from '../../../shared/domain/s3-encrypt';
import { fetchKeys } from '../inventory/fetch-keys';
import { bucketRegion } from './bucket-facts';
import type { S3EncryptDeps } from './deps';
import { listAndRead } from './list-objects';
import type { S3Tally } from './s3-encrypt-api';

export async function tallyBucket(
  deps: S3EncryptDeps,
  bucket: string,
  prefix: string | undefined,
  onProgress?: (p: S3EncryptProgress) => void,
): Promise<S3Tally> {
  const { accountId } = await deps.caller();
  const region = await bucketRegion(deps.s3(deps.homeRegion), bucket, accountId);
  const listing = await listAndRead(deps.s3(region), {
    bucket,
    accountId,
    ...(prefix ? { prefix } : {}),
    includeVersions: false,
    targetKeyArn: '', // no key chosen yet: every SSE-KMS object counts as "another key"
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    region,
    tallies: listing.tallies,
    tallyMethod: listing.tallyMethod,
    ...(listing.tallyNote ? { tallyNote: listing.tallyNote } : {}),
  };
}

export async function bucketKeys(
  deps: S3EncryptDeps,
  bucket: string,
): Promise<{ region: string; keys: KeyRecord[] }> {
  const { accountId } = await deps.caller();
  const region = await bucketRegion(deps.s3(deps.homeRegion), bucket, accountId);
  const keys = await fetchKeys(deps.kms(region), 4);
  return { region, keys: keys.filter((k) => k.manager === 'CUSTOMER') };
}

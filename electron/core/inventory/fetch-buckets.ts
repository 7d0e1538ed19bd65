// S3 buckets: one account-wide ListBuckets (buckets are global; each carries its region), then,
// for the buckets of a scanned region, default encryption and versioning through that region's
// client, a bounded number of buckets at a time.
import type { S3Client } from '@aws-sdk/client-s3';
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import type { BucketRecord } from '../../../shared/domain/inventory';
import { mapLimit } from './concurrency';
import { MAX_PAGE } from './scan-clients';

export interface ListedBucket {
  readonly name: string;
  readonly region: string;
  readonly creationDate?: number;
}

export async function listAllBuckets(
  client: S3Client,
  concurrency: number,
  signal?: AbortSignal,
): Promise<ListedBucket[]> {
  const listed: { name: string; region?: string; creationDate?: number }[] = [];
  for await (const page of paginateListBuckets({ client, pageSize: MAX_PAGE.listBuckets }, {})) {
    signal?.throwIfAborted();
    for (const b of page.Buckets ?? []) {
      if (!b.Name) continue;
      listed.push({
        name: b.Name,
        ...(b.BucketRegion ? { region: b.BucketRegion } : {}),
        ...(b.CreationDate ? { creationDate: b.CreationDate.getTime() } : {}),
      });
    }
  }
  // Older endpoints omit BucketRegion: ask GetBucketLocation for those only.
  return mapLimit(
    listed,
    concurrency,
    async (b) => ({ ...b, region: b.region ?? (await bucketLocation(client, b.name)) }),
    signal,
  );
}

// GetBucketLocation answers no constraint for us-east-1 and the legacy 'EU' for eu-west-1.
async function bucketLocation(client: S3Client, bucket: string): Promise<string> {
  const answer = await client.send(new GetBucketLocationCommand({ Bucket: bucket }));
  const location = answer.LocationConstraint as string | undefined;
  if (!location) return 'us-east-1';
  return location === 'EU' ? 'eu-west-1' : location;
}

export async function fetchBucketDetails(
  client: S3Client,
  buckets: readonly ListedBucket[],
  concurrency: number,
  signal?: AbortSignal,
): Promise<BucketRecord[]> {
  return mapLimit(
    buckets,
    concurrency,
    async (b) => {
      const [encryption, versioning] = await Promise.all([
        bucketEncryption(client, b.name),
        bucketVersioning(client, b.name),
      ]);
      return {
        name: b.name,
        ...(b.creationDate === undefined ? {} : { creationDate: b.creationDate }),
        ...(encryption ? { encryption } : {}),
        versioning,
      };
    },
    signal,
  );
}

async function bucketEncryption(client: S3Client, bucket: string): Promise<BucketRecord['encryption']> {
  try {
    const answer = await client.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    const rule = answer.ServerSideEncryptionConfiguration?.Rules?.[0];
    const byDefault = rule?.ApplyServerSideEncryptionByDefault;
    if (!byDefault?.SSEAlgorithm) return undefined;
    return {
      algorithm: byDefault.SSEAlgorithm,
      ...(byDefault.KMSMasterKeyID ? { kmsKeyId: byDefault.KMSMasterKeyID } : {}),
      ...(rule?.BucketKeyEnabled === undefined ? {} : { bucketKey: rule.BucketKeyEnabled }),
    };
  } catch (error) {
    if ((error as { name?: string }).name === 'ServerSideEncryptionConfigurationNotFoundError')
      return undefined;
    throw error;
  }
}

async function bucketVersioning(client: S3Client, bucket: string): Promise<BucketRecord['versioning']> {
  const answer = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }));
  return answer.Status === 'Enabled' || answer.Status === 'Suspended' ? answer.Status : 'Unversioned';
}

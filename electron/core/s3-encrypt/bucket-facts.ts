// What the plan must know of the bucket before it lists a single object: that it exists and is
// the caller's (ExpectedBucketOwner on every call: S3 answers 403 when the bucket is another
// account's, S3 API reference), its region, its versioning, and that the owner pays for requests.
// Each refusal says what to fix.
import {
  GetBucketLocationCommand,
  ListBucketsCommand,
  GetBucketRequestPaymentCommand,
  GetBucketVersioningCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { AppError } from '../errors/app-error';
import type { S3EncryptDeps } from './deps';

export type Versioning = 'Enabled' | 'Suspended' | 'Unversioned';

export interface BucketFacts {
  readonly bucket: string;
  readonly region: string;
  readonly versioning: Versioning;
}

const errorName = (error: unknown): string => (error as { name?: string }).name ?? '';
const status = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

// S3's refusals of a bucket call, in words.
export function bucketError(error: unknown, bucket: string, accountId: string, call: string): unknown {
  if (errorName(error) === 'NoSuchBucket' || status(error) === 404)
    return new AppError(
      'bucket-not-found',
      `There is no bucket named ${bucket}.`,
      'Check the spelling: bucket names are global and lower-case.',
    );
  if (errorName(error) === 'AccessDenied' || status(error) === 403)
    return new AppError(
      'bucket-access-denied',
      `S3 refused ${call} on bucket ${bucket}: it belongs to another account than ${accountId}, or your policies do not allow ${call}.`,
      `Envelope re-encrypts only buckets of the account you are signed in to: sign in to the bucket owner's account, or ask for ${call} on arn:aws:s3:::${bucket}.`,
    );
  return error;
}

// GetBucketLocation: "Buckets in Region us-east-1 have a LocationConstraint of null", and "EU" is
// the legacy name of eu-west-1 (S3 API reference, GetBucketLocation). Any region answers it.
export async function bucketRegion(s3: S3Client, bucket: string, accountId: string): Promise<string> {
  try {
    const { LocationConstraint } = await s3.send(
      new GetBucketLocationCommand({ Bucket: bucket, ExpectedBucketOwner: accountId }),
    );
    if (!LocationConstraint) return 'us-east-1';
    return LocationConstraint === 'EU' ? 'eu-west-1' : LocationConstraint;
  } catch (error) {
    throw bucketError(error, bucket, accountId, 's3:GetBucketLocation');
  }
}

// The facts, and refusals for a Requester Pays bucket (GetBucketRequestPayment: Payer Requester
// or BucketOwner): its requests would be billed to whoever sends them, and every CopyObject would
// need x-amz-request-payer; Envelope does not re-encrypt such a bucket.
// The account's canonical user id, as ListBuckets names the owner (paginated, one bucket: S3 user
// guide recommends paginated ListBuckets); undefined when the caller may not list buckets, and
// then objects are not checked for another owner.
export async function canonicalUserId(s3: S3Client): Promise<string | undefined> {
  try {
    return (await s3.send(new ListBucketsCommand({ MaxBuckets: 1 }))).Owner?.ID;
  } catch {
    return undefined;
  }
}

export async function readBucketFacts(deps: S3EncryptDeps, bucket: string): Promise<BucketFacts> {
  const { accountId } = await deps.caller();
  const region = await bucketRegion(deps.s3(deps.homeRegion), bucket, accountId);
  const s3 = deps.s3(region);
  const ask = async <T>(call: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw bucketError(error, bucket, accountId, call);
    }
  };
  const payment = await ask('s3:GetBucketRequestPayment', () =>
    s3.send(new GetBucketRequestPaymentCommand({ Bucket: bucket, ExpectedBucketOwner: accountId })),
  );
  if (payment.Payer === 'Requester')
    throw new AppError(
      'bucket-requester-pays',
      `Bucket ${bucket} is a Requester Pays bucket: every request Envelope sends would be billed to the requester and must say so.`,
      `Turn Requester Pays off for the run (aws s3api put-bucket-request-payment --bucket ${bucket} --request-payment-configuration Payer=BucketOwner) and on again afterwards.`,
    );
  const versioning = await ask('s3:GetBucketVersioning', () =>
    s3.send(new GetBucketVersioningCommand({ Bucket: bucket, ExpectedBucketOwner: accountId })),
  );
  return {
    bucket,
    region,
    versioning:
      versioning.Status === 'Enabled' || versioning.Status === 'Suspended'
        ? versioning.Status
        : 'Unversioned',
  };
}

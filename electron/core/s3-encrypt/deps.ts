// What the S3 re-encryption planner and service need from the outside: one SDK client per
// (service, region) from the account's ClientFactory (or a test's sandbox clients), who the caller
// is, and the preflight's context.
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { Caller } from '../ami-copy/deps';
import type { PreflightContext } from '../preflight/index';

export interface S3EncryptDeps {
  s3(region: string): S3Client;
  s3control(region: string): S3ControlClient;
  kms(region: string): KMSClient;
  iam(): IAMClient;
  caller(): Promise<Caller>;
  preflight(): Promise<PreflightContext>;
  // The region asked when the bucket's own is not known yet (GetBucketLocation answers from any).
  readonly homeRegion: string;
  readonly now?: () => number; // ms since epoch
}

// HeadObject requests in flight at once while listing: S3 supports at least 5,500 GET/HEAD
// requests per second per prefix (S3 user guide, "Best practices design patterns: optimizing
// Amazon S3 performance"), so the bound is the laptop's sockets, not S3.
export const HEAD_CONCURRENCY = 16;

// Above the batch threshold the listing reads this many objects' encryption, evenly spread.
export const TALLY_SAMPLE_SIZE = 1_000;

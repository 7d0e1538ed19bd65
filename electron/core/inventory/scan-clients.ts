// What the scanner needs: one SDK client per service and region (from ClientFactory in the app,
// from a test's own factory in tests and benchmarks) and the page sizes to ask for.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';

export interface ScanClients {
  ec2(region: string): EC2Client;
  kms(region: string): KMSClient;
  s3(region: string): S3Client;
  autoscaling(region: string): AutoScalingClient;
}

// The largest page each API allows (AWS API references; AWS-FACTS §5). Larger values are clamped
// by EC2 and refused by the others, so these are the ceilings, not guesses.
export const MAX_PAGE = {
  describeInstances: 1000, // 5–1000
  describeVolumes: 500, // 5–500 in the current model ("larger than 500, only 500 are returned")
  describeSnapshots: 1000, // 5–1000
  describeImages: 1000, // 1–1000
  describeLaunchTemplates: 200, // 1–200
  describeLaunchTemplateVersions: 200, // 1–200
  describeAutoScalingGroups: 100, // MaxRecords, default 50, maximum 100
  listKeys: 1000, // Limit 1–1000
  listAliases: 100, // Limit 1–100
  listBuckets: 10_000, // MaxBuckets 1–10,000
} as const;

// How many requests the scanner keeps in flight. Regions run side by side; within a region every
// kind runs at once (each is one chain of pages); look-ups that fan out per item are bounded.
export interface ScanConcurrency {
  readonly regions: number;
  readonly keyLookups: number; // DescribeKey (+ GetKeyRotationStatus) per key, per region
  readonly bucketLookups: number; // GetBucketEncryption + GetBucketVersioning per bucket, per region
}

export const DEFAULT_CONCURRENCY: ScanConcurrency = { regions: 4, keyLookups: 32, bucketLookups: 32 };

export const tagValue = (
  tags: readonly { Key?: string; Value?: string }[] | undefined,
  key: string,
): string | undefined => tags?.find((t) => t.Key === key)?.Value;

// Request throttling as AWS documents it, on the SIMULATED clock: a bucket refills at its rate per
// simulated second, so a benchmark at speed 3600 sees the same throttling per unit of AWS time as
// a real account would (and at speed 0 buckets never refill: deterministic exhaustion in tests).
//
// EC2 (docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html): one request-token bucket
// per account, region and action; `RequestLimitExceeded` / "Request limit exceeded." (HTTP 503).
// KMS (docs.aws.amazon.com/kms/latest/developerguide/requests-per-second.html): requests per
// second per account and region, per operation; `ThrottlingException` / "Rate exceeded" (400).
// Not modeled: EC2 resource-token buckets (RunInstances 1000/2 instances…), KMS shared quotas.
import type { QueryParams } from './context';

export interface BucketSpec {
  readonly capacity: number; // maximum tokens (burst)
  readonly refillPerSecond: number; // tokens per simulated second
}

const EC2_UNCATEGORIZED: Record<string, BucketSpec> = {
  CreateSnapshot: { capacity: 100, refillPerSecond: 5 },
  CreateSnapshots: { capacity: 100, refillPerSecond: 5 },
  CreateVolume: { capacity: 100, refillPerSecond: 5 },
  DeleteSnapshot: { capacity: 100, refillPerSecond: 5 },
  DeleteVolume: { capacity: 100, refillPerSecond: 5 },
  CopyImage: { capacity: 100, refillPerSecond: 1 },
  DeregisterImage: { capacity: 100, refillPerSecond: 5 },
  ModifySnapshotAttribute: { capacity: 100, refillPerSecond: 5 },
  ModifyImageAttribute: { capacity: 100, refillPerSecond: 5 },
  CreateTags: { capacity: 100, refillPerSecond: 10 },
  DeleteTags: { capacity: 100, refillPerSecond: 10 },
  RunInstances: { capacity: 5, refillPerSecond: 2 },
  StartInstances: { capacity: 5, refillPerSecond: 2 },
  TerminateInstances: { capacity: 100, refillPerSecond: 5 },
  CreateStoreImageTask: { capacity: 50, refillPerSecond: 0.1 },
};
const EC2_NON_MUTATING: BucketSpec = { capacity: 100, refillPerSecond: 20 };
const EC2_UNFILTERED_UNPAGINATED: BucketSpec = { capacity: 50, refillPerSecond: 10 };
// Mutating actions not listed above, CopySnapshot among them (AWS lists it nowhere else).
const EC2_MUTATING: BucketSpec = { capacity: 50, refillPerSecond: 5 };
const EC2_EXPENSIVE_DESCRIBES = new Set([
  'DescribeInstances',
  'DescribeInstanceStatus',
  'DescribeNetworkInterfaces',
  'DescribeSecurityGroups',
  'DescribeSnapshots',
  'DescribeSpotInstanceRequests',
  'DescribeVolumes',
]);

// Request quotas per second from the KMS developer guide; unlisted operations get 5 (the quota of
// most key-management writes: EnableKey, DisableKey, ScheduleKeyDeletion, …).
const KMS_QUOTAS: Record<string, number> = {
  DescribeKey: 2000,
  GetKeyPolicy: 1000,
  GetKeyRotationStatus: 1000,
  ListAliases: 500,
  ListKeys: 500,
  ListResourceTags: 2000,
  ListGrants: 100,
  ListKeyPolicies: 100,
  ListRetirableGrants: 100,
  CreateGrant: 50,
  CreateKey: 50,
  PutKeyPolicy: 15,
  RetireGrant: 30,
  RevokeGrant: 30,
  TagResource: 10,
  UntagResource: 10,
  // Cryptographic operations share one quota in AWS (10,000 or more per second); modeled per op.
  Encrypt: 10_000,
  Decrypt: 10_000,
  GenerateDataKey: 10_000,
  GenerateDataKeyWithoutPlaintext: 10_000,
  ReEncrypt: 10_000,
};
const KMS_DEFAULT_QUOTA = 5;

// The EC2 bucket an action draws from, and the bucket's key within the action.
export function ec2BucketFor(action: string, params: QueryParams): { key: string; spec: BucketSpec } {
  const explicit = EC2_UNCATEGORIZED[action];
  if (explicit) return { key: action, spec: explicit };
  if (/^(Describe|List|Search|Get)/.test(action)) {
    if (EC2_EXPENSIVE_DESCRIBES.has(action) && isUnfilteredUnpaginated(params)) {
      return { key: `${action}#unfiltered`, spec: EC2_UNFILTERED_UNPAGINATED };
    }
    return { key: action, spec: EC2_NON_MUTATING };
  }
  return { key: action, spec: EC2_MUTATING };
}

// No MaxResults, no Filter.N, no id list: the call that scans the whole account.
function isUnfilteredUnpaginated(params: QueryParams): boolean {
  return !Object.keys(params).some(
    (k) => k === 'MaxResults' || k === 'NextToken' || k.startsWith('Filter.') || /Id\.\d+$/.test(k),
  );
}

export function kmsBucketFor(operation: string): { key: string; spec: BucketSpec } {
  const quota = KMS_QUOTAS[operation] ?? KMS_DEFAULT_QUOTA;
  return { key: operation, spec: { capacity: quota, refillPerSecond: quota } };
}

interface BucketState {
  tokens: number;
  updatedAt: number; // simulated ms
}

export class Throttle {
  private readonly buckets = new Map<string, BucketState>();

  constructor(
    private readonly now: () => number,
    public enabled = true,
  ) {}

  // Takes one token from the bucket `scope/key`; false when the bucket is empty (throttled).
  take(scope: string, bucket: { key: string; spec: BucketSpec }): boolean {
    if (!this.enabled) return true;
    const id = `${scope}/${bucket.key}`;
    const now = this.now();
    const state = this.buckets.get(id) ?? { tokens: bucket.spec.capacity, updatedAt: now };
    const elapsedSeconds = Math.max(0, now - state.updatedAt) / 1000;
    state.tokens = Math.min(
      bucket.spec.capacity,
      state.tokens + elapsedSeconds * bucket.spec.refillPerSecond,
    );
    state.updatedAt = now;
    this.buckets.set(id, state);
    if (state.tokens < 1) return false;
    state.tokens -= 1;
    return true;
  }

  // Remaining whole tokens, for tests and the state dump.
  tokens(scope: string, key: string): number | undefined {
    const state = this.buckets.get(`${scope}/${key}`);
    return state ? Math.floor(state.tokens) : undefined;
  }

  reset(): void {
    this.buckets.clear();
  }
}

// What the migration needs from the outside: one EC2 and one KMS client for the region, who the
// caller is, how to wait (SDK waiters, with delays the tests shrink) and a clock for the downtime
// timer. Core builds it from the selected account; tests and the benchmark point it at a sandbox.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';

export interface WaitTuning {
  // Polling delays of the SDK waiters, seconds (real time).
  readonly minDelay: number;
  readonly maxDelay: number;
  // Multiplies every maxWaitTime: 1 on AWS; a sandbox running faster than real time uses less.
  readonly timeScale: number;
}

// Downtime-critical waits poll often: a 15 s default delay would add up to 15 s of downtime per wait.
export const AWS_WAIT_TUNING: WaitTuning = { minDelay: 2, maxDelay: 15, timeScale: 1 };

export interface MigrationContext {
  readonly ec2: EC2Client;
  readonly kms: KMSClient;
  // The replace strategy's encrypted copy simulates the caller's IAM policies for the key; without
  // it the copy assumes they allow the key (and says so).
  readonly iam?: IAMClient;
  readonly profile: string;
  readonly region: string;
  readonly accountId: string;
  readonly callerArn: string;
  readonly waits: WaitTuning;
  // ms since epoch; the sandbox's simulated clock in the benchmark.
  readonly now: () => number;
  // Where journals live (<dataDir>/migrations).
  readonly dataDir: string;
}

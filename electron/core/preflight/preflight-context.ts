// What a preflight needs: clients per region, STS to decode refusals, IAM for the simulation
// fallback, who the caller is and a clock for the preflight's date.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { STSClient } from '@aws-sdk/client-sts';

export interface PreflightContext {
  readonly ec2: (region: string) => EC2Client;
  readonly kms: (region: string) => KMSClient;
  readonly sts: () => STSClient;
  readonly iam?: () => IAMClient;
  readonly callerArn: string;
  readonly accountId: string;
  readonly now: () => number;
}

// One DryRun call: what it is, what it is sent on, why it stands in for another resource, and how
// to send it (always with DryRun set).
export interface Probe {
  readonly call: string;
  readonly target: string;
  readonly note?: string;
  readonly send: () => Promise<unknown>;
}

// Scan clients pointed at a test sandbox, one per (service, region) like ClientFactory, with call
// counting. Retries as the app configures them (adaptive, 8 attempts) unless told otherwise.
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { ScanClients } from '../../../electron/core/inventory/scan-clients';
import { countCalls, newCallCounts, type CallCounts } from '../../../electron/core/inventory/call-counter';
import type { TestSandbox } from '../../helpers/sandbox';

export interface CountingClients extends ScanClients {
  readonly counts: CallCounts;
  destroy(): void;
}

export function sandboxScanClients(sandbox: TestSandbox, maxAttempts = 8): CountingClients {
  const counts = newCallCounts();
  const made = new Map<string, { destroy(): void }>();
  const config = (region: string) => ({
    ...sandbox.sdkConfig,
    region,
    maxAttempts,
    retryMode: 'adaptive' as const,
  });
  const get = <T extends { destroy(): void }>(key: string, make: () => T): T => {
    let client = made.get(key) as T | undefined;
    if (!client) {
      client = make();
      made.set(key, client);
    }
    return client;
  };
  return {
    counts,
    ec2: (r) => get(`ec2|${r}`, () => countCalls(new EC2Client(config(r)), counts)),
    kms: (r) => get(`kms|${r}`, () => countCalls(new KMSClient(config(r)), counts)),
    s3: (r) => get(`s3|${r}`, () => countCalls(new S3Client({ ...config(r), forcePathStyle: true }), counts)),
    autoscaling: (r) => get(`as|${r}`, () => countCalls(new AutoScalingClient(config(r)), counts)),
    destroy: () => {
      for (const client of made.values()) client.destroy();
      made.clear();
    },
  };
}

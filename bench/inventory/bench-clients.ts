// The scanner's SDK clients for a benchmark, one per service and region, built as ClientFactory
// builds them (client-tuning.ts): adaptive retries, cached middleware, no SDK logger. With `counts`
// every call is counted; with `requestHandler` it answers instead of HTTP (replay.ts).
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { CLIENT_SETTINGS, withoutSdkLogging } from '../../electron/core/aws/client-tuning';
import { countCalls, type CallCounts } from '../../electron/core/inventory/call-counter';
import type { ScanClients } from '../../electron/core/inventory/scan-clients';

export interface BenchClientOptions {
  readonly endpoint: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly counts?: CallCounts;
  readonly requestHandler?: NodeHttpHandler;
}

export function benchClients(options: BenchClientOptions): { clients: ScanClients; destroy(): void } {
  const { endpoint, credentials, counts, requestHandler } = options;
  const config = (region: string) => ({
    region,
    endpoint,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    retryMode: 'adaptive' as const,
    maxAttempts: 8,
    ...CLIENT_SETTINGS,
    ...(requestHandler ? { requestHandler } : {}),
  });
  const memo = new Map<string, { destroy(): void }>();
  const once = <T extends { destroy(): void; readonly middlewareStack: unknown }>(
    key: string,
    make: () => T,
  ): T => {
    if (!memo.has(key)) {
      const client = withoutSdkLogging(make());
      memo.set(key, counts ? countCalls(client, counts) : client);
    }
    return memo.get(key) as T;
  };
  const clients: ScanClients = {
    ec2: (r) => once(`ec2 ${r}`, () => new EC2Client(config(r))),
    kms: (r) => once(`kms ${r}`, () => new KMSClient(config(r))),
    s3: (r) => once(`s3 ${r}`, () => new S3Client({ ...config(r), forcePathStyle: true })),
    autoscaling: (r) => once(`as ${r}`, () => new AutoScalingClient(config(r))),
  };
  return { clients, destroy: () => memo.forEach((client) => client.destroy()) };
}

// Child of P4: scans a sandbox into memory, as core holds it, and prints its RSS (after a GC) as
// one JSON line. Runs in its own process so nothing else counts toward the figure.
import { getHeapSpaceStatistics } from 'node:v8';
import { EC2Client } from '@aws-sdk/client-ec2';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CLIENT_SETTINGS, withoutSdkLogging } from '../../electron/core/aws/client-tuning';
import { scanInventory } from '../../electron/core/inventory/scanner';
import type { ScanClients } from '../../electron/core/inventory/scan-clients';
import { resourceCount, type RegionInventory } from '../../shared/domain/inventory';

const { endpoint, credentials, regions } = JSON.parse(process.argv[2] ?? '{}') as {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  regions: string[];
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const config = (region: string) => ({
  region,
  endpoint,
  credentials,
  retryMode: 'adaptive' as const,
  maxAttempts: 8,
  ...CLIENT_SETTINGS,
});
const memo = new Map<string, { destroy(): void }>();
const once = <T extends { destroy(): void; readonly middlewareStack: unknown }>(
  key: string,
  make: () => T,
): T => {
  if (!memo.has(key)) memo.set(key, withoutSdkLogging(make())); // as ClientFactory builds them
  return memo.get(key) as T;
};
const clients: ScanClients = {
  ec2: (r) => once(`ec2${r}`, () => new EC2Client(config(r))),
  kms: (r) => once(`kms${r}`, () => new KMSClient(config(r))),
  s3: (r) => once(`s3${r}`, () => new S3Client({ ...config(r), forcePathStyle: true })),
  autoscaling: (r) => once(`as${r}`, () => new AutoScalingClient(config(r))),
};
gc();
const { rss: baseline, heapUsed: baselineHeapUsed } = process.memoryUsage();
const outcomes = await scanInventory({ account: '123456789012', regions, clients });
const held: RegionInventory[] = outcomes.flatMap((o) => (o.ok ? [o.inventory] : []));
gc();
await new Promise((resolve) => setTimeout(resolve, 200));
gc();
const usage = process.memoryUsage();
// V8's young generation: empty after a GC but kept at the size the scan's allocation rate grew it to.
const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
const resources = held.reduce((n, r) => n + resourceCount(r), 0);
process.stdout.write(
  `${JSON.stringify({ resources, rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, baseline, baselineHeapUsed, newSpace })}\n`,
);
for (const client of memo.values()) client.destroy();
process.exit(0);

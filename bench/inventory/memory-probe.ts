// Child of P4: scans a sandbox into memory, as core holds it, and prints its RSS (after a GC) as
// one JSON line. Runs in its own process so nothing else counts toward the figure.
import { getHeapSpaceStatistics } from 'node:v8';
import { benchClients } from './bench-clients';
import { scanInventory } from '../../electron/core/inventory/scanner';
import { resourceCount, type RegionInventory } from '../../shared/domain/inventory';

const { endpoint, credentials, regions } = JSON.parse(process.argv[2] ?? '{}') as {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  regions: string[];
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const { clients, destroy } = benchClients({ endpoint, credentials });
gc();
const { rss: baseline, heapUsed: baselineHeapUsed } = process.memoryUsage();
const outcomes = await scanInventory({ account: '123456789012', regions, clients });
const held: RegionInventory[] = outcomes.flatMap((o) => (o.ok ? [o.inventory] : []));
gc();
await new Promise((resolve) => setTimeout(resolve, 200));
gc();
const usage = process.memoryUsage();
// V8's young generation: empty after a GC but kept at the size allocation grew it to (loading the
// SDK already does).
const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
const resources = held.reduce((n, r) => n + resourceCount(r), 0);
process.stdout.write(
  `${JSON.stringify({ resources, rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, baseline, baselineHeapUsed, newSpace })}\n`,
);
destroy();
process.exit(0);

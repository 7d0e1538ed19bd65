// `npm run bench`: P1 inventory, P4 memory, P3 renderer, P2 migration, P7 CLI start-up, P5 S3
// re-encryption.
// Benchmarks measure and print; they never assert (tests do that), and one that cannot run says
// why in its row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCliStartup } from './cli/p7-startup';
import { benchInventory } from './inventory/p1-inventory';
import { benchMemory } from './inventory/p4-memory';
import { benchMigration } from './migration/p2-migration';
import { benchRenderer } from './renderer/p3-renderer';
import { benchS3Encrypt } from './s3/p5-s3-encrypt';
import { printReport, type BenchRow } from './report';

const benches: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: 'P1 inventory', run: benchInventory },
  { name: 'P4 memory', run: benchMemory },
  { name: 'P3 renderer', run: benchRenderer },
  { name: 'P2 migration', run: benchMigration },
  { name: 'P7 CLI start-up', run: benchCliStartup },
  { name: 'P5 S3 re-encryption', run: benchS3Encrypt },
  // P6 needs Electron itself: the smoke test measures it (test/electron/smoke.ts).
  {
    name: 'P6 electron memory',
    run: () =>
      Promise.resolve([
        {
          bench: 'P6 electron memory',
          metric: 'app memory, window open and tray only',
          value: 'measured by `npm run test:electron`: read it in CI (ci.yml, "Smoke test" step of each OS)',
          target: '< 200 MB with only the tray',
        },
      ]),
  },
];

// One temp root for the whole run: every bench (and each process it starts) makes its scratch
// directories under it through TMPDIR, and it is removed at the end, so a bench leaves nothing in
// the system temp directory even when one fails half-way.
const tempRoot = mkdtempSync(join(tmpdir(), 'envelope-bench-run-'));
for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = tempRoot;

// `npm run bench -- P2` runs only the benches whose name contains the argument.
const only = process.argv[2]?.toLowerCase();
const rows: BenchRow[] = [];
for (const bench of benches.filter((b) => !only || b.name.toLowerCase().includes(only))) {
  process.stderr.write(`running ${bench.name}…\n`);
  try {
    rows.push(...(await bench.run()));
  } catch (error) {
    rows.push({
      bench: bench.name,
      metric: 'did not run',
      value: error instanceof Error ? error.message : String(error),
      target: '',
    });
  }
}
rmSync(tempRoot, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
printReport(rows);

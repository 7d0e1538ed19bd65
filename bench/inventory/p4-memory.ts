// P4: 50,000 resources held by core in Node, RSS ≤ 200 MB. A separate probe process scans a
// sandbox (itself another process) and reports its own RSS after a GC. The probe is bundled first
// (esbuild, the bundler under vite and tsx), as electron-vite bundles main for release, so tsx's
// own memory does not count and the SDK is loaded the way the app loads it.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BenchRow } from '../report';
import { benchFile, firstLine, startSandboxProcess } from './child';

const PARAMS = {
  regions: 2,
  volumesPerRegion: 10_000,
  snapshotsPerRegion: 13_500,
  imagesPerRegion: 1000,
  keysPerRegion: 50,
  buckets: 100,
};
const MB = 1024 * 1024;

export async function benchMemory(): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({
    scenario: 'large',
    scenarioParams: PARAMS,
    throttling: false,
    speed: 1,
  });
  try {
    const bundle = join(mkdtempSync(join(tmpdir(), 'envelope-bench-')), 'memory-probe.mjs');
    await build({
      entryPoints: [benchFile('./memory-probe.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'warning',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
    const args = JSON.stringify({
      endpoint: sandbox.endpoint,
      credentials: sandbox.credentials,
      regions: ['us-east-1', 'us-east-2'],
    });
    const probe = spawn(process.execPath, ['--expose-gc', bundle, args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    const result = JSON.parse(await firstLine(probe)) as {
      resources: number;
      rss: number;
      heapUsed: number;
      heapTotal: number;
      external: number;
      baseline: number;
      baselineHeapUsed: number;
      newSpace: number;
    };
    const rssMb = result.rss / MB;
    return [
      {
        bench: 'P4 memory',
        metric: 'resources held',
        value: result.resources.toLocaleString('en-US'),
        target: '≥ 50,000',
        ok: result.resources >= 50_000,
      },
      {
        bench: 'P4 memory',
        metric: 'RSS after GC',
        value: `${rssMb.toFixed(0)} MB`,
        target: '≤ 200 MB',
        ok: rssMb <= 200,
      },
      {
        bench: 'P4 memory',
        metric: 'of which: process with SDK clients loaded, before the scan',
        // A heap snapshot puts the records themselves at ~12 MB; the heap in use also holds SDK
        // code compiled on first use, and the rest is heap V8 keeps reserved and memory glibc keeps.
        value: `${(result.baseline / MB).toFixed(0)} MB; the scan adds ${((result.rss - result.baseline) / MB).toFixed(0)} MB, of which JS heap in use +${((result.heapUsed - result.baselineHeapUsed) / MB).toFixed(0)} MB`,
        target: '',
      },
      {
        bench: 'P4 memory',
        metric: "of which: V8's young generation, empty after the GC but kept at its grown size",
        value: `${(result.newSpace / MB).toFixed(0)} MB`,
        target: '',
      },
      {
        bench: 'P4 memory',
        metric: 'JS heap used / reserved; external (buffers)',
        value: `${(result.heapUsed / MB).toFixed(0)} / ${(result.heapTotal / MB).toFixed(0)} MB; ${(result.external / MB).toFixed(0)} MB`,
        target: '',
      },
    ];
  } finally {
    await sandbox.stop();
  }
}

// P1: the inventory of the sandbox's `large` scenario (4 regions × 5,000 volumes, 10,000
// snapshots, 1,000 AMIs, 200 keys; 300 buckets) with 25 ms latency per call and throttling on.
import { newCallCounts, total } from '../../electron/core/inventory/call-counter';
import { DEFAULT_CONCURRENCY } from '../../electron/core/inventory/scan-clients';
import { scanInventory } from '../../electron/core/inventory/scanner';
import { resourceCount, type RegionInventory } from '../../shared/domain/inventory';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import { benchClients } from './bench-clients';
import { startSandboxProcess, type SandboxProcess } from './child';
import { recordingHandler, replayingHandler } from './replay';
import { timeAwsCli } from './aws-cli';
import { yardsticks } from './bounds';
import type { BenchRow } from '../report';

export const LATENCY_MS = 25;
export const LARGE = {
  regions: 4,
  volumesPerRegion: 5000,
  snapshotsPerRegion: 10_000,
  imagesPerRegion: 1000,
  keysPerRegion: 200,
  buckets: 300,
};

export async function benchInventory(): Promise<BenchRow[]> {
  const sandbox = await startSandboxProcess({
    scenario: 'large',
    scenarioParams: LARGE,
    latencyMs: LATENCY_MS,
    throttling: true,
    speed: 1,
  });
  try {
    const counts = newCallCounts();
    const { clients, destroy } = benchClients({ ...sandbox, counts });
    const regionNames = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'];
    const sandboxCpu0 = sandbox.cpuMs();
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const outcomes = await scanInventory({ account: '123456789012', regions: regionNames, clients });
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const scanCpuMs = (cpu.user + cpu.system) / 1000;
    const sandboxCpu1 = sandbox.cpuMs();
    const sandboxCpuMs =
      sandboxCpu0 === undefined || sandboxCpu1 === undefined ? undefined : sandboxCpu1 - sandboxCpu0;
    destroy();
    const regions = outcomes.flatMap((o) => (o.ok ? [o.inventory] : []));
    const failure = outcomes.find((o) => !o.ok);
    if (failure && !failure.ok) {
      const e = failure.error as { name?: string; message?: string };
      throw new Error(
        `${failure.region} failed to scan: ${e.name ?? ''} ${e.message ?? String(failure.error)}`,
      );
    }
    const resources = regions.reduce((n, r) => n + countResources(r), 0);
    const { minimalCalls, chain } = yardsticks(regions, DEFAULT_CONCURRENCY);
    const boundMs = chain * LATENCY_MS;
    const calls = total(counts.attempts);
    const throttled = total(counts.throttled);
    const cli = await timeAwsCli(sandbox, regions);
    const floor = await sdkFloor(sandbox, regionNames);
    const perAction = [...counts.sends.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([action, n]) => `${action.replace(/Command$/, '')} ${n}`)
      .join(', ');
    return [
      {
        bench: 'P1 inventory',
        metric: 'resources scanned',
        value: resources.toLocaleString('en-US'),
        target: '',
      },
      { bench: 'P1 inventory', metric: 'wall time', value: `${Math.round(wallMs)} ms`, target: '' },
      {
        bench: 'P1 inventory',
        metric: `lower bound (${chain} sequential calls × ${LATENCY_MS} ms)`,
        value: `${boundMs} ms`,
        target: '',
      },
      {
        bench: 'P1 inventory',
        metric: 'ratio to the bound',
        value: `${(wallMs / boundMs).toFixed(2)}×`,
        target: '≤ 1.3×',
        ok: wallMs / boundMs <= 1.3,
      },
      {
        // Why the wall time is far above the bound: the bound counts latency only, but turning
        // 69,000 resources into XML (sandbox) and back into objects (the SDK) costs CPU time.
        bench: 'P1 inventory',
        metric: 'CPU during the scan: scanner process (SDK parsing) / sandbox process',
        value: `${Math.round(scanCpuMs)} ms / ${sandboxCpuMs === undefined ? 'n/a' : `${sandboxCpuMs} ms`}`,
        target: '',
      },
      {
        // What the bound leaves out, measured: the same scan with every answer replayed from
        // memory at once (replay.ts). Above 1.3× the bound, no scan through this SDK can meet it.
        bench: 'P1 inventory',
        metric: 'floor: the same scan, answers replayed from memory (no network, latency or sandbox)',
        value: `${Math.round(floor.wallMs)} ms wall, ${Math.round(floor.cpuMs)} ms CPU = ${(floor.wallMs / boundMs).toFixed(1)}× the bound`,
        target: '',
      },
      {
        bench: 'P1 inventory',
        metric: 'calls (attempts) / minimal',
        value: `${calls} / ${minimalCalls} = ${(calls / minimalCalls).toFixed(3)}×`,
        target: '≤ 1.05×',
        ok: calls / minimalCalls <= 1.05,
      },
      {
        bench: 'P1 inventory',
        metric: 'throttled calls',
        value: String(throttled),
        target: '0',
        ok: throttled === 0,
      },
      { bench: 'P1 inventory', metric: 'calls per action', value: perAction, target: '' },
      {
        bench: 'P1 inventory',
        metric: `AWS CLI v2, region by region (${cli.processes} processes; per-key/bucket reads scaled from ${5} each)`,
        value: `${Math.round(cli.ms)} ms (${(cli.ms / wallMs).toFixed(1)}× slower)`,
        target: '≥ 10× slower',
        ok: cli.ms / wallMs >= 10,
      },
    ];
  } finally {
    await sandbox.stop();
  }
}

// Records one more scan's answers, then times a scan that gets them back from memory.
async function sdkFloor(
  sandbox: SandboxProcess,
  regions: readonly string[],
): Promise<{ wallMs: number; cpuMs: number }> {
  const scan = async (handler: NodeHttpHandler) => {
    const { clients, destroy } = benchClients({ ...sandbox, requestHandler: handler });
    try {
      const outcomes = await scanInventory({ account: '123456789012', regions: [...regions], clients });
      const failed = outcomes.find((o) => !o.ok);
      if (failed) throw new Error(`${failed.region}: the replayed scan failed`);
    } finally {
      destroy();
    }
  };
  const recording = recordingHandler();
  await scan(recording.handler);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await scan(replayingHandler(recording.answers));
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export const countResources = (r: RegionInventory): number =>
  resourceCount(r) + r.launchTemplates.length + r.autoScalingGroups.length;

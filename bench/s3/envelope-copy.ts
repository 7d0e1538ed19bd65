// Envelope's side of P5: core made as the CLI makes it, on the bench's sandbox, and the bucket
// re-encrypted through the S3 re-encryption service (plan, then run(plan): the local engine,
// chosen explicitly since 100,000 objects is above the batch threshold). The S3 client the
// service gets from the account's ClientFactory counts every call it sends (call-counter.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCalls, newCallCounts, type CallCounts } from '../../electron/core/inventory/call-counter';
import { createCore } from '../../electron/core/create-core';
import { DEFAULT_CONCURRENCY } from '../../electron/core/s3-encrypt/local/local-engine';
import { SANDBOX_PROFILE } from '../../shared/domain/accounts';
import type { S3EncryptResult } from '../../shared/domain/s3-encrypt';
import { s3EncryptPlanInput } from '../../shared/plans/render/s3-batch-job';
import type { SandboxProcess } from '../inventory/child';

export interface EnvelopeCopyRun {
  readonly planMs: number; // listing, HeadObject per object, checks, preflight
  readonly runMs: number; // run(plan): the fresh checks, the copies, the result
  readonly copiesEndedMs: number; // from run(plan)'s start to the engine's last copy
  readonly processCpuMs: number; // this process's CPU during run(plan)
  readonly planRequests: Map<string, number>;
  readonly runRequests: Map<string, number>;
  readonly plannedKeys: string[];
  readonly listedObjects: number;
  readonly concurrency: number;
  readonly result: S3EncryptResult;
  readonly sandboxCpuMs: { plan?: number; run?: number };
}

const snapshot = (counts: CallCounts): Map<string, number> =>
  new Map([...counts.attempts].map(([action, n]) => [action.replace(/Command$/, ''), n]));

const since = (after: Map<string, number>, before: Map<string, number>): Map<string, number> =>
  new Map(
    [...after]
      .map(([action, n]) => [action, n - (before.get(action) ?? 0)] as const)
      .filter(([, n]) => n > 0),
  );

const cpuSince = (sandbox: SandboxProcess, from: number | undefined): number | undefined => {
  const now = sandbox.cpuMs();
  return now === undefined || from === undefined ? undefined : now - from;
};

export async function envelopeCopy(
  sandbox: SandboxProcess,
  bucket: string,
  kmsKeyRef: string,
): Promise<EnvelopeCopyRun> {
  const { region } = sandbox.credentials;
  const dataDir = mkdtempSync(join(tmpdir(), 'envelope-bench-p5-'));
  const core = await createCore({
    dataDir,
    version: 'bench',
    shell: 'cli',
    sandbox: {
      ensureStarted: () => Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region }),
      stop: () => Promise.resolve(),
    },
  });
  try {
    await core.accounts.select(SANDBOX_PROFILE, region, { persist: false });
    const counts = newCallCounts();
    countCalls(core.accounts.clients.get('s3', SANDBOX_PROFILE, region), counts);
    const service = core.s3Encrypt;
    let cpu = sandbox.cpuMs();
    const planStart = performance.now();
    const { plan, view } = await service.plan({ bucket, kmsKeyRef, engine: 'local' });
    const planMs = performance.now() - planStart;
    const planRequests = snapshot(counts);
    const planCpu = cpuSince(sandbox, cpu);
    const objects = s3EncryptPlanInput(plan).objects ?? [];

    cpu = sandbox.cpuMs();
    const processCpu = process.cpuUsage();
    const runStart = performance.now();
    // When the engine reported its last copy (the rest of run(plan) is the job's ending).
    let copiesEndedMs = 0;
    const result = await service.run(plan, (p) => {
      if (p.phase === 'done' && copiesEndedMs === 0) copiesEndedMs = performance.now() - runStart;
    });
    const runMs = performance.now() - runStart;
    const runCpu = cpuSince(sandbox, cpu);
    const processCpuUsed = process.cpuUsage(processCpu);
    return {
      planMs,
      runMs,
      copiesEndedMs,
      processCpuMs: (processCpuUsed.user + processCpuUsed.system) / 1000,
      planRequests,
      runRequests: since(snapshot(counts), planRequests),
      plannedKeys: objects.map((o) => o.key),
      listedObjects: view.tallies.reduce((n, t) => n + t.objects, 0),
      concurrency: DEFAULT_CONCURRENCY,
      result,
      sandboxCpuMs: {
        ...(planCpu === undefined ? {} : { plan: planCpu }),
        ...(runCpu === undefined ? {} : { run: runCpu }),
      },
    };
  } finally {
    await core.dispose();
  }
}

// Runs a preflight: every distinct probe once (DryRun), the KMS rows of each key EBS will use,
// the simulations for what DryRun cannot answer, and dates the result. Nothing is changed: every
// call carries DryRun, and the rest only reads.
import type { Preflight, PreflightRow } from '../../../shared/domain/preflight';
import { kmsRows } from './kms-rows';
import type { PreflightContext, Probe } from './preflight-context';
import { runProbe } from './run-probe';
import { simulateRow } from './simulate';
import type { StepChecks } from './plan-probes';

const CONCURRENCY = 4;

// The same call on the same target is sent once.
function distinct<T extends { call: string; target: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((p) => {
    const key = `${p.call} ${p.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function inOrder<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

export async function runPreflight(ctx: PreflightContext, checks: StepChecks): Promise<Preflight> {
  const probeRows = await inOrder(distinct<Probe>(checks.probes), (p) => runProbe(ctx, p));
  const keys = [...new Map(checks.keys.map((k) => [`${k.region} ${k.keyArn}`, k])).values()];
  const keyRows = (await inOrder(keys, (k) => kmsRows(ctx, k.region, k.keyArn))).flat();
  const simulated = await inOrder(
    distinct(checks.simulate.map((s) => ({ ...s, call: s.action, target: s.resource }))),
    (s) => simulateRow(ctx, s.action, s.resource, s.region, s.why),
  );
  const rows: PreflightRow[] = [...probeRows, ...keyRows, ...simulated, ...checks.rows];
  return { checkedAt: new Date(ctx.now()).toISOString(), checkedAs: ctx.callerArn, rows };
}

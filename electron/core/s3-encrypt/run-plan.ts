// Runs a sealed s3-encrypt plan with the engine its view names (local: copies from this process;
// batch: S3 Batch Operations), records the result as the journal's final record, and finds the
// runs a crash or a quit left without one, so the service can resume them.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3EncryptResult } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';
import { s3EncryptPlanInput } from '../../../shared/plans/render/s3-batch-job';
import { S3BatchEngine } from './batch/batch-engine';
import type { EngineContext, S3EncryptEngine } from './engine';
import { readS3EncryptJournal, type S3EncryptJournal } from './journal';
import { LocalEngine } from './local/local-engine';

export function engineFor(plan: Plan): S3EncryptEngine {
  return s3EncryptPlanInput(plan).view.engine === 'batch' ? new S3BatchEngine() : new LocalEngine();
}

// A journal that already has its result is not run again: its result is answered.
export async function runS3EncryptPlan(
  plan: Plan,
  journal: S3EncryptJournal,
  ctx: EngineContext,
): Promise<S3EncryptResult> {
  if (journal.result) return journal.result;
  const engine = engineFor(plan);
  let result = await engine.run(plan, journal, ctx);
  // The encryption tally after the run, for the report: the local engine answers it from S3's
  // answers to its copies (local/tally-after.ts); for the batch engine the service reads it again.
  if (!result.after && ctx.tallyAfter && !ctx.signal.aborted)
    result = { ...result, after: await ctx.tallyAfter() };
  journal.finish(result);
  return result;
}

// The runs in `dir` (<dataDir>/s3-encrypt) without a final record (a result, or an error met in
// the process): interrupted by a crash or a quit, to resume. A file
// that cannot be read is left for a person and not listed.
export async function interruptedS3EncryptRuns(
  dir: string,
): Promise<{ jobId: string; plan: Plan; path: string }[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const runs: { jobId: string; plan: Plan; path: string }[] = [];
  for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
    const path = join(dir, name);
    try {
      const contents = readS3EncryptJournal(path);
      if (!contents.result && contents.failed === undefined)
        runs.push({ jobId: contents.jobId, plan: contents.plan, path });
    } catch {
      // Damaged or from another version: not resumed automatically.
    }
  }
  return runs;
}

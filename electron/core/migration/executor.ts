// The executor: runs each instance's steps in order, in parallel across instances, journaling each
// step before and after its AWS calls. A step done in the journal is skipped; a step started but
// not done is run again (the steps are idempotent against AWS state). A failure inside the
// downtime window rolls that instance back at once, so the instance is never left without its
// volumes; a failure before the stop leaves the instance untouched. A run that is aborted (cancel,
// quit, crash) writes nothing more: the journal says where to resume.
import { setMaxListeners } from 'node:events';
import { SWAP_STEPS, type JournalInstance, type SwapStep } from '../../../shared/domain/migration';
import { toApiError } from '../errors/to-api-error';
import { isDone } from './journal';
import { rollbackInstance } from './rollback';
import type { RunContext, StepImpl } from './run-context';
import { createVolumes, snapshotFinal, snapshotOnline, stopInstance } from './swap-steps-online';
import {
  attachReplacements,
  detachOriginals,
  restoreDeleteOnTermination,
  startInstance,
  verifyInstance,
} from './swap-steps-swap';

const STEPS: Record<SwapStep, StepImpl> = {
  'snapshot-online': snapshotOnline,
  stop: stopInstance,
  'snapshot-final': snapshotFinal,
  'create-volumes': createVolumes,
  detach: detachOriginals,
  attach: attachReplacements,
  'delete-on-termination': restoreDeleteOnTermination,
  start: startInstance,
  verify: verifyInstance,
};

export interface ExecutorHooks {
  // Called when an instance enters a step (for the job's progress and step list).
  readonly onStep?: (instanceId: string, step: string, state: 'running' | 'done' | 'failed') => void;
}

// Has the instance's downtime window begun (so a failure must put the originals back)?
function enteredDowntime(instance: JournalInstance): boolean {
  return instance.steps.some((s) => s.step === 'stop' || s.step === 'detach');
}

async function rollbackOne(run: RunContext, instanceId: string, hooks: ExecutorHooks): Promise<void> {
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'rolling-back';
  });
  run.journal.begin(instanceId, 'rollback');
  hooks.onStep?.(instanceId, 'rollback', 'running');
  try {
    await rollbackInstance(run, instanceId);
  } catch (error) {
    if (run.signal.aborted) throw error;
    const apiError = toApiError(error);
    run.journal.end(instanceId, 'rollback', 'failed', apiError.message);
    run.journal.updateInstance(instanceId, (i) => {
      i.status = 'failed';
      i.error = { code: apiError.code, message: `Rollback did not finish: ${apiError.message}` };
    });
    hooks.onStep?.(instanceId, 'rollback', 'failed');
    return;
  }
  run.journal.end(instanceId, 'rollback', 'done');
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'rolled-back';
  });
  hooks.onStep?.(instanceId, 'rollback', 'done');
}

async function runInstance(run: RunContext, instanceId: string, hooks: ExecutorHooks): Promise<void> {
  const start = run.journal.instance(instanceId);
  // A rollback once begun is finished, never turned back into a migration.
  const rollbackBegun = start.steps.some((s) => s.step === 'rollback');
  if (start.status === 'rolling-back' || (rollbackBegun && start.status === 'failed')) {
    return rollbackOne(run, instanceId, hooks);
  }
  if (start.status !== 'pending' && start.status !== 'running' && start.status !== 'failed') return;
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'running';
    delete i.error;
  });
  for (const step of SWAP_STEPS) {
    if (isDone(run.journal.instance(instanceId), step)) continue;
    run.journal.begin(instanceId, step);
    hooks.onStep?.(instanceId, step, 'running');
    try {
      await STEPS[step](run, instanceId);
    } catch (error) {
      if (run.signal.aborted) throw error;
      const apiError = toApiError(error);
      run.journal.end(instanceId, step, 'failed', apiError.message);
      hooks.onStep?.(instanceId, step, 'failed');
      run.journal.updateInstance(instanceId, (i) => {
        i.status = 'failed';
        i.error = { code: apiError.code, message: apiError.message };
      });
      if (enteredDowntime(run.journal.instance(instanceId))) await rollbackOne(run, instanceId, hooks);
      return;
    }
    run.journal.end(instanceId, step, 'done');
    hooks.onStep?.(instanceId, step, 'done');
  }
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'verified';
  });
}

function settle(run: RunContext): void {
  run.journal.update((j) => {
    const statuses = j.instances.map((i) => i.status);
    if (statuses.every((s) => s === 'verified')) j.status = 'verified';
    else if (
      statuses.every((s) => s === 'rolled-back' || s === 'verified') &&
      statuses.includes('rolled-back')
    ) {
      j.status = statuses.every((s) => s === 'rolled-back') ? 'rolled-back' : 'failed';
    } else j.status = 'failed';
    const failed = j.instances.find((i) => i.error);
    if (j.status !== 'verified' && failed?.error) j.error = failed.error;
    else delete j.error;
  });
}

// Every AWS call of every instance listens on the run's one signal: more than Node's default 10.
function allowManyListeners(run: RunContext): void {
  setMaxListeners(0, run.signal);
}

export async function executeMigration(run: RunContext, hooks: ExecutorHooks = {}): Promise<void> {
  allowManyListeners(run);
  run.journal.update((j) => {
    j.status = 'running';
  });
  const results = await Promise.allSettled(
    run.journal.value.instances.map((i) => runInstance(run, i.instanceId, hooks)),
  );
  const crashed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (crashed) throw crashed.reason;
  settle(run);
}

// Rolls back every instance that is not already rolled back or cleaned up.
export async function rollbackMigration(run: RunContext, hooks: ExecutorHooks = {}): Promise<void> {
  allowManyListeners(run);
  run.journal.update((j) => {
    j.status = 'running';
  });
  const results = await Promise.allSettled(
    run.journal.value.instances
      .filter((i) => i.status !== 'rolled-back' && i.status !== 'cleaned-up')
      .map((i) => rollbackOne(run, i.instanceId, hooks)),
  );
  const crashed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (crashed) throw crashed.reason;
  settle(run);
}

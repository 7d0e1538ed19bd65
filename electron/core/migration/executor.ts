// The executor: runs each instance's steps in order, journaling each step before and after its AWS
// calls. A step done in the journal is skipped; a step started but not done is run again (the
// steps are idempotent against AWS state). Swap and re-key run every instance in parallel; a
// failure inside the downtime window rolls that instance back at once, so the instance is never
// left without its volumes; a failure before the stop leaves the instance untouched. Replace
// images and copies every instance in parallel, then goes node by node, pausing (status
// awaiting-confirmation) until the user confirms each swap; a failed launch is rolled back (the
// replacement terminated) and stops the nodes after it. A run that is aborted (cancel, quit,
// crash) writes nothing more: the journal says where to resume.
import { setMaxListeners } from 'node:events';
import {
  awaitingConfirmation,
  REPLACE_ONLINE_STEPS,
  REPLACE_STEPS,
  SWAP_STEPS,
  type JournalInstance,
  type MigrationStep,
} from '../../../shared/domain/migration';
import { AppError } from '../errors/app-error';
import { toApiError } from '../errors/to-api-error';
import { isDone, type Journal } from './journal';
import { explainKeyFailure } from './key-cause';
import { copyEncryptedStep, createImageStep, setReplace } from './replace-image';
import { launchStep, rollbackReplace, stopOriginalStep, verifyReplacementStep } from './replace-swap';
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

// The user's confirmation is journaled like a step; the executor reaches it only once given.
const confirmed: StepImpl = (run, instanceId) => {
  setReplace(run, instanceId, (r) => {
    r.confirmedAt ??= run.ctx.now();
  });
  return Promise.resolve();
};

const STEPS: Record<MigrationStep, StepImpl> = {
  'snapshot-online': snapshotOnline,
  stop: stopInstance,
  'snapshot-final': snapshotFinal,
  'create-volumes': createVolumes,
  detach: detachOriginals,
  attach: attachReplacements,
  'delete-on-termination': restoreDeleteOnTermination,
  start: startInstance,
  verify: verifyInstance,
  'create-image': createImageStep,
  'copy-encrypted': copyEncryptedStep,
  launch: launchStep,
  'verify-replacement': verifyReplacementStep,
  confirm: confirmed,
  'stop-original': stopOriginalStep,
};

export interface ExecutorHooks {
  // Called when an instance enters a step (for the job's progress and step list).
  readonly onStep?: (instanceId: string, step: string, state: 'running' | 'done' | 'failed') => void;
}

// Must a failure put things back? Swap: once the downtime window has begun (the originals may be
// detached). Replace: once a replacement may exist and the user has not yet moved over to it.
function needsRollback(run: RunContext, instance: JournalInstance): boolean {
  const began = (step: string) => instance.steps.some((s) => s.step === step);
  if (run.journal.value.strategy === 'replace') return began('launch') && !isDone(instance, 'confirm');
  return began('stop') || began('detach');
}

async function rollbackOne(run: RunContext, instanceId: string, hooks: ExecutorHooks): Promise<void> {
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'rolling-back';
  });
  run.journal.begin(instanceId, 'rollback');
  hooks.onStep?.(instanceId, 'rollback', 'running');
  try {
    if (run.journal.value.strategy === 'replace') await rollbackReplace(run, instanceId);
    else await rollbackInstance(run, instanceId);
  } catch (error) {
    if (run.signal.aborted) throw error;
    const apiError = toApiError(error);
    run.journal.end(instanceId, 'rollback', 'failed', apiError.message);
    run.journal.updateInstance(instanceId, (i) => {
      i.status = 'failed';
      i.error = {
        code: apiError.code,
        message: `Rollback did not finish: ${apiError.message}`,
        hint: `Run the rollback again (envelope migrate --rollback ${run.journal.value.id}); it continues from what AWS shows.`,
      };
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

type Outcome = 'done' | 'failed' | 'paused';

const keyOf = (run: RunContext) => ({
  kms: run.ctx.kms,
  arn: run.journal.value.keyArn,
  label: run.journal.value.keyLabel,
  region: run.ctx.region,
});

// Runs the instance's steps from the first not done; stops at the first failure (rolling back if
// it must) or at an unconfirmed swap.
async function runSteps(
  run: RunContext,
  instanceId: string,
  steps: readonly MigrationStep[],
  hooks: ExecutorHooks,
): Promise<Outcome> {
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'running';
    delete i.error;
  });
  for (const step of steps) {
    const instance = run.journal.instance(instanceId);
    if (isDone(instance, step)) continue;
    if (step === 'confirm' && !instance.replace?.confirmedAt && !run.journal.value.autoConfirm) {
      run.journal.updateInstance(instanceId, (i) => {
        i.status = 'awaiting-confirmation';
      });
      return 'paused';
    }
    run.journal.begin(instanceId, step);
    hooks.onStep?.(instanceId, step, 'running');
    try {
      await STEPS[step](run, instanceId);
    } catch (error) {
      if (run.signal.aborted) throw error;
      // EC2 fails work under an unusable key after the call (a volume gone, an image failed): the
      // error names the key's state when that is the cause.
      const apiError = toApiError(await explainKeyFailure(error, keyOf(run)));
      if (run.signal.aborted) throw error;
      run.journal.end(instanceId, step, 'failed', apiError.message);
      hooks.onStep?.(instanceId, step, 'failed');
      run.journal.updateInstance(instanceId, (i) => {
        i.status = 'failed';
        i.error = {
          code: apiError.code,
          message: apiError.message,
          ...(apiError.hint ? { hint: apiError.hint } : {}),
        };
      });
      if (needsRollback(run, run.journal.instance(instanceId))) await rollbackOne(run, instanceId, hooks);
      return 'failed';
    }
    run.journal.end(instanceId, step, 'done');
    hooks.onStep?.(instanceId, step, 'done');
  }
  return 'done';
}

// True when the instance was rolling back: the rollback is finished instead of the migration.
async function resumeRollback(run: RunContext, instanceId: string, hooks: ExecutorHooks): Promise<boolean> {
  const start = run.journal.instance(instanceId);
  // A rollback once begun is finished, never turned back into a migration.
  const rollbackBegun = start.steps.some((s) => s.step === 'rollback');
  if (start.status === 'rolling-back' || (rollbackBegun && start.status === 'failed')) {
    await rollbackOne(run, instanceId, hooks);
    return true;
  }
  return false;
}

const RUNNABLE = new Set(['pending', 'running', 'failed', 'awaiting-confirmation']);

async function runSwapInstance(run: RunContext, instanceId: string, hooks: ExecutorHooks): Promise<void> {
  if (await resumeRollback(run, instanceId, hooks)) return;
  if (!RUNNABLE.has(run.journal.instance(instanceId).status)) return;
  if ((await runSteps(run, instanceId, SWAP_STEPS, hooks)) !== 'done') return;
  run.journal.updateInstance(instanceId, (i) => {
    i.status = 'verified';
  });
}

const NODE_STEPS = REPLACE_STEPS.filter((s) => !REPLACE_ONLINE_STEPS.includes(s));

async function executeReplace(run: RunContext, hooks: ExecutorHooks): Promise<void> {
  const ids = run.journal.value.instances.map((i) => i.instanceId);
  const rolledBack = new Set<string>();
  // Online for every instance at once: image, encrypted copy.
  const online = await Promise.allSettled(
    ids.map(async (id) => {
      if (await resumeRollback(run, id, hooks)) {
        rolledBack.add(id);
        return;
      }
      if (!RUNNABLE.has(run.journal.instance(id).status)) return;
      if ((await runSteps(run, id, REPLACE_ONLINE_STEPS, hooks)) !== 'done') return;
      // Waiting for its turn in the node-by-node part.
      run.journal.updateInstance(id, (i) => {
        i.status = 'pending';
      });
    }),
  );
  const crashed = online.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (crashed) throw crashed.reason;
  // Node by node, in the order asked; a failed or unconfirmed node holds the ones after it.
  for (const id of ids) {
    if (rolledBack.has(id)) continue;
    const status = run.journal.instance(id).status;
    if (status === 'verified' || status === 'rolled-back' || status === 'cleaned-up') continue;
    if (status === 'failed' || !RUNNABLE.has(status)) return;
    if ((await runSteps(run, id, NODE_STEPS, hooks)) !== 'done') return;
    run.journal.updateInstance(id, (i) => {
      i.status = 'verified';
    });
  }
}

function settle(run: RunContext): void {
  run.journal.update((j) => {
    const statuses = j.instances.map((i) => i.status);
    if (statuses.every((s) => s === 'verified')) j.status = 'verified';
    else if (statuses.includes('awaiting-confirmation') && !statuses.includes('failed'))
      j.status = 'awaiting-confirmation';
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
  if (run.journal.value.strategy === 'replace') {
    await executeReplace(run, hooks);
  } else {
    const results = await Promise.allSettled(
      run.journal.value.instances.map((i) => runSwapInstance(run, i.instanceId, hooks)),
    );
    const crashed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (crashed) throw crashed.reason;
  }
  settle(run);
}

// The user confirms the swap of the instance waiting for it (node by node: only that one); the
// next executeMigration stops its original and goes on to the next node.
export function confirmNode(journal: Journal, instanceId: string | undefined, now: number): void {
  const waiting = awaitingConfirmation(journal.value);
  if (!waiting) {
    throw new AppError(
      'nothing-to-confirm',
      `${journal.value.id} is ${journal.value.status}; no instance is waiting for a confirmation.`,
    );
  }
  if (instanceId && instanceId !== waiting.instanceId) {
    throw new AppError(
      'nothing-to-confirm',
      `${instanceId} is not waiting for a confirmation; ${waiting.instanceId} is (node by node, in order).`,
    );
  }
  journal.updateInstance(waiting.instanceId, (i) => {
    if (i.replace) i.replace.confirmedAt = now;
    i.status = 'running';
  });
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

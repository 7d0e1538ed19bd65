// Cleanup, only when the user confirms it and only after verification (or after a rollback): a
// verified instance's originals and the migration's snapshots are deleted; a rolled-back
// instance's replacements and snapshots are deleted (the originals are back in service and stay).
// It is a journaled step like the others, and a resource already gone counts as deleted.
import { DeleteSnapshotCommand, DeleteVolumeCommand } from '@aws-sdk/client-ec2';
import type { JournalInstance } from '../../../shared/domain/migration';
import { AppError } from '../errors/app-error';
import { toApiError } from '../errors/to-api-error';
import type { MigrationContext } from './migration-context';
import type { RunContext } from './run-context';

const GONE = new Set(['InvalidVolume.NotFound', 'InvalidSnapshot.NotFound']);

async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!GONE.has((error as { name?: string }).name ?? '')) throw error;
  }
}

export function cleanupTargets(instance: JournalInstance): { volumes: string[]; snapshots: string[] } {
  const snapshots = [
    ...new Set(
      instance.volumes
        .flatMap((v) => [v.onlineSnapshotId, v.finalSnapshotId])
        .filter((s): s is string => !!s),
    ),
  ];
  if (instance.status === 'verified')
    return { volumes: instance.volumes.map((v) => v.originalVolumeId), snapshots };
  if (instance.status === 'rolled-back') {
    return {
      volumes: instance.volumes.flatMap((v) => (v.replacementVolumeId ? [v.replacementVolumeId] : [])),
      snapshots,
    };
  }
  return { volumes: [], snapshots: [] };
}

async function deleteAll(
  ctx: MigrationContext,
  targets: { volumes: string[]; snapshots: string[] },
  signal: AbortSignal,
) {
  for (const id of targets.volumes) {
    await ignoreGone(ctx.ec2.send(new DeleteVolumeCommand({ VolumeId: id }), { abortSignal: signal }));
  }
  for (const id of targets.snapshots) {
    await ignoreGone(ctx.ec2.send(new DeleteSnapshotCommand({ SnapshotId: id }), { abortSignal: signal }));
  }
}

export async function cleanupMigration(run: RunContext): Promise<void> {
  const journal = run.journal.value;
  const eligible = journal.instances.filter((i) => i.status === 'verified' || i.status === 'rolled-back');
  if (eligible.length === 0) {
    throw new AppError(
      'cleanup-refused',
      `Nothing of ${journal.id} can be cleaned up: no instance is verified or rolled back.`,
      'Resume or roll back the migration first.',
    );
  }
  for (const instance of eligible) {
    run.journal.begin(instance.instanceId, 'cleanup');
    try {
      await deleteAll(run.ctx, cleanupTargets(instance), run.signal);
    } catch (error) {
      if (run.signal.aborted) throw error;
      run.journal.end(instance.instanceId, 'cleanup', 'failed', toApiError(error).message);
      throw error;
    }
    run.journal.end(instance.instanceId, 'cleanup', 'done');
    run.journal.updateInstance(instance.instanceId, (i) => {
      i.status = 'cleaned-up';
    });
  }
  run.journal.update((j) => {
    if (j.instances.every((i) => i.status === 'cleaned-up')) j.status = 'cleaned-up';
  });
}

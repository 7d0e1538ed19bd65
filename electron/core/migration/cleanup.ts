// Cleanup, only when the user confirms it and only after verification (or after a rollback): a
// verified instance's originals and the migration's snapshots are deleted; a rolled-back
// instance's replacements and snapshots are deleted (the originals are back in service and stay).
// It is a journaled step like the others, and a resource already gone counts as deleted. The
// replace strategy: a verified instance's original is terminated (its volumes deleted) and its
// unencrypted image deregistered; a rolled-back one loses both images; encrypted images are kept
// after a verified replace, as the image the replacements came from.
import {
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { JournalInstance } from '../../../shared/domain/migration';
import { AppError } from '../errors/app-error';
import { toApiError } from '../errors/to-api-error';
import type { MigrationContext } from './migration-context';
import type { RunContext } from './run-context';
import { waitInstanceTerminated } from './waits';

const GONE = new Set([
  'InvalidVolume.NotFound',
  'InvalidSnapshot.NotFound',
  'InvalidAMIID.NotFound',
  'InvalidAMIID.Unavailable',
  'InvalidInstanceID.NotFound',
]);

async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!GONE.has((error as { name?: string }).name ?? '')) throw error;
  }
}

export interface CleanupTargets {
  readonly instances: string[]; // terminated first
  readonly images: string[]; // deregistered before their snapshots are deleted
  readonly volumes: string[];
  readonly snapshots: string[];
}

function replaceTargets(instance: JournalInstance): CleanupTargets {
  const r = instance.replace;
  const online = instance.volumes.flatMap((v) => (v.onlineSnapshotId ? [v.onlineSnapshotId] : []));
  const encrypted = instance.volumes.flatMap((v) => (v.finalSnapshotId ? [v.finalSnapshotId] : []));
  if (instance.status === 'verified') {
    return {
      instances: [instance.instanceId],
      images: r?.sourceImageId ? [r.sourceImageId] : [],
      volumes: instance.volumes.map((v) => v.originalVolumeId),
      snapshots: online,
    };
  }
  if (instance.status === 'rolled-back') {
    return {
      instances: [],
      images: [r?.sourceImageId, r?.encryptedImageId].filter((i): i is string => !!i),
      volumes: [],
      snapshots: [...online, ...encrypted],
    };
  }
  return { instances: [], images: [], volumes: [], snapshots: [] };
}

export function cleanupTargets(instance: JournalInstance): CleanupTargets {
  if (instance.replace) return replaceTargets(instance);
  const snapshots = [
    ...new Set(
      instance.volumes
        .flatMap((v) => [v.onlineSnapshotId, v.finalSnapshotId])
        .filter((s): s is string => !!s),
    ),
  ];
  const none = { instances: [], images: [] };
  if (instance.status === 'verified')
    return { ...none, volumes: instance.volumes.map((v) => v.originalVolumeId), snapshots };
  if (instance.status === 'rolled-back') {
    return {
      ...none,
      volumes: instance.volumes.flatMap((v) => (v.replacementVolumeId ? [v.replacementVolumeId] : [])),
      snapshots,
    };
  }
  return { ...none, volumes: [], snapshots: [] };
}

async function deleteAll(ctx: MigrationContext, targets: CleanupTargets, signal: AbortSignal) {
  for (const id of targets.instances) {
    await ignoreGone(
      ctx.ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }), { abortSignal: signal }),
    );
    // Its volumes that do not go with it are deleted below, once it has let go of them.
    await waitInstanceTerminated(ctx, id, signal);
  }
  for (const id of targets.images) {
    await ignoreGone(ctx.ec2.send(new DeregisterImageCommand({ ImageId: id }), { abortSignal: signal }));
  }
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

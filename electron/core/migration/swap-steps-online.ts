// The first half of the swap: snapshots while the instance runs, one stop, the final incremental
// snapshots, and the encrypted replacements created from the FINAL snapshots. Each step first
// looks at what AWS already has (journal ids, then tags, then client tokens), so running a step
// again after a crash creates nothing twice.
import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  StopInstancesCommand,
  type VolumeType,
} from '@aws-sdk/client-ec2';
import type { JournalVolume } from '../../../shared/domain/migration';
import { AppError } from '../errors/app-error';
import { setVolume, volumesOf, type RunContext, type StepImpl } from './run-context';
import {
  describeSnapshot,
  describeVolume,
  findSnapshot,
  findVolume,
  migrationTags,
  TAG_ORIGIN,
} from './tags';
import {
  describeInstance,
  waitInstanceRunning,
  waitInstanceStopped,
  waitSnapshots,
  waitVolumesAvailable,
} from './waits';

type SnapshotField = 'onlineSnapshotId' | 'finalSnapshotId';

async function snapshotAll(run: RunContext, instanceId: string, step: string, field: SnapshotField) {
  const migrationId = run.journal.value.id;
  const ids = await Promise.all(
    volumesOf(run, instanceId).map(async (volume) => {
      const known = volume[field];
      if (known) {
        const snapshot = await describeSnapshot(run.ctx, known);
        if (snapshot && snapshot.State !== 'error') return known;
      }
      const found = await findSnapshot(run.ctx, migrationId, step, volume.originalVolumeId);
      let id = found?.SnapshotId;
      if (!id) {
        const created = await run.ctx.ec2.send(
          new CreateSnapshotCommand({
            VolumeId: volume.originalVolumeId,
            Description: `Envelope ${migrationId} ${step} of ${volume.originalVolumeId} (${instanceId} ${volume.device})`,
            TagSpecifications: [
              { ResourceType: 'snapshot', Tags: migrationTags(migrationId, step, volume.originalVolumeId) },
            ],
          }),
          { abortSignal: run.signal },
        );
        id = created.SnapshotId ?? '';
      }
      const snapshotId = id;
      setVolume(run, instanceId, volume.originalVolumeId, (v) => {
        v[field] = snapshotId;
      });
      return snapshotId;
    }),
  );
  const totalGiB = volumesOf(run, instanceId).reduce((sum, v) => sum + v.sizeGiB, 0);
  await waitSnapshots(run.ctx, ids, totalGiB, run.signal);
}

export const snapshotOnline: StepImpl = (run, instanceId) =>
  snapshotAll(run, instanceId, 'snapshot-online', 'onlineSnapshotId');

// One stop per instance. A stopped instance (never running, or already stopped by a previous run)
// is left as it is; stoppedAt is journaled before StopInstances so the downtime timer starts there.
export const stopInstance: StepImpl = async (run, instanceId) => {
  const state = (await describeInstance(run.ctx, instanceId))?.State?.Name;
  if (state === 'pending') await waitInstanceRunning(run.ctx, instanceId, run.signal);
  if (state === 'running' || state === 'pending') {
    run.journal.updateInstance(instanceId, (i) => {
      i.stoppedAt ??= run.ctx.now();
    });
    await run.ctx.ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }), {
      abortSignal: run.signal,
    });
  }
  await waitInstanceStopped(run.ctx, instanceId, run.signal);
};

// After the stop nothing writes: the final snapshot holds every block. For an instance that was
// stopped all along the online snapshot already is final.
export const snapshotFinal: StepImpl = async (run, instanceId) => {
  if (!run.journal.instance(instanceId).wasRunning) {
    for (const v of volumesOf(run, instanceId)) {
      setVolume(run, instanceId, v.originalVolumeId, (d) => {
        d.finalSnapshotId = v.onlineSnapshotId;
      });
    }
    return;
  }
  await snapshotAll(run, instanceId, 'snapshot-final', 'finalSnapshotId');
};

// EC2 client tokens: at most 64 ASCII characters, unique per request.
const tokenFor = (migrationId: string, volume: JournalVolume) =>
  `${migrationId}:${volume.originalVolumeId}:${volume.attempt ?? 0}`.slice(0, 64);

async function replacementFor(run: RunContext, instanceId: string, volume: JournalVolume): Promise<string> {
  const migrationId = run.journal.value.id;
  if (volume.replacementVolumeId) {
    const existing = await describeVolume(run.ctx, volume.replacementVolumeId);
    const state = existing?.State;
    if (state === 'creating' || state === 'available' || state === 'in-use')
      return volume.replacementVolumeId;
    // The earlier attempt went away (EBS drops a volume whose key it cannot use): try again.
    setVolume(run, instanceId, volume.originalVolumeId, (v) => {
      v.attempt = (v.attempt ?? 0) + 1;
      delete v.replacementVolumeId;
    });
    volume = { ...volume, attempt: (volume.attempt ?? 0) + 1 };
  } else {
    const found = await findVolume(run.ctx, migrationId, 'create-volumes', volume.originalVolumeId);
    if (found?.VolumeId) return found.VolumeId;
  }
  const journal = run.journal.value;
  const created = await run.ctx.ec2.send(
    new CreateVolumeCommand({
      ClientToken: tokenFor(migrationId, volume),
      AvailabilityZone: run.journal.instance(instanceId).availabilityZone,
      SnapshotId: volume.finalSnapshotId,
      Size: volume.sizeGiB,
      VolumeType: volume.volumeType as VolumeType,
      ...(volume.iops !== undefined ? { Iops: volume.iops } : {}),
      ...(volume.throughput !== undefined ? { Throughput: volume.throughput } : {}),
      ...(volume.multiAttachEnabled ? { MultiAttachEnabled: true } : {}),
      Encrypted: true,
      KmsKeyId: journal.keyArn,
      TagSpecifications: [
        {
          ResourceType: 'volume',
          Tags: [
            ...volume.tags.filter((t) => t.Key !== TAG_ORIGIN),
            ...migrationTags(migrationId, 'create-volumes', volume.originalVolumeId),
          ],
        },
      ],
    }),
    { abortSignal: run.signal },
  );
  return created.VolumeId ?? '';
}

export const createVolumes: StepImpl = async (run, instanceId) => {
  const ids = await Promise.all(
    volumesOf(run, instanceId).map(async (volume) => {
      if (!volume.finalSnapshotId)
        throw new AppError('internal', `No final snapshot of ${volume.originalVolumeId}.`);
      const id = await replacementFor(run, instanceId, volume);
      setVolume(run, instanceId, volume.originalVolumeId, (v) => {
        v.replacementVolumeId = id;
      });
      return id;
    }),
  );
  // A key EBS cannot use fails here, at the next poll (the volume goes 'deleted' and disappears);
  // the executor names the key's state (key-cause.ts) and rolls the instance back.
  await waitVolumesAvailable(run.ctx, ids, run.signal);
};

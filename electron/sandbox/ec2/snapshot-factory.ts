// New snapshots of a volume (CreateSnapshot, CreateImage). A volume's first snapshot copies the
// whole volume; later ones copy only the blocks written since the previous one (write-model.ts).
// A snapshot is point-in-time: the change counter restarts when it starts, not when it completes.
import type { CallContext } from '../context';
import { mintSnapshotId } from '../ids';
import type { Snapshot, Tag, Volume } from '../world';
import { accrueWrites } from './write-model';

// Even a snapshot with no changed blocks takes a few seconds to register.
export const MIN_SNAPSHOT_MS = 5_000;

export function durationMs(dataGiB: number, gibPerSecond: number): number {
  return Math.max(MIN_SNAPSHOT_MS, Math.round((dataGiB / gibPerSecond) * 1000));
}

export function snapshotVolume(ctx: CallContext, volume: Volume, description: string, tags: Tag[]): Snapshot {
  const now = ctx.clock.now();
  accrueWrites(ctx.world, volume, now);
  const dataGiB = volume.lastSnapshotId ? volume.changedGiBSinceSnapshot : volume.sizeGiB;
  const snapshot: Snapshot = {
    snapshotId: mintSnapshotId(ctx.world),
    accountId: ctx.accountId,
    region: ctx.region,
    volumeId: volume.volumeId,
    volumeSizeGiB: volume.sizeGiB,
    description,
    encrypted: volume.encrypted,
    kmsKeyArn: volume.kmsKeyArn,
    state: 'pending',
    startTime: now,
    dataGiB,
    completesAt: now + durationMs(dataGiB, ctx.rates.snapshotGiBPerSecond),
    tags,
    createVolumePermissions: [],
  };
  ctx.world.snapshots.set(snapshot.snapshotId, snapshot);
  volume.lastSnapshotId = snapshot.snapshotId;
  volume.changedGiBSinceSnapshot = 0;
  volume.lastSnapshotAccountedAt = now;
  return snapshot;
}

// The per-volume write model behind incremental snapshots: a volume attached to a RUNNING instance
// changes writeRateGiBPerHour GiB per simulated hour, up to its size, since its last snapshot.
// accrueWrites must run before anything changes whether the volume is being written (attach,
// detach, start, stop), so the rate applies only to the time the state held.
import type { SandboxWorld, Volume } from '../world';

const MS_PER_HOUR = 3_600_000;

// GiB written per simulated hour by volumes created through the API (scenarios set their own).
export const DEFAULT_WRITE_RATE_GIB_PER_HOUR = 0.5;

export function isBeingWritten(world: SandboxWorld, volume: Volume): boolean {
  return volume.attachments.some(
    (a) => a.state === 'attached' && world.instances.get(a.instanceId)?.state === 'running',
  );
}

export function accrueWrites(world: SandboxWorld, volume: Volume, until: number): void {
  const since = volume.lastSnapshotAccountedAt ?? volume.createTime;
  if (until <= since) return;
  if (isBeingWritten(world, volume)) {
    const written = (volume.writeRateGiBPerHour * (until - since)) / MS_PER_HOUR;
    volume.changedGiBSinceSnapshot = Math.min(volume.sizeGiB, volume.changedGiBSinceSnapshot + written);
  }
  volume.lastSnapshotAccountedAt = until;
}

export function accrueInstanceVolumes(world: SandboxWorld, instanceId: string, until: number): void {
  const instance = world.instances.get(instanceId);
  if (!instance) return;
  for (const bd of instance.blockDevices) {
    const volume = world.volumes.get(bd.volumeId);
    if (volume) accrueWrites(world, volume, until);
  }
}

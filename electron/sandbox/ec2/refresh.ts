// Lazy time model: every EC2 handler first brings the world up to the clock's now, ending each
// transitional state whose time has come, in time order per resource. Durations come from
// ctx.rates (sandbox/config.ts).
import type { CallContext } from '../context';
import type { Image, Instance, SandboxWorld, Volume } from '../world';
import { takeInstanceFailure, takeVolumeFailure } from './deferred-failures';
import { accrueInstanceVolumes, accrueWrites } from './write-model';

// How long a volume that failed creation stays visible as 'deleted' before it disappears.
const DELETED_VOLUME_VISIBLE_MS = 10 * 60_000;

export function refresh(ctx: CallContext): void {
  const now = ctx.clock.now();
  const world = ctx.world;
  for (const instance of world.instances.values()) advanceInstance(world, instance, now);
  // Deleting the entry being visited is safe while iterating a Map, so no copy of 20,000 volumes.
  for (const volume of world.volumes.values()) advanceVolume(world, volume, now);
  for (const snapshot of world.snapshots.values()) {
    // Only pending snapshots change; most of a large world is completed.
    if (snapshot.state !== 'pending') continue;
    // A copy whose target key is disabled or scheduled for deletion while it runs cannot finish.
    // One that was doomed when CopySnapshot/CopyImage accepted it (stateMessage already set) stays
    // pending until its failure time: AWS answers the call and fails the copy later.
    const key = snapshot.kmsKeyArn ? world.kmsKeys.get(snapshot.kmsKeyArn) : undefined;
    if (snapshot.sourceSnapshotId && !snapshot.stateMessage && key && key.state !== 'Enabled') {
      snapshot.state = 'error';
      snapshot.stateMessage ??= 'The KMS key provided is in an incorrect state';
      continue;
    }
    if (snapshot.completesAt <= now) {
      snapshot.state = snapshot.stateMessage ? 'error' : 'completed';
    }
  }
  for (const image of world.images.values()) advanceImage(world, image, now, ctx.rates.imageRegisterMs);
}

function advanceInstance(world: SandboxWorld, instance: Instance, now: number): void {
  const endsAt = instance.stateEndsAt;
  if (endsAt === undefined || endsAt > now) return;
  accrueInstanceVolumes(world, instance.instanceId, endsAt);
  instance.stateEndsAt = undefined;
  if (instance.state === 'pending') {
    const failed = takeInstanceFailure(instance);
    if (!failed) {
      instance.state = 'running';
      instance.stateReason = undefined;
      return;
    }
    instance.state = failed.endState;
    instance.stateReason = failed.failure;
    if (failed.endState === 'terminated') releaseVolumes(world, instance);
  } else if (instance.state === 'shutting-down') {
    instance.state = 'terminated';
    releaseVolumes(world, instance);
  } else if (instance.state === 'stopping') {
    instance.state = 'stopped';
    instance.stateReason = {
      code: 'Client.UserInitiatedShutdown',
      message: 'Client.UserInitiatedShutdown: User initiated shutdown',
    };
  }
}

// A terminated instance deletes its DeleteOnTermination volumes and detaches the others.
function releaseVolumes(world: SandboxWorld, instance: Instance): void {
  for (const bd of instance.blockDevices) {
    const volume = world.volumes.get(bd.volumeId);
    if (!volume) continue;
    if (bd.deleteOnTermination) {
      world.volumes.delete(volume.volumeId);
      continue;
    }
    volume.attachments = volume.attachments.filter((a) => a.instanceId !== instance.instanceId);
    if (volume.attachments.length === 0) volume.state = 'available';
  }
  instance.blockDevices = [];
}

function advanceVolume(world: SandboxWorld, volume: Volume, now: number): void {
  const endsAt = volume.stateEndsAt;
  if (endsAt !== undefined && endsAt <= now) {
    volume.stateEndsAt = undefined;
    if (volume.state === 'deleted') {
      world.volumes.delete(volume.volumeId);
      return;
    }
    if (volume.state === 'creating') {
      if (takeVolumeFailure(volume)) {
        volume.state = 'deleted';
        volume.stateEndsAt = endsAt + DELETED_VOLUME_VISIBLE_MS;
        return;
      }
      volume.state = volume.attachments.length > 0 ? 'in-use' : 'available';
    }
  }
  if (volume.attachments.length > 0) advanceAttachments(world, volume, now);
  if (volume.state === 'in-use' && volume.attachments.length === 0) volume.state = 'available';
  accrueWrites(world, volume, now);
}

function advanceAttachments(world: SandboxWorld, volume: Volume, now: number): void {
  for (const attachment of [...volume.attachments]) {
    const ends = attachment.stateEndsAt;
    if (ends === undefined || ends > now) continue;
    accrueWrites(world, volume, ends);
    attachment.stateEndsAt = undefined;
    if (attachment.state === 'attaching') attachment.state = 'attached';
    else if (attachment.state === 'detaching') {
      volume.attachments = volume.attachments.filter((a) => a !== attachment);
      const instance = world.instances.get(attachment.instanceId);
      if (instance)
        instance.blockDevices = instance.blockDevices.filter((b) => b.volumeId !== volume.volumeId);
    }
  }
}

// An AMI is available imageRegisterMs after its last snapshot completes, failed if one errs.
function advanceImage(world: SandboxWorld, image: Image, now: number, registerMs: number): void {
  if (image.state !== 'pending') return;
  let readyAt = image.creationDate;
  for (const bd of image.blockDevices) {
    if (!bd.ebs) continue;
    const snapshot = world.snapshots.get(bd.ebs.snapshotId);
    if (!snapshot || snapshot.state === 'error') {
      image.state = 'failed';
      image.stateReason = {
        code: 'Client.SnapshotError',
        message: snapshot?.stateMessage ?? `Snapshot ${bd.ebs.snapshotId} does not exist.`,
      };
      return;
    }
    if (snapshot.state !== 'completed') return;
    readyAt = Math.max(readyAt, snapshot.completesAt);
  }
  if (readyAt + registerMs <= now) image.state = 'available';
}

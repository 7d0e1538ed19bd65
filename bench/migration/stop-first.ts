// The open tool's sequence (ec2cryptomatic), for comparison: stop; then per volume in turn:
// snapshot, wait, encrypted volume from it, wait, detach, attach on the same device; then start.
// Returns the downtime in simulated seconds (stop sent → running).
import {
  AttachVolumeCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DetachVolumeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { MigrationContext } from '../../electron/core/migration/migration-context';
import {
  waitAttached,
  waitInstanceRunning,
  waitInstanceStopped,
  waitSnapshots,
  waitVolumesAvailable,
} from '../../electron/core/migration/waits';

export async function stopFirstDowntime(
  ctx: MigrationContext,
  instanceId: string,
  keyArn: string,
): Promise<number> {
  const signal = new AbortController().signal;
  const described = await ctx.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = described.Reservations?.[0]?.Instances?.[0];
  const mappings = instance?.BlockDeviceMappings ?? [];
  const stoppedAt = ctx.now();
  await ctx.ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
  await waitInstanceStopped(ctx, instanceId, signal);
  for (const m of mappings) {
    const volumeId = m.Ebs?.VolumeId ?? '';
    const snapshot = await ctx.ec2.send(new CreateSnapshotCommand({ VolumeId: volumeId }));
    await waitSnapshots(ctx, [snapshot.SnapshotId ?? ''], 256, signal);
    const volume = await ctx.ec2.send(
      new CreateVolumeCommand({
        SnapshotId: snapshot.SnapshotId,
        AvailabilityZone: instance?.Placement?.AvailabilityZone,
        Encrypted: true,
        KmsKeyId: keyArn,
        VolumeType: 'gp3',
      }),
    );
    await waitVolumesAvailable(ctx, [volume.VolumeId ?? ''], signal);
    await ctx.ec2.send(new DetachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId }));
    await waitVolumesAvailable(ctx, [volumeId], signal);
    await ctx.ec2.send(
      new AttachVolumeCommand({ VolumeId: volume.VolumeId, InstanceId: instanceId, Device: m.DeviceName }),
    );
    await waitAttached(ctx, instanceId, [volume.VolumeId ?? ''], signal);
  }
  await ctx.ec2.send(new StartInstancesCommand({ InstanceIds: [instanceId] }));
  await waitInstanceRunning(ctx, instanceId, signal);
  return (ctx.now() - stoppedAt) / 1000;
}

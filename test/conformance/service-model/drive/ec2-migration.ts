// EC2 as the app drives it on avi-lab: the inventory's reads, the encryption defaults, and one
// instance's migration (stop, snapshot, encrypted volume, swap, start), an AMI's encrypted copy and
// deregistration, a launch and termination; plus the NotFound answers the app handles.
import {
  AttachVolumeCommand,
  CopyImageCommand,
  CreateImageCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeRegionsCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  DetachVolumeCommand,
  DisableEbsEncryptionByDefaultCommand,
  EnableEbsEncryptionByDefaultCommand,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  ModifyEbsDefaultKmsKeyIdCommand,
  ModifyInstanceAttributeCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
  ResetEbsDefaultKmsKeyIdCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilImageAvailable,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
  waitUntilSnapshotCompleted,
} from '@aws-sdk/client-ec2';
import { paginateListGrants } from '@aws-sdk/client-kms';
import type { AviLabIds } from '../../../../electron/sandbox/scenarios/avi-lab';
import { allPages, expectError, settle, type DriveContext } from './context';

// Long enough for any transition in avi-lab: a 256 GiB copy at 0.05 GiB/s takes 85 minutes.
const HOURS = 6 * 3_600_000;
// The waiters' first poll already sees the state (the clock was moved before): bounded anyway.
const waiter = (ctx: DriveContext) => ({ client: ctx.ec2, maxWaitTime: 30, minDelay: 1, maxDelay: 1 });

export async function driveEc2Reads(ctx: DriveContext): Promise<void> {
  const { ec2 } = ctx;
  await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
  await ec2.send(new DescribeRegionsCommand({}));
  const instances = (await allPages(paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})))
    .flatMap((page) => page.Reservations ?? [])
    .flatMap((r) => r.Instances ?? []);
  const types = [...new Set(instances.map((i) => i.InstanceType).filter((t) => t !== undefined))];
  await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: types }));
  await allPages(paginateDescribeVolumes({ client: ec2, pageSize: 5 }, {}));
  await allPages(paginateDescribeSnapshots({ client: ec2, pageSize: 5 }, { OwnerIds: ['self'] }));
  await allPages(paginateDescribeImages({ client: ec2, pageSize: 5 }, { Owners: ['self'] }));
  await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
  await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
  await expectError(
    ec2.send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'] })),
    'InvalidVolume.NotFound',
  );
  await expectError(
    ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ['snap-0123456789abcdef0'] })),
    'InvalidSnapshot.NotFound',
  );
  await expectError(
    ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
    'InvalidInstanceID.NotFound',
  );
}

export async function driveEc2Defaults(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { ec2 } = ctx;
  await ec2.send(new ModifyEbsDefaultKmsKeyIdCommand({ KmsKeyId: ids.labKeyArn }));
  await ec2.send(new GetEbsDefaultKmsKeyIdCommand({}));
  await ec2.send(new ResetEbsDefaultKmsKeyIdCommand({}));
  await ec2.send(new DisableEbsEncryptionByDefaultCommand({}));
  await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
}

// One controller moved to an encrypted root volume, as the swap executor does it.
export async function driveEc2Swap(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { ec2 } = ctx;
  const instanceId = ids.controllerInstanceIds[0] ?? '';
  const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = described.Reservations?.[0]?.Instances?.[0];
  const mapping = instance?.BlockDeviceMappings?.[0];
  const device = mapping?.DeviceName ?? '/dev/xvda';
  const originalVolumeId = mapping?.Ebs?.VolumeId ?? '';
  const zone = instance?.Placement?.AvailabilityZone;

  await ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
  await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })); // stopping
  ctx.advance(HOURS);
  await waitUntilInstanceStopped(waiter(ctx), { InstanceIds: [instanceId] });

  const snapshot = await ec2.send(
    new CreateSnapshotCommand({
      VolumeId: originalVolumeId,
      Description: 'envelope conformance',
      TagSpecifications: [
        { ResourceType: 'snapshot', Tags: [{ Key: 'envelope:job', Value: 'conformance' }] },
      ],
    }),
  );
  const snapshotId = snapshot.SnapshotId ?? '';
  await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] })); // pending, with progress
  ctx.advance(HOURS);
  await waitUntilSnapshotCompleted(waiter(ctx), { SnapshotIds: [snapshotId] });

  const volume = await ec2.send(
    new CreateVolumeCommand({
      SnapshotId: snapshotId,
      AvailabilityZone: zone,
      Encrypted: true,
      KmsKeyId: ids.labKeyArn,
      VolumeType: 'gp3',
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'envelope:job', Value: 'conformance' }] }],
    }),
  );
  const volumeId = volume.VolumeId ?? '';
  await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })); // creating
  ctx.advance(HOURS);
  await ec2.send(new DetachVolumeCommand({ VolumeId: originalVolumeId, InstanceId: instanceId }));
  await ec2.send(new DescribeVolumesCommand({ VolumeIds: [originalVolumeId] })); // detaching
  ctx.advance(HOURS);
  await ec2.send(new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId, Device: device }));
  await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] })); // attaching
  ctx.advance(HOURS);
  await ec2.send(
    new ModifyInstanceAttributeCommand({
      InstanceId: instanceId,
      BlockDeviceMappings: [{ DeviceName: device, Ebs: { VolumeId: volumeId, DeleteOnTermination: true } }],
    }),
  );
  await ec2.send(new StartInstancesCommand({ InstanceIds: [instanceId] }));
  ctx.advance(HOURS);
  await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] })); // running, encrypted root
  // The grants EC2 holds on the key for the attached encrypted volume, as the key checks read them.
  await allPages(paginateListGrants({ client: ctx.kms }, { KeyId: ids.labKeyArn }));
  await ec2.send(new DeleteVolumeCommand({ VolumeId: originalVolumeId }));
  await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
  // A second delete (a resumed rollback's): NotFound, or the deleting volume's state; either is
  // checked for its shape.
  await settle(ec2.send(new DeleteVolumeCommand({ VolumeId: originalVolumeId })));
}

// An AMI of a controller, its encrypted copy, a launch from the copy, and the clean-up.
export async function driveEc2Images(ctx: DriveContext, ids: AviLabIds): Promise<void> {
  const { ec2 } = ctx;
  const instanceId = ids.controllerInstanceIds[1] ?? '';
  // Another account's AMI, by id and by filter, then its snapshots (not shared with this account:
  // the app then leaves the image's key unknown), and the images this account may launch.
  const vendor = await ec2.send(new DescribeImagesCommand({ ImageIds: [ids.controllerImageId] }));
  await ec2.send(
    new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: [ids.controllerImageId] }] }),
  );
  const vendorSnapshots = (vendor.Images?.[0]?.BlockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
  );
  if (vendorSnapshots.length > 0)
    await settle(ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: vendorSnapshots })));
  await allPages(paginateDescribeImages({ client: ec2, pageSize: 5 }, { ExecutableUsers: ['self'] }));
  await ec2.send(
    new DescribeImageAttributeCommand({ ImageId: ids.seImageIds[0], Attribute: 'launchPermission' }),
  );
  const created = await ec2.send(
    new CreateImageCommand({ InstanceId: instanceId, Name: 'conformance-source' }),
  );
  const sourceId = created.ImageId ?? '';
  await ec2.send(new DescribeImagesCommand({ ImageIds: [sourceId] })); // pending
  ctx.advance(HOURS);
  await waitUntilImageAvailable({ ...waiter(ctx) }, { ImageIds: [sourceId] });
  const copy = await ec2.send(
    new CopyImageCommand({
      SourceImageId: sourceId,
      SourceRegion: ctx.region,
      Name: 'conformance-encrypted',
      Encrypted: true,
      KmsKeyId: ids.labKeyArn,
    }),
  );
  const copyId = copy.ImageId ?? '';
  await ec2.send(new DescribeImagesCommand({ ImageIds: [copyId] })); // pending
  ctx.advance(HOURS);
  await waitUntilImageAvailable({ ...waiter(ctx) }, { ImageIds: [copyId] });
  const snapshotIds = (
    await ec2.send(new DescribeImagesCommand({ ImageIds: [copyId] }))
  ).Images?.[0]?.BlockDeviceMappings?.flatMap((m) => (m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []));
  await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: snapshotIds ?? [] }));

  const run = await ec2.send(
    new RunInstancesCommand({ ImageId: copyId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
  );
  const launchedId = run.Instances?.[0]?.InstanceId ?? '';
  ctx.advance(HOURS);
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [launchedId] }));
  ctx.advance(HOURS);
  await waitUntilInstanceTerminated(waiter(ctx), { InstanceIds: [launchedId] });

  await ec2.send(new DeregisterImageCommand({ ImageId: sourceId }));
  await ec2.send(new DescribeImagesCommand({ ImageIds: [sourceId] })); // deregistered, for a while
  await expectError(
    ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0123456789abcdef0'] })),
    'InvalidAMIID.NotFound',
  );
}

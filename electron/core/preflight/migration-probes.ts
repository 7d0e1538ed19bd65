// The DryRun probes of a migration plan: each distinct mutating call the executor (and its
// rollback) makes, once per instance, on the instance and its first volume, with the target key.
// A call on a resource that does not exist yet is sent on the closest real one, and the row says so:
// - CreateVolume from the final snapshot: an empty encrypted volume of the same size, type and zone;
// - AttachVolume of the replacement: the original volume on its own device and instance (the
//   rollback's very call; DryRun does not look at the volume being attached now);
// - replace: CopyImage and RunInstances of the encrypted copy use the instance's own AMI, and
//   TerminateInstances of the replacement (the rollback) is sent on the original (DryRun only).
// Tags on create need ec2:CreateTags (EC2 user guide, "Grant permission to tag resources during
// creation"), so CreateTags is probed on the first volume.
import {
  AttachVolumeCommand,
  CopyImageCommand,
  CreateImageCommand,
  CreateSnapshotCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DescribeInstancesCommand,
  DetachVolumeCommand,
  ModifyInstanceAttributeCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
  type VolumeType,
} from '@aws-sdk/client-ec2';
import type { JournalInstance, MigrationStrategy } from '../../../shared/domain/migration';
import type { Probe } from './preflight-context';

export interface MigrationProbeInput {
  readonly region: string;
  readonly strategy: MigrationStrategy;
  readonly keyArn: string;
  readonly instances: readonly JournalInstance[];
}

const TAG = { Key: 'envelope:preflight', Value: 'dry-run' };

function swapProbes(ec2: EC2Client, instance: JournalInstance, keyArn: string): Probe[] {
  const id = instance.instanceId;
  const v = instance.volumes[0];
  if (!v) return [];
  const probe = (call: string, target: string, send: () => Promise<unknown>, note?: string): Probe => ({
    call,
    target,
    send,
    ...(note ? { note } : {}),
  });
  return [
    probe('ec2:CreateSnapshot', v.originalVolumeId, () =>
      ec2.send(new CreateSnapshotCommand({ VolumeId: v.originalVolumeId, DryRun: true })),
    ),
    probe(
      'ec2:CreateTags',
      v.originalVolumeId,
      () => ec2.send(new CreateTagsCommand({ Resources: [v.originalVolumeId], Tags: [TAG], DryRun: true })),
      'the snapshots and volumes are tagged when created, which needs ec2:CreateTags',
    ),
    ...(instance.wasRunning
      ? [
          probe('ec2:StopInstances', id, () =>
            ec2.send(new StopInstancesCommand({ InstanceIds: [id], DryRun: true })),
          ),
        ]
      : []),
    probe(
      'ec2:CreateVolume',
      `${instance.availabilityZone}, ${v.sizeGiB} GiB ${v.volumeType}, encrypted with ${keyArn}`,
      () =>
        ec2.send(
          new CreateVolumeCommand({
            AvailabilityZone: instance.availabilityZone,
            Size: v.sizeGiB,
            VolumeType: v.volumeType as VolumeType,
            ...(v.iops !== undefined ? { Iops: v.iops } : {}),
            ...(v.throughput !== undefined ? { Throughput: v.throughput } : {}),
            Encrypted: true,
            KmsKeyId: keyArn,
            DryRun: true,
          }),
        ),
      'the final snapshot does not exist yet: probed as an empty encrypted volume of the same size, type and zone',
    ),
    probe(`ec2:DetachVolume`, `${v.originalVolumeId} from ${id}`, () =>
      ec2.send(new DetachVolumeCommand({ VolumeId: v.originalVolumeId, InstanceId: id, DryRun: true })),
    ),
    probe(
      'ec2:AttachVolume',
      `${v.originalVolumeId} to ${id} as ${v.device}`,
      () =>
        ec2.send(
          new AttachVolumeCommand({
            VolumeId: v.originalVolumeId,
            InstanceId: id,
            Device: v.device,
            DryRun: true,
          }),
        ),
      'the replacement volume does not exist yet: probed with the original volume on its own device (the rollback makes exactly this call)',
    ),
    probe('ec2:ModifyInstanceAttribute', `${id} DeleteOnTermination of ${v.device}`, () =>
      ec2.send(
        new ModifyInstanceAttributeCommand({
          InstanceId: id,
          BlockDeviceMappings: [
            { DeviceName: v.device, Ebs: { DeleteOnTermination: v.deleteOnTermination } },
          ],
          DryRun: true,
        }),
      ),
    ),
    ...(instance.wasRunning
      ? [
          probe('ec2:StartInstances', id, () =>
            ec2.send(new StartInstancesCommand({ InstanceIds: [id], DryRun: true })),
          ),
        ]
      : []),
  ];
}

async function replaceProbes(
  ec2: EC2Client,
  region: string,
  instance: JournalInstance,
  keyArn: string,
): Promise<Probe[]> {
  const id = instance.instanceId;
  const found = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const imageId = found.Reservations?.[0]?.Instances?.[0]?.ImageId ?? '';
  const r = instance.replace;
  const stand = `the encrypted copy of ${id}'s image does not exist yet: probed with its own AMI ${imageId}`;
  return [
    {
      call: 'ec2:CreateImage',
      target: id,
      send: () =>
        ec2.send(
          new CreateImageCommand({
            InstanceId: id,
            Name: `envelope-preflight-${id}`,
            NoReboot: true,
            DryRun: true,
          }),
        ),
    },
    {
      call: 'ec2:CopyImage',
      target: `${imageId} encrypted with ${keyArn}`,
      note: stand,
      send: () =>
        ec2.send(
          new CopyImageCommand({
            SourceImageId: imageId,
            SourceRegion: region,
            Name: `envelope-preflight-${id}`,
            Encrypted: true,
            KmsKeyId: keyArn,
            DryRun: true,
          }),
        ),
    },
    {
      call: 'ec2:CreateTags',
      target: id,
      note: 'the image, its copy and the replacement are tagged, which needs ec2:CreateTags',
      send: () => ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [TAG], DryRun: true })),
    },
    {
      call: 'ec2:RunInstances',
      target: `${instance.instanceType} in ${r?.subnetId ?? instance.availabilityZone}`,
      note: stand,
      send: () =>
        ec2.send(
          new RunInstancesCommand({
            ImageId: imageId,
            InstanceType: instance.instanceType as never,
            MinCount: 1,
            MaxCount: 1,
            ...(r?.subnetId
              ? { SubnetId: r.subnetId }
              : { Placement: { AvailabilityZone: instance.availabilityZone } }),
            ...(r && r.securityGroupIds.length > 0 ? { SecurityGroupIds: r.securityGroupIds } : {}),
            ...(r?.instanceProfileArn ? { IamInstanceProfile: { Arn: r.instanceProfileArn } } : {}),
            ...(r?.keyName ? { KeyName: r.keyName } : {}),
            DryRun: true,
          }),
        ),
    },
    {
      call: 'ec2:StopInstances',
      target: id,
      send: () => ec2.send(new StopInstancesCommand({ InstanceIds: [id], DryRun: true })),
    },
    {
      call: 'ec2:TerminateInstances',
      target: id,
      note: 'the rollback terminates the replacement, which does not exist yet: probed on the original instance (DryRun changes nothing)',
      send: () => ec2.send(new TerminateInstancesCommand({ InstanceIds: [id], DryRun: true })),
    },
    {
      call: 'ec2:StartInstances',
      target: id,
      send: () => ec2.send(new StartInstancesCommand({ InstanceIds: [id], DryRun: true })),
    },
  ];
}

export async function migrationProbes(ec2: EC2Client, input: MigrationProbeInput): Promise<Probe[]> {
  const lists = await Promise.all(
    input.instances.map((i) =>
      input.strategy === 'replace'
        ? replaceProbes(ec2, input.region, i, input.keyArn)
        : Promise.resolve(swapProbes(ec2, i, input.keyArn)),
    ),
  );
  return lists.flat();
}

// Prechecks, all before any change: the instance exists in this region and is running or stopped,
// its root is EBS, its type does not say it refuses encrypted EBS volumes (DescribeInstanceTypes
// EbsInfo.EncryptionSupport; today every current and previous generation type answers 'supported',
// per the EBS user guide's "Supported instance types", so this only guards against a type AWS
// might describe otherwise; a type DescribeInstanceTypes does not describe is let through), which volumes the strategy selects (already-encrypted volumes are
// skipped, or, for a re-key, those already under the target key), Multi-Attach volumes shared with
// another instance are refused, and nothing to do is refused with a clear message. The replace
// strategy takes every volume (its replacement boots from an image of all of them) and records
// what the replacement must copy: subnet, security groups, instance profile, key pair, tags.
import {
  DescribeInstanceTypesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  type Instance,
  type Volume,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import type {
  JournalInstance,
  JournalVolume,
  MigrationStrategy,
  ReplaceState,
} from '../../../shared/domain/migration';
import { AppError } from '../errors/app-error';
import type { MigrationContext } from './migration-context';
import { clusterRoleOf } from './cluster-guidance';
import { sameKey } from '../../../shared/kms/key-reference';

async function describeInstances(ctx: MigrationContext, ids: readonly string[]): Promise<Instance[]> {
  try {
    const answer = await ctx.ec2.send(new DescribeInstancesCommand({ InstanceIds: [...ids] }));
    return (answer.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'InvalidInstanceID.NotFound' || name === 'InvalidInstanceID.Malformed') {
      throw new AppError(
        'instance-not-found',
        `${(error as Error).message.replace(/\.$/, '')} in ${ctx.region}.`,
        'Check the instance id and the region (--region); an instance is only visible in its own region.',
      );
    }
    throw error;
  }
}

async function encryptionSupport(
  ctx: MigrationContext,
  types: readonly string[],
): Promise<Map<string, string>> {
  const answer = await ctx.ec2.send(
    new DescribeInstanceTypesCommand({ InstanceTypes: [...new Set(types)] as _InstanceType[] }),
  );
  // A missing EbsInfo is not a refusal: only an explicit 'unsupported' is.
  return new Map(
    (answer.InstanceTypes ?? []).map((t) => [
      t.InstanceType ?? '',
      t.EbsInfo?.EncryptionSupport ?? 'supported',
    ]),
  );
}

const nameOf = (instance: Instance) => instance.Tags?.find((t) => t.Key === 'Name')?.Value;

// Replacement tags: the original's, except AWS-reserved aws:* keys and our own envelope:* ones.
export function copiedTags(volume: Volume): { Key: string; Value: string }[] {
  return (volume.Tags ?? [])
    .filter((t) => t.Key && !t.Key.startsWith('aws:') && !t.Key.startsWith('envelope:'))
    .map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' }));
}

function selectVolume(
  strategy: MigrationStrategy,
  volume: Volume,
  keyArn: string,
): { selected: true } | { selected: false; reason: string } {
  // Replace: the replacement is launched from an image of every volume, so every volume goes.
  if (strategy === 'replace') return { selected: true };
  if (volume.Encrypted && sameKey(volume.KmsKeyId, keyArn))
    return { selected: false, reason: 'already encrypted with the target key' };
  if (strategy === 'swap' && volume.Encrypted) {
    return {
      selected: false,
      reason: `already encrypted (with ${volume.KmsKeyId ?? 'a key'}); use --strategy rekey to move it`,
    };
  }
  if (strategy === 'rekey' && !volume.Encrypted)
    return { selected: false, reason: 'not encrypted; use --strategy swap' };
  return { selected: true };
}

export async function precheckInstances(
  ctx: MigrationContext,
  instanceIds: readonly string[],
  strategy: MigrationStrategy,
  keyArn: string,
): Promise<JournalInstance[]> {
  const unique = [...new Set(instanceIds)];
  const instances = await describeInstances(ctx, unique);
  const support = await encryptionSupport(
    ctx,
    instances.map((i) => i.InstanceType ?? ''),
  );
  const volumeIds = instances.flatMap((i) => (i.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId ?? ''));
  const volumes = new Map<string, Volume>();
  if (volumeIds.length > 0) {
    const answer = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: volumeIds.filter(Boolean) }));
    for (const v of answer.Volumes ?? []) volumes.set(v.VolumeId ?? '', v);
  }
  return unique.map((id) => {
    const instance = instances.find((i) => i.InstanceId === id);
    if (!instance) throw new AppError('instance-not-found', `There is no instance ${id} in ${ctx.region}.`);
    return checkOne(instance, support, volumes, strategy, keyArn);
  });
}

function checkOne(
  instance: Instance,
  support: Map<string, string>,
  volumes: Map<string, Volume>,
  strategy: MigrationStrategy,
  keyArn: string,
): JournalInstance {
  const id = instance.InstanceId ?? '';
  const state = instance.State?.Name ?? 'unknown';
  const type = instance.InstanceType ?? '';
  if (state !== 'running' && state !== 'stopped') {
    throw new AppError(
      'instance-state',
      `${id} is ${state}; only a running or stopped instance can be migrated.`,
      state === 'pending' || state === 'stopping' ? 'Wait until it is running or stopped.' : undefined,
    );
  }
  if (instance.RootDeviceType === 'instance-store') {
    throw new AppError(
      'instance-store-root',
      `${id} has an instance-store root device; its root cannot be moved to an encrypted EBS volume.`,
      'Rebuild it from an EBS-backed AMI (the replace strategy) instead.',
    );
  }
  if (support.get(type) === 'unsupported') {
    throw new AppError(
      'type-refuses-encryption',
      `${id} is a ${type}, which does not support encrypted EBS volumes.`,
      'Change the instance type to a current generation (stop it, then modify-instance-attribute --instance-type), then migrate.',
    );
  }
  const selected: JournalVolume[] = [];
  const skipped: JournalInstance['skipped'] = [];
  for (const mapping of instance.BlockDeviceMappings ?? []) {
    const device = mapping.DeviceName ?? '';
    const volume = volumes.get(mapping.Ebs?.VolumeId ?? '');
    if (!volume) continue;
    const choice = selectVolume(strategy, volume, keyArn);
    if (!choice.selected) {
      skipped.push({ device, volumeId: volume.VolumeId ?? '', reason: choice.reason });
      continue;
    }
    if ((volume.Attachments ?? []).some((a) => a.InstanceId !== id)) {
      throw new AppError(
        'multi-attach-shared',
        `${volume.VolumeId} (${device}) is Multi-Attach and also attached to another instance.`,
        'Detach it from the other instances first, or migrate them together by hand; Envelope will not swap a shared volume.',
      );
    }
    selected.push({
      device,
      originalVolumeId: volume.VolumeId ?? '',
      sizeGiB: volume.Size ?? 0,
      volumeType: volume.VolumeType ?? 'gp2',
      ...(volume.VolumeType === 'gp3' || volume.VolumeType?.startsWith('io') ? { iops: volume.Iops } : {}),
      ...(volume.VolumeType === 'gp3' && volume.Throughput ? { throughput: volume.Throughput } : {}),
      multiAttachEnabled: volume.MultiAttachEnabled ?? false,
      deleteOnTermination: mapping.Ebs?.DeleteOnTermination ?? false,
      originalEncrypted: volume.Encrypted ?? false,
      ...(volume.KmsKeyId ? { originalKmsKeyArn: volume.KmsKeyId } : {}),
      tags: copiedTags(volume),
    });
  }
  const allUnderKey = selected.every((v) => v.originalEncrypted && sameKey(v.originalKmsKeyArn, keyArn));
  if (selected.length === 0 || (strategy === 'replace' && allUnderKey)) {
    throw new AppError(
      'nothing-to-migrate',
      `Every volume of ${id} is already ${strategy === 'rekey' ? 'under the target key or unencrypted' : 'encrypted'}: nothing to migrate.`,
      skipped.map((s) => `${s.device} ${s.volumeId}: ${s.reason}`).join('; '),
    );
  }
  const name = nameOf(instance);
  const clusterRole = clusterRoleOf(instance.Tags);
  const replace = strategy === 'replace' ? replaceStateOf(instance) : undefined;
  return {
    instanceId: id,
    ...(name ? { name } : {}),
    ...(clusterRole ? { clusterRole } : {}),
    instanceType: type,
    availabilityZone: instance.Placement?.AvailabilityZone ?? '',
    rootDeviceName: instance.RootDeviceName ?? '',
    wasRunning: state === 'running',
    status: 'pending',
    volumes: selected,
    skipped,
    steps: [],
    ...(replace ? { replace } : {}),
  };
}

// What the replacement copies from the original: network placement, role, key pair and tags.
// An Auto Scaling group replaces its instances itself, so its members are refused here.
function replaceStateOf(instance: Instance): ReplaceState {
  const id = instance.InstanceId ?? '';
  const group = instance.Tags?.find((t) => t.Key === 'aws:autoscaling:groupName')?.Value;
  if (group) {
    throw new AppError(
      'auto-scaling-member',
      `${id} belongs to the Auto Scaling group ${group}, which would not know its replacement.`,
      'Point the group’s launch template at an encrypted AMI (AMI copy) and start an instance refresh, or use --strategy swap.',
    );
  }
  return {
    ...(instance.SubnetId ? { subnetId: instance.SubnetId } : {}),
    securityGroupIds: (instance.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    ...(instance.IamInstanceProfile?.Arn ? { instanceProfileArn: instance.IamInstanceProfile.Arn } : {}),
    ...(instance.KeyName ? { keyName: instance.KeyName } : {}),
    ...(instance.PrivateIpAddress ? { privateIp: instance.PrivateIpAddress } : {}),
    tags: (instance.Tags ?? [])
      .filter((t) => t.Key && !t.Key.startsWith('aws:') && !t.Key.startsWith('envelope:'))
      .map((t) => ({ Key: t.Key ?? '', Value: t.Value ?? '' })),
  };
}

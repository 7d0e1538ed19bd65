// RunInstances: launches MaxCount instances from an AMI (optionally through a launch template),
// creating one volume per EBS mapping (the AMI's, overridden by the template's and the request's
// BlockDeviceMapping). Encryption follows ebs-encryption.ts (every instance type takes encrypted
// volumes: instance-types.ts); an unusable key shows later as pending → terminated with the state
// reason EC2 reports (AWS troubleshooting: "instance terminates immediately").
import { AwsError, type CallContext, type QueryHandler, type QueryParams } from '../context';
import { mintInstanceId, mintSecurityGroupId, mintSubnetId, mintVolumeId, mintVpcId } from '../ids';
import {
  optionalInt,
  readBlockDeviceMappings,
  readList,
  type BlockDeviceMappingParam,
} from '../protocol/query-params';
import type { Image, Instance, Volume } from '../world';
import { remember, rememberedResult } from './client-tokens';
import { failInstanceWhenPendingEnds } from './deferred-failures';
import { planEncryption } from './ebs-encryption';
import { invalidParameterValue } from './errors';
import { findVisibleImage } from './image-access';
import { isKnownType } from './instance-types';
import { checkKey, launchFailure, type KeyFailure } from './key-failures';
import { findTemplate, resolveVersion } from './launch-templates';
import { reservationXml } from './serialize-instance';
import { tagsFor } from './tags';
import { checkVolumeType, performanceOf } from './volumes';
import { DEFAULT_WRITE_RATE_GIB_PER_HOUR } from './write-model';

// EC2's default when RunInstances names no type (the API reference: "Default: m1.small").
const DEFAULT_INSTANCE_TYPE = 'm1.small';

interface PlannedVolume {
  readonly deviceName: string;
  readonly snapshotId: string;
  readonly sizeGiB: number;
  readonly volumeType: Volume['volumeType'];
  readonly iops?: number;
  readonly throughput?: number;
  readonly deleteOnTermination: boolean;
  readonly encrypted: boolean;
  readonly keyRef?: string;
  readonly sourceKeyArn?: string;
}

function mergedMappings(
  image: Image,
  template: BlockDeviceMappingParam[],
  request: BlockDeviceMappingParam[],
) {
  const byDevice = new Map<string, BlockDeviceMappingParam>();
  for (const bd of image.blockDevices) {
    if (!bd.ebs) continue;
    byDevice.set(bd.deviceName, {
      deviceName: bd.deviceName,
      ebs: {
        snapshotId: bd.ebs.snapshotId,
        volumeSize: bd.ebs.volumeSizeGiB,
        volumeType: bd.ebs.volumeType,
        deleteOnTermination: bd.ebs.deleteOnTermination,
        iops: bd.ebs.iops,
        throughput: bd.ebs.throughput,
      },
    });
  }
  for (const m of [...template, ...request]) {
    if (!m.deviceName) continue;
    if (m.noDevice) {
      byDevice.delete(m.deviceName);
      continue;
    }
    const base = byDevice.get(m.deviceName);
    byDevice.set(m.deviceName, {
      deviceName: m.deviceName,
      ebs: { ...base?.ebs, ...definedOnly(m.ebs ?? {}) },
    });
  }
  return [...byDevice.values()];
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function planVolumes(ctx: CallContext, mappings: BlockDeviceMappingParam[]): PlannedVolume[] {
  return mappings.map((m) => {
    const ebs = m.ebs ?? {};
    const snapshot = ebs.snapshotId ? ctx.world.snapshots.get(ebs.snapshotId) : undefined;
    const plan = planEncryption(ctx, {
      encrypted: ebs.encrypted,
      kmsKeyId: ebs.kmsKeyId,
      source: snapshot
        ? { encrypted: snapshot.encrypted, kmsKeyArn: snapshot.kmsKeyArn, region: snapshot.region }
        : undefined,
    });
    const volumeType = checkVolumeType(ebs.volumeType ?? 'gp2');
    return {
      deviceName: m.deviceName ?? '/dev/sdf',
      snapshotId: snapshot?.snapshotId ?? '',
      sizeGiB: Math.max(ebs.volumeSize ?? 0, snapshot?.volumeSizeGiB ?? 0) || 8,
      volumeType,
      iops: ebs.iops,
      throughput: ebs.throughput,
      deleteOnTermination: ebs.deleteOnTermination ?? true,
      encrypted: plan.encrypted,
      keyRef: plan.encrypted ? plan.keyRef : undefined,
      sourceKeyArn: snapshot?.encrypted ? snapshot.kmsKeyArn : undefined,
    };
  });
}

// Resolves every key the launch needs; the first refusal becomes the launch's failure.
function resolveKeys(
  ctx: CallContext,
  planned: PlannedVolume[],
): { arns: (string | undefined)[]; failure?: KeyFailure } {
  let failure: KeyFailure | undefined;
  const arns = planned.map((p) => {
    if (!p.encrypted) return undefined;
    if (p.sourceKeyArn) {
      const read = checkKey(ctx, p.sourceKeyArn, 'decrypt');
      if (!read.ok) failure ??= launchFailure(read.failure);
    }
    const use = checkKey(ctx, p.keyRef, 'encrypt');
    if (use.ok) return use.key.arn;
    if (use.failure.kind === 'unsupported-key') throw use.failure.error;
    failure ??= launchFailure(use.failure);
    return use.failure.key?.arn ?? p.keyRef;
  });
  return { arns, failure };
}

function launchSource(ctx: CallContext, params: QueryParams) {
  const tId = params['LaunchTemplate.LaunchTemplateId'];
  const tName = params['LaunchTemplate.LaunchTemplateName'];
  if (tId === undefined && tName === undefined) return undefined;
  return resolveVersion(findTemplate(ctx, tId, tName), params['LaunchTemplate.Version']).data;
}

export const runInstances: QueryHandler = (ctx, params) => {
  const token = params.ClientToken;
  const previous = rememberedResult(ctx, 'RunInstances', token);
  if (previous) {
    const launched = previous.split(',').flatMap((id) => ctx.world.instances.get(id) ?? []);
    if (launched.length > 0) return reservationXml(ctx.accountId, launched);
  }
  const template = launchSource(ctx, params);
  const imageId = params.ImageId ?? template?.imageId;
  if (!imageId) throw new AwsError('MissingParameter', 'The request must contain the parameter ImageId');
  const minCount = optionalInt(params, 'MinCount');
  const maxCount = optionalInt(params, 'MaxCount');
  if (minCount === undefined)
    throw new AwsError('MissingParameter', 'The request must contain the parameter MinCount');
  if (maxCount === undefined)
    throw new AwsError('MissingParameter', 'The request must contain the parameter MaxCount');
  if (minCount < 1 || maxCount < minCount)
    throw invalidParameterValue(
      `Value (${maxCount}) for parameter maxCount is invalid. Must be >= minCount (${minCount}).`,
    );
  const instanceType = params.InstanceType ?? template?.instanceType ?? DEFAULT_INSTANCE_TYPE;
  if (!isKnownType(instanceType))
    throw invalidParameterValue(`Invalid value '${instanceType}' for InstanceType.`);
  const image = findVisibleImage(ctx, imageId);
  if (image.state !== 'available') {
    throw new AwsError('InvalidAMIID.Unavailable', `The image id '[${image.imageId}]' is not available`);
  }
  const zones = ctx.world.availabilityZones[ctx.region] ?? [];
  const az = params['Placement.AvailabilityZone'] ?? zones[0] ?? `${ctx.region}a`;
  if (!zones.includes(az)) throw invalidParameterValue(`Invalid availability zone: [${az}]`);

  const templateMappings: BlockDeviceMappingParam[] = (template?.blockDeviceMappings ?? []).map((m) => ({
    deviceName: m.deviceName,
    ebs: m.ebs && {
      volumeSize: m.ebs.volumeSizeGiB,
      volumeType: m.ebs.volumeType,
      encrypted: m.ebs.encrypted,
      kmsKeyId: m.ebs.kmsKeyId,
      deleteOnTermination: m.ebs.deleteOnTermination,
    },
  }));
  const planned = planVolumes(ctx, mergedMappings(image, templateMappings, readBlockDeviceMappings(params)));
  const keys = resolveKeys(ctx, planned);
  const instances = Array.from({ length: maxCount }, () =>
    launchOne(ctx, params, image, instanceType, az, planned, keys),
  );
  remember(ctx, 'RunInstances', token, instances.map((i) => i.instanceId).join(','));
  return reservationXml(ctx.accountId, instances);
};

function launchOne(
  ctx: CallContext,
  params: QueryParams,
  image: Image,
  instanceType: string,
  az: string,
  planned: PlannedVolume[],
  keys: ReturnType<typeof resolveKeys>,
): Instance {
  const world = ctx.world;
  const now = ctx.clock.now();
  const instanceId = mintInstanceId(world);
  const volumeTags = tagsFor(params, 'volume');
  const n = world.instances.size + 10;
  const profileName = params['IamInstanceProfile.Name'];
  const instance: Instance = {
    instanceId,
    accountId: ctx.accountId,
    region: ctx.region,
    imageId: image.imageId,
    instanceType,
    availabilityZone: az,
    subnetId: params.SubnetId ?? mintSubnetId(world),
    vpcId: mintVpcId(world),
    securityGroupIds:
      readList(params, 'SecurityGroupId').length > 0
        ? readList(params, 'SecurityGroupId')
        : [mintSecurityGroupId(world)],
    iamInstanceProfileArn:
      params['IamInstanceProfile.Arn'] ??
      (profileName ? `arn:aws:iam::${ctx.accountId}:instance-profile/${profileName}` : undefined),
    keyName: params.KeyName,
    privateIpAddress: `172.31.${(n >> 8) & 255}.${n & 255}`,
    rootDeviceName: image.rootDeviceName,
    rootDeviceType: 'ebs',
    state: 'pending',
    stateEndsAt: now + ctx.rates.instanceStartMs,
    launchTime: now,
    visibleAt: now + ctx.rates.idPropagationMs,
    blockDevices: [],
    tags: tagsFor(params, 'instance'),
  };
  planned.forEach((p, index) => {
    const volume: Volume = {
      volumeId: mintVolumeId(world),
      accountId: ctx.accountId,
      region: ctx.region,
      availabilityZone: az,
      sizeGiB: p.sizeGiB,
      volumeType: p.volumeType,
      ...performanceOf(p.volumeType, p.sizeGiB, p.iops, p.throughput),
      multiAttachEnabled: false,
      encrypted: p.encrypted,
      kmsKeyArn: keys.arns[index],
      snapshotId: p.snapshotId,
      state: 'in-use',
      createTime: now,
      attachments: [
        {
          instanceId,
          device: p.deviceName,
          state: 'attached',
          attachTime: now,
          deleteOnTermination: p.deleteOnTermination,
        },
      ],
      tags: [...volumeTags],
      writeRateGiBPerHour: DEFAULT_WRITE_RATE_GIB_PER_HOUR,
      changedGiBSinceSnapshot: 0,
    };
    world.volumes.set(volume.volumeId, volume);
    instance.blockDevices.push({
      deviceName: p.deviceName,
      volumeId: volume.volumeId,
      deleteOnTermination: p.deleteOnTermination,
      attachTime: now,
    });
  });
  if (keys.failure) failInstanceWhenPendingEnds(instance, { failure: keys.failure, endState: 'terminated' });
  world.instances.set(instanceId, instance);
  return instance;
}

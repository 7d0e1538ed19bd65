// DescribeVolumes, CreateVolume, DeleteVolume.
import { AwsError, type CallContext, type QueryHandler } from '../context';
import { mintVolumeId } from '../ids';
import { optionalBool, optionalInt, requireParam } from '../protocol/query-params';
import type { Volume } from '../world';
import { remember, rememberedResult } from './client-tokens';
import { failVolumeWhenCreated } from './deferred-failures';
import { describe } from './describe';
import { planEncryption } from './ebs-encryption';
import { checkIdShape, invalidParameterValue, missingParameter, volumeNotFound } from './errors';
import { bool, type FilterFields } from './filters';
import { checkKey, launchFailure } from './key-failures';
import { isMine, itemList } from './scope';
import { volumeXml } from './serialize';
import { findVisibleSnapshot } from './snapshot-access';
import { tagsFor } from './tags';
import { DEFAULT_WRITE_RATE_GIB_PER_HOUR } from './write-model';

const VOLUME_FILTERS: FilterFields<Volume> = {
  'volume-id': (v) => [v.volumeId],
  'attachment.instance-id': (v) => v.attachments.map((a) => a.instanceId),
  'attachment.device': (v) => v.attachments.map((a) => a.device),
  'attachment.status': (v) => v.attachments.map((a) => a.state),
  'attachment.delete-on-termination': (v) => v.attachments.map((a) => bool(a.deleteOnTermination)),
  encrypted: (v) => [bool(v.encrypted)],
  status: (v) => [v.state],
  'availability-zone': (v) => [v.availabilityZone],
  size: (v) => [String(v.sizeGiB)],
  'snapshot-id': (v) => [v.snapshotId],
  'volume-type': (v) => [v.volumeType],
  'kms-key-id': (v) => [v.kmsKeyArn],
  'multi-attach-enabled': (v) => [bool(v.multiAttachEnabled)],
  'fast-restored': () => ['false'],
};

export function findMyVolume(ctx: CallContext, volumeId: string): Volume {
  checkIdShape('volume', volumeId);
  const volume = ctx.world.volumes.get(volumeId);
  if (!volume || !isMine(ctx, volume)) throw volumeNotFound(volumeId);
  return volume;
}

export const describeVolumes: QueryHandler = (ctx, params) => {
  const page = describe(params, {
    action: 'DescribeVolumes',
    visible: [...ctx.world.volumes.values()].filter((v) => isMine(ctx, v)),
    idOf: (v) => v.volumeId,
    idParam: 'VolumeId',
    setName: 'volumeSet',
    checkId: (id) => checkIdShape('volume', id),
    notFound: volumeNotFound,
    fields: VOLUME_FILTERS,
    min: 5,
    max: 500,
  });
  return { volumeSet: itemList(page.items.map(volumeXml)), nextToken: page.nextToken };
};

const VOLUME_TYPES = new Set<Volume['volumeType']>(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']);

export function checkVolumeType(type: string): Volume['volumeType'] {
  if (!VOLUME_TYPES.has(type as Volume['volumeType'])) {
    throw invalidParameterValue(
      `Value (${type}) for parameter volumeType is invalid. Valid values: gp2, gp3, io1, io2, st1, sc1, standard.`,
    );
  }
  return type as Volume['volumeType'];
}

// gp2: 3 IOPS/GiB between 100 and 16,000; gp3: 3,000 IOPS and 125 MiB/s baseline.
export function performanceOf(
  type: Volume['volumeType'],
  sizeGiB: number,
  iops?: number,
  throughput?: number,
) {
  if (type === 'gp3') return { iops: iops ?? 3000, throughput: throughput ?? 125 };
  if (type === 'gp2') return { iops: Math.min(16000, Math.max(100, 3 * sizeGiB)), throughput: undefined };
  if (type === 'io1' || type === 'io2') return { iops: iops ?? 100, throughput: undefined };
  return { iops: undefined, throughput: undefined };
}

export const createVolume: QueryHandler = (ctx, params) => {
  const token = params.ClientToken;
  const previous = rememberedResult(ctx, 'CreateVolume', token);
  const existing = previous ? ctx.world.volumes.get(previous) : undefined;
  if (existing) return volumeXml(existing);

  const az = requireParam(params, 'AvailabilityZone');
  if (!(ctx.world.availabilityZones[ctx.region] ?? []).includes(az)) {
    throw invalidParameterValue(`Invalid availability zone: [${az}]`);
  }
  const snapshot = params.SnapshotId ? findVisibleSnapshot(ctx, params.SnapshotId) : undefined;
  if (snapshot && snapshot.state !== 'completed') {
    throw new AwsError('IncorrectState', `Snapshot is in invalid state - ${snapshot.state}`);
  }
  const requested = optionalInt(params, 'Size');
  if (requested === undefined && !snapshot) throw missingParameter('size or snapshotId');
  const sizeGiB = requested ?? snapshot?.volumeSizeGiB ?? 0;
  if (snapshot && sizeGiB < snapshot.volumeSizeGiB) {
    throw invalidParameterValue(
      `Volume of size ${sizeGiB}GB is smaller than snapshot '${snapshot.snapshotId}', expect size >= ${snapshot.volumeSizeGiB}GB`,
    );
  }
  const volumeType = checkVolumeType(params.VolumeType ?? 'gp2');
  const plan = planEncryption(ctx, {
    encrypted: optionalBool(params, 'Encrypted'),
    kmsKeyId: params.KmsKeyId,
    source: snapshot
      ? { encrypted: snapshot.encrypted, kmsKeyArn: snapshot.kmsKeyArn, region: snapshot.region }
      : undefined,
  });
  // A key EBS cannot use is accepted here and fails the volume later (key-failures.ts).
  const check = plan.encrypted ? checkKey(ctx, plan.keyRef, 'encrypt') : undefined;

  const now = ctx.clock.now();
  const volume: Volume = {
    volumeId: mintVolumeId(ctx.world),
    accountId: ctx.accountId,
    region: ctx.region,
    availabilityZone: az,
    sizeGiB,
    volumeType,
    ...performanceOf(volumeType, sizeGiB, optionalInt(params, 'Iops'), optionalInt(params, 'Throughput')),
    multiAttachEnabled: optionalBool(params, 'MultiAttachEnabled') ?? false,
    encrypted: plan.encrypted,
    kmsKeyArn: check?.ok ? check.key.arn : check?.failure.key?.arn,
    snapshotId: snapshot?.snapshotId ?? '',
    state: 'creating',
    stateEndsAt: now + ctx.rates.volumeCreateMs,
    createTime: now,
    attachments: [],
    tags: tagsFor(params, 'volume'),
    writeRateGiBPerHour: DEFAULT_WRITE_RATE_GIB_PER_HOUR,
    changedGiBSinceSnapshot: 0,
  };
  if (check && !check.ok) failVolumeWhenCreated(volume, launchFailure(check.failure));
  ctx.world.volumes.set(volume.volumeId, volume);
  remember(ctx, 'CreateVolume', token, volume.volumeId);
  return volumeXml(volume);
};

export const deleteVolume: QueryHandler = (ctx, params) => {
  const volume = findMyVolume(ctx, requireParam(params, 'VolumeId'));
  const attached = volume.attachments[0];
  if (attached) {
    throw new AwsError(
      'VolumeInUse',
      `Volume ${volume.volumeId} is currently attached to ${attached.instanceId}`,
    );
  }
  ctx.world.volumes.delete(volume.volumeId);
  return { return: true };
};

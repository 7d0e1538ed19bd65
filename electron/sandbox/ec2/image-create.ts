// CreateImage (snapshots every EBS volume of an instance) and CopyImage (copies every snapshot of
// an AMI into this region, honouring Encrypted and KmsKeyId). The new AMI is pending until its
// snapshots complete, then available after rates.imageRegisterMs (refresh.ts).
import { AwsError, type CallContext, type QueryHandler } from '../context';
import { mintImageId } from '../ids';
import { optionalBool, requireParam } from '../protocol/query-params';
import type { Image, ImageBlockDevice, Snapshot } from '../world';
import { remember, rememberedResult } from './client-tokens';
import { findVisibleImage } from './image-access';
import { findMyInstance } from './instance-access';
import { isMine } from './scope';
import { canUseSnapshot } from './snapshot-access';
import { COPY_IMAGE_DESCRIPTION_PREFIX, copySnapshotHere } from './snapshot-copy';
import { snapshotVolume } from './snapshot-factory';
import { tagsFor } from './tags';

function assertNameFree(ctx: CallContext, name: string): void {
  for (const image of ctx.world.images.values()) {
    if (isMine(ctx, image) && image.name === name) {
      throw new AwsError(
        'InvalidAMIName.Duplicate',
        `AMI name ${name} is already in use by AMI ${image.imageId}`,
      );
    }
  }
}

type EbsSpec = NonNullable<ImageBlockDevice['ebs']>;
type EbsShape = Pick<EbsSpec, 'deleteOnTermination' | 'volumeType' | 'iops' | 'throughput'>;

function ebsOf(snapshot: Snapshot, deviceName: string, shape: EbsShape): ImageBlockDevice {
  return {
    deviceName,
    ebs: {
      snapshotId: snapshot.snapshotId,
      volumeSizeGiB: snapshot.volumeSizeGiB,
      volumeType: shape.volumeType,
      deleteOnTermination: shape.deleteOnTermination,
      encrypted: snapshot.encrypted,
      kmsKeyArn: snapshot.kmsKeyArn,
      iops: shape.iops,
      throughput: shape.throughput,
    },
  };
}

export const createImage: QueryHandler = (ctx, params) => {
  const instance = findMyInstance(ctx, requireParam(params, 'InstanceId'));
  const name = requireParam(params, 'Name');
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw new AwsError(
      'IncorrectInstanceState',
      `The instance '${instance.instanceId}' is not in a state from which it can be imaged.`,
    );
  }
  assertNameFree(ctx, name);
  const imageId = mintImageId(ctx.world);
  const snapshotTags = tagsFor(params, 'snapshot');
  const blockDevices: ImageBlockDevice[] = [];
  for (const bd of instance.blockDevices) {
    const volume = ctx.world.volumes.get(bd.volumeId);
    if (!volume) continue;
    const snapshot = snapshotVolume(
      ctx,
      volume,
      `Created by CreateImage(${instance.instanceId}) for ${imageId}`,
      snapshotTags,
    );
    blockDevices.push(
      ebsOf(snapshot, bd.deviceName, {
        deleteOnTermination: bd.deleteOnTermination,
        volumeType: volume.volumeType,
        iops: volume.iops,
        throughput: volume.throughput,
      }),
    );
  }
  const source = ctx.world.images.get(instance.imageId);
  const image: Image = {
    imageId,
    ownerId: ctx.accountId,
    region: ctx.region,
    name,
    description: params.Description ?? '',
    architecture: source?.architecture ?? 'x86_64',
    rootDeviceName: instance.rootDeviceName,
    rootDeviceType: 'ebs',
    virtualizationType: 'hvm',
    platformDetails: source?.platformDetails ?? 'Linux/UNIX',
    state: 'pending',
    creationDate: ctx.clock.now(),
    isPublic: false,
    launchPermissionUserIds: [],
    blockDevices,
    tags: tagsFor(params, 'image'),
  };
  ctx.world.images.set(imageId, image);
  return { imageId };
};

export const copyImage: QueryHandler = (ctx, params) => {
  const token = params.ClientToken;
  const previous = rememberedResult(ctx, 'CopyImage', token);
  if (previous && ctx.world.images.has(previous)) return { imageId: previous };

  const sourceRegion = requireParam(params, 'SourceRegion');
  const source = findVisibleImage(ctx, requireParam(params, 'SourceImageId'), sourceRegion);
  const name = requireParam(params, 'Name');
  if (source.state !== 'available') {
    throw new AwsError('IncorrectState', `Image ${source.imageId} is not in a valid state: ${source.state}`);
  }
  const sourceSnapshots = source.blockDevices.map((bd) =>
    bd.ebs ? ctx.world.snapshots.get(bd.ebs.snapshotId) : undefined,
  );
  // Copying needs read access to the AMI's snapshots, not just launch permission on the AMI.
  if (
    source.blockDevices.some(
      (bd, n) => bd.ebs && !(sourceSnapshots[n] && canUseSnapshot(ctx, sourceSnapshots[n])),
    )
  ) {
    throw new AwsError('InvalidRequest', 'You do not have permission to access the storage of this ami');
  }
  const imageId = mintImageId(ctx.world);
  const now = ctx.clock.now();
  const encrypted = optionalBool(params, 'Encrypted');
  const blockDevices = source.blockDevices.map((bd, n): ImageBlockDevice => {
    const snapshot = sourceSnapshots[n];
    if (!bd.ebs || !snapshot) return { ...bd };
    const copy = copySnapshotHere(ctx, snapshot, {
      encrypted,
      kmsKeyId: params.KmsKeyId,
      description: `${COPY_IMAGE_DESCRIPTION_PREFIX} ${imageId} from SourceAmi ${source.imageId} for SourceSnapshot ${snapshot.snapshotId}. Task created on ${now}.`,
      tags: [],
    });
    return ebsOf(copy, bd.deviceName, bd.ebs);
  });
  const image: Image = {
    ...source,
    imageId,
    ownerId: ctx.accountId,
    region: ctx.region,
    name,
    description: params.Description ?? source.description,
    state: 'pending',
    stateReason: undefined,
    creationDate: now,
    isPublic: false,
    launchPermissionUserIds: [],
    blockDevices,
    sourceImageId: source.imageId,
    sourceRegion,
    tags: optionalBool(params, 'CopyImageTags') && source.ownerId === ctx.accountId ? [...source.tags] : [],
  };
  ctx.world.images.set(imageId, image);
  remember(ctx, 'CopyImage', token, imageId);
  return { imageId };
};

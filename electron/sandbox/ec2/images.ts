// DescribeImages and DeregisterImage.
import type { QueryHandler } from '../context';
import { readList, requireParam } from '../protocol/query-params';
import type { Image } from '../world';
import { describe } from './describe';
import { checkIdShape, imageNotFound } from './errors';
import { bool, type FilterFields } from './filters';
import { canUseImage, findMyImage } from './image-access';
import { ownerAlias, ownerMatches } from './owners';
import { iso, itemList } from './scope';
import { imageXml } from './serialize-image';

const IMAGE_FILTERS: FilterFields<Image> = {
  'image-id': (i) => [i.imageId],
  name: (i) => [i.name],
  state: (i) => [i.state],
  'is-public': (i) => [bool(i.isPublic)],
  'owner-id': (i) => [i.ownerId],
  'owner-alias': (i) => [ownerAlias(i.ownerId)],
  architecture: (i) => [i.architecture],
  description: (i) => [i.description],
  'creation-date': (i) => [iso(i.creationDate)],
  'image-type': () => ['machine'],
  'platform-details': (i) => [i.platformDetails],
  'root-device-name': (i) => [i.rootDeviceName],
  'root-device-type': (i) => [i.rootDeviceType],
  'virtualization-type': (i) => [i.virtualizationType],
  'block-device-mapping.device-name': (i) => i.blockDevices.map((b) => b.deviceName),
  'block-device-mapping.snapshot-id': (i) => i.blockDevices.map((b) => b.ebs?.snapshotId),
  'block-device-mapping.encrypted': (i) =>
    i.blockDevices.map((b) => (b.ebs ? bool(b.ebs.encrypted) : undefined)),
  'block-device-mapping.volume-size': (i) =>
    i.blockDevices.map((b) => (b.ebs ? String(b.ebs.volumeSizeGiB) : undefined)),
  'block-device-mapping.volume-type': (i) => i.blockDevices.map((b) => b.ebs?.volumeType),
};

export const describeImages: QueryHandler = (ctx, params) => {
  const owners = readList(params, 'Owner');
  const executableBy = readList(params, 'ExecutableBy');
  const visible = [...ctx.world.images.values()].filter(
    (i) =>
      i.region === ctx.region &&
      i.state !== 'deregistered' &&
      canUseImage(ctx, i) &&
      (owners.length === 0 || owners.some((o) => ownerMatches(ctx, o, i.ownerId))) &&
      (executableBy.length === 0 ||
        executableBy.some((e) =>
          e === 'all'
            ? i.isPublic
            : e === 'self'
              ? i.ownerId === ctx.accountId || i.launchPermissionUserIds.includes(ctx.accountId)
              : i.launchPermissionUserIds.includes(e),
        )),
  );
  const page = describe(params, {
    action: 'DescribeImages',
    visible,
    idOf: (i) => i.imageId,
    idParam: 'ImageId',
    setName: 'imagesSet',
    checkId: (id) => checkIdShape('image', id),
    notFound: imageNotFound,
    fields: IMAGE_FILTERS,
    min: 1,
    max: 1000,
  });
  return { imagesSet: itemList(page.items.map(imageXml)), nextToken: page.nextToken };
};

// The AMI disappears; its snapshots stay (AWS leaves deleting them to the owner).
export const deregisterImage: QueryHandler = (ctx, params) => {
  const image = findMyImage(ctx, requireParam(params, 'ImageId'));
  ctx.world.images.delete(image.imageId);
  return { return: true };
};

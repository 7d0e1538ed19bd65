// DescribeImages and DeregisterImage. A deregistered AMI lingers in DescribeImages for a while
// (deregistered-images.ts), as the DescribeImages API reference says.
import type { QueryHandler, QueryParams } from '../context';
import { readList, requireParam } from '../protocol/query-params';
import type { Image } from '../world';
import { describe } from './describe';
import { answeredEmpty, recentlyDeregistered, rememberDeregistered } from './deregistered-images';
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

// The request without the ImageIds that AWS answers with nothing (deregistered a while ago).
function withoutFadedIds(params: QueryParams, ids: readonly string[]): QueryParams {
  const rest: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (!/^ImageId\.\d+$/.test(k)) rest[k] = v;
  ids.forEach((id, i) => (rest[`ImageId.${i + 1}`] = id));
  return rest;
}

export const describeImages: QueryHandler = (ctx, allParams) => {
  // First, so that images past their time are forgotten before the ids are looked at.
  const recent = recentlyDeregistered(ctx);
  const requested = readList(allParams, 'ImageId');
  const kept = requested.filter((id) => !answeredEmpty(ctx, id));
  if (requested.length > 0 && kept.length === 0) return { imagesSet: itemList([]) };
  const params = kept.length === requested.length ? allParams : withoutFadedIds(allParams, kept);
  const owners = readList(params, 'Owner');
  const executableBy = readList(params, 'ExecutableBy');
  const visible = [...ctx.world.images.values(), ...recent].filter(
    (i) =>
      i.region === ctx.region &&
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

// The AMI can no longer be used; its snapshots stay (AWS leaves deleting them to the owner).
export const deregisterImage: QueryHandler = (ctx, params) => {
  const image = findMyImage(ctx, requireParam(params, 'ImageId'));
  rememberDeregistered(ctx, image);
  return { return: true };
};

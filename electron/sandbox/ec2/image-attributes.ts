// DescribeImageAttribute and ModifyImageAttribute (launchPermission and description).
// Making an AMI public is refused when any of its snapshots is encrypted, and sharing it with an
// account is refused when a snapshot is under the AWS managed key aws/ebs, as EC2 refuses both
// (UnsupportedOperation / InvalidParameter, messages as EC2 sends them).
import { AwsError, type CallContext, type QueryHandler, type QueryParams } from '../context';
import { readList, readStructList, requireParam } from '../protocol/query-params';
import type { Image } from '../world';
import { invalidParameterValue } from './errors';
import { findMyImage } from './image-access';
import { itemList } from './scope';
import { imageBlockDeviceXml } from './serialize-image';

function launchPermissionXml(image: Image): { item: Record<string, string>[] } {
  return itemList([
    ...(image.isPublic ? [{ group: 'all' }] : []),
    ...image.launchPermissionUserIds.map((userId) => ({ userId })),
  ]);
}

export const describeImageAttribute: QueryHandler = (ctx, params) => {
  const image = findMyImage(ctx, requireParam(params, 'ImageId'));
  const attribute = requireParam(params, 'Attribute');
  const base = { imageId: image.imageId };
  switch (attribute) {
    case 'launchPermission':
      return { ...base, launchPermission: launchPermissionXml(image) };
    case 'description':
      return { ...base, description: { value: image.description } };
    case 'blockDeviceMapping':
      return { ...base, blockDeviceMapping: itemList(image.blockDevices.map(imageBlockDeviceXml)) };
    case 'productCodes':
      return { ...base, productCodes: '' };
    case 'kernel':
    case 'ramdisk':
    case 'bootMode':
    case 'tpmSupport':
    case 'uefiData':
    case 'lastLaunchedTime':
    case 'imdsSupport':
    case 'sriovNetSupport':
      return { ...base, [attribute]: '' };
    default:
      throw invalidParameterValue(
        `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`,
      );
  }
};

interface Permission {
  readonly group?: string;
  readonly userId?: string;
}

interface PermissionChange {
  readonly add: Permission[];
  readonly remove: Permission[];
}

// Both wire forms: LaunchPermission.Add.N.Group|UserId (current) and
// Attribute=launchPermission&OperationType=add&UserGroup.N&UserId.N (original API).
function readPermissionChange(params: QueryParams): PermissionChange {
  const entries = (prefix: string): Permission[] =>
    readStructList(params, prefix).map((e) => ({ group: e.Group, userId: e.UserId }));
  const change = { add: entries('LaunchPermission.Add'), remove: entries('LaunchPermission.Remove') };
  const legacy: Permission[] = [
    ...readList(params, 'UserGroup').map((group) => ({ group })),
    ...readList(params, 'UserId').map((userId) => ({ userId })),
  ];
  if (legacy.length > 0) {
    const op = params.OperationType;
    if (op === 'add') change.add.push(...legacy);
    else if (op === 'remove') change.remove.push(...legacy);
    else throw new AwsError('MissingParameter', 'The request must contain the parameter operationType');
  }
  return change;
}

function assertShareable(ctx: CallContext, image: Image, change: PermissionChange): void {
  const ebs = image.blockDevices.flatMap((bd) => (bd.ebs ? [bd.ebs] : []));
  if (change.add.some((p) => p.group === 'all') && ebs.some((e) => e.encrypted)) {
    throw new AwsError(
      'UnsupportedOperation',
      'Encrypted snapshots can’t be shared publicly. Specify another snapshot.',
    );
  }
  for (const p of change.add) {
    if (p.group !== undefined && p.group !== 'all') {
      throw new AwsError(
        'InvalidAMIAttributeItemValue',
        `Invalid attribute item value "${p.group}" for group item type.`,
      );
    }
    if (p.userId !== undefined && !/^\d{12}$/.test(p.userId)) {
      throw new AwsError(
        'InvalidAMIAttributeItemValue',
        `Invalid attribute item value "${p.userId}" for userId item type.`,
      );
    }
  }
  const sharesWithAccounts = change.add.some((p) => p.userId !== undefined);
  const awsManaged = ebs.some(
    (e) => e.encrypted && e.kmsKeyArn && ctx.world.kmsKeys.get(e.kmsKeyArn)?.keyManager === 'AWS',
  );
  if (sharesWithAccounts && awsManaged) {
    throw new AwsError(
      'InvalidParameter',
      'Snapshots encrypted with the AWS Managed CMK can’t be shared. Specify another snapshot.',
    );
  }
}

export const modifyImageAttribute: QueryHandler = (ctx, params) => {
  const image = findMyImage(ctx, requireParam(params, 'ImageId'));
  const description =
    params['Description.Value'] ?? (params.Attribute === 'description' ? params.Value : undefined);
  if (description !== undefined) {
    image.description = description;
    return { return: true };
  }
  const change = readPermissionChange(params);
  if (change.add.length === 0 && change.remove.length === 0) {
    throw new AwsError('MissingParameter', 'The request must contain the parameter launchPermission');
  }
  assertShareable(ctx, image, change);
  for (const p of change.add) {
    if (p.group === 'all') image.isPublic = true;
    if (p.userId && !image.launchPermissionUserIds.includes(p.userId))
      image.launchPermissionUserIds.push(p.userId);
  }
  for (const p of change.remove) {
    if (p.group === 'all') image.isPublic = false;
    if (p.userId) image.launchPermissionUserIds = image.launchPermissionUserIds.filter((u) => u !== p.userId);
  }
  return { return: true };
};

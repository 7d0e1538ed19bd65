// AMIs: those the account owns, plus those its instances run from that belong to someone else
// (public or shared with it), and the region's EBS encryption-by-default settings.
import type {
  BlockDeviceMapping,
  EC2Client,
  Image,
  LaunchTemplateBlockDeviceMapping,
} from '@aws-sdk/client-ec2';
import {
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeImages,
} from '@aws-sdk/client-ec2';
import type { BlockDevice, EbsDefaults, ImageRecord } from '../../../shared/domain/inventory';
import { MAX_PAGE } from './scan-clients';

export async function fetchOwnedImages(
  client: EC2Client,
  account: string,
  signal?: AbortSignal,
): Promise<ImageRecord[]> {
  const records: ImageRecord[] = [];
  for await (const page of paginateDescribeImages(
    { client, pageSize: MAX_PAGE.describeImages },
    { Owners: ['self'] },
  )) {
    signal?.throwIfAborted();
    for (const image of page.Images ?? []) records.push(toImage(image, account));
  }
  return records;
}

// By an image-id filter rather than ImageIds: a filter matches nothing for an AMI deregistered
// since the instance launched, where ImageIds would fail the whole call.
const FILTER_VALUES = 200;

export async function fetchImagesById(
  client: EC2Client,
  imageIds: readonly string[],
  account: string,
  signal?: AbortSignal,
): Promise<ImageRecord[]> {
  const records: ImageRecord[] = [];
  for (let start = 0; start < imageIds.length; start += FILTER_VALUES) {
    const input = { Filters: [{ Name: 'image-id', Values: imageIds.slice(start, start + FILTER_VALUES) }] };
    for await (const page of paginateDescribeImages({ client, pageSize: MAX_PAGE.describeImages }, input)) {
      signal?.throwIfAborted();
      for (const image of page.Images ?? []) records.push(toImage(image, account));
    }
  }
  return records;
}

export async function fetchEbsDefaults(client: EC2Client): Promise<EbsDefaults> {
  const [byDefault, defaultKey] = await Promise.all([
    client.send(new GetEbsEncryptionByDefaultCommand({})),
    client.send(new GetEbsDefaultKmsKeyIdCommand({})),
  ]);
  return {
    encryptionByDefault: byDefault.EbsEncryptionByDefault ?? false,
    defaultKmsKeyId: defaultKey.KmsKeyId ?? 'alias/aws/ebs',
  };
}

// AMI and launch-template mappings carry the same EBS fields, so one conversion serves both.
export function toBlockDevice(m: BlockDeviceMapping | LaunchTemplateBlockDeviceMapping): BlockDevice {
  const ebs = m.Ebs;
  return {
    device: m.DeviceName ?? '',
    ...(m.VirtualName ? { virtualName: m.VirtualName } : {}),
    ...(ebs?.SnapshotId ? { snapshotId: ebs.SnapshotId } : {}),
    ...(ebs?.VolumeSize === undefined ? {} : { sizeGiB: ebs.VolumeSize }),
    ...(ebs?.DeleteOnTermination === undefined ? {} : { deleteOnTermination: ebs.DeleteOnTermination }),
    ...(ebs?.VolumeType ? { volumeType: ebs.VolumeType } : {}),
    ...(ebs?.Encrypted === undefined ? {} : { encrypted: ebs.Encrypted }),
    ...(ebs?.KmsKeyId ? { kmsKeyId: ebs.KmsKeyId } : {}),
  };
}

function toImage(i: Image, account: string): ImageRecord {
  return {
    id: i.ImageId ?? '',
    name: i.Name ?? '',
    state: i.State ?? 'unknown',
    ownerId: i.OwnerId ?? '',
    owned: i.OwnerId === account,
    isPublic: i.Public ?? false,
    ...(i.RootDeviceName ? { rootDevice: i.RootDeviceName } : {}),
    ...(i.CreationDate ? { creationDate: i.CreationDate } : {}),
    blockDevices: (i.BlockDeviceMappings ?? []).map(toBlockDevice),
  };
}

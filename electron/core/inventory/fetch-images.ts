// AMIs: those the account owns, plus those its instances run from that belong to someone else
// (public or shared with it). Their keys come from their snapshots (image-keys.ts). The region's EBS encryption-by-default settings: fetch-ebs-defaults.ts.
import type {
  BlockDeviceMapping,
  EC2Client,
  Image,
  LaunchTemplateBlockDeviceMapping,
} from '@aws-sdk/client-ec2';
import { paginateDescribeImages } from '@aws-sdk/client-ec2';
import type { BlockDevice, ImageRecord } from '../../../shared/domain/inventory';
import { keepAsIs, newIntern, type Intern } from './intern';
import { MAX_PAGE } from './scan-clients';

// A deregistered AMI is listed in state 'deregistered' for a short while after DeregisterImage
// (DescribeImages API reference); it is gone for the inventory.
const isCurrent = (image: Image): boolean => image.State !== 'deregistered';

export async function fetchOwnedImages(
  client: EC2Client,
  account: string,
  signal?: AbortSignal,
  intern: Intern = newIntern(),
): Promise<ImageRecord[]> {
  const records: ImageRecord[] = [];
  for await (const page of paginateDescribeImages(
    { client, pageSize: MAX_PAGE.describeImages },
    { Owners: ['self'] },
  )) {
    signal?.throwIfAborted();
    for (const image of page.Images ?? [])
      if (isCurrent(image)) records.push(toImage(image, account, intern));
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
  intern: Intern = newIntern(),
): Promise<ImageRecord[]> {
  const records: ImageRecord[] = [];
  for (let start = 0; start < imageIds.length; start += FILTER_VALUES) {
    const input = { Filters: [{ Name: 'image-id', Values: imageIds.slice(start, start + FILTER_VALUES) }] };
    for await (const page of paginateDescribeImages({ client, pageSize: MAX_PAGE.describeImages }, input)) {
      signal?.throwIfAborted();
      for (const image of page.Images ?? [])
        if (isCurrent(image)) records.push(toImage(image, account, intern));
    }
  }
  return records;
}

type AnyBlockDeviceMapping = BlockDeviceMapping | LaunchTemplateBlockDeviceMapping;

// AMI and launch-template mappings carry the same EBS fields, so one conversion serves both; only a
// launch template's says the key (imageBlockDevices drops it for an AMI).
export const toBlockDevice = (m: AnyBlockDeviceMapping): BlockDevice => blockDeviceOf(m, keepAsIs);

export function blockDeviceOf(m: AnyBlockDeviceMapping, intern: Intern): BlockDevice {
  const ebs = m.Ebs;
  return {
    device: intern(m.DeviceName ?? ''),
    ...(m.VirtualName ? { virtualName: intern(m.VirtualName) } : {}),
    ...(ebs?.SnapshotId ? { snapshotId: intern(ebs.SnapshotId) } : {}),
    ...(ebs?.VolumeSize === undefined ? {} : { sizeGiB: ebs.VolumeSize }),
    ...(ebs?.DeleteOnTermination === undefined ? {} : { deleteOnTermination: ebs.DeleteOnTermination }),
    ...(ebs?.VolumeType ? { volumeType: intern(ebs.VolumeType) } : {}),
    ...(ebs?.Encrypted === undefined ? {} : { encrypted: ebs.Encrypted }),
    ...(ebs?.KmsKeyId ? { kmsKeyId: intern(ebs.KmsKeyId) } : {}),
  };
}

// An AMI's devices without a key: DescribeImages does not say it (the member exists for
// RunInstances only, EC2 API reference EbsBlockDevice); image-keys.ts reads it from the snapshots.
export function imageBlockDevices(i: Image, intern: Intern = keepAsIs): BlockDevice[] {
  return (i.BlockDeviceMappings ?? []).map((m) => {
    const { kmsKeyId: _never, ...device } = blockDeviceOf(m, intern);
    return device;
  });
}

function toImage(i: Image, account: string, intern: Intern): ImageRecord {
  return {
    id: intern(i.ImageId ?? ''),
    name: i.Name ?? '',
    state: intern(i.State ?? 'unknown'),
    ownerId: intern(i.OwnerId ?? ''),
    owned: i.OwnerId === account,
    isPublic: i.Public ?? false,
    ...(i.RootDeviceName ? { rootDevice: intern(i.RootDeviceName) } : {}),
    ...(i.CreationDate ? { creationDate: i.CreationDate } : {}),
    blockDevices: imageBlockDevices(i, intern),
  };
}

// AMIs as DescribeImages writes them.
import type { Image, ImageBlockDevice } from '../world';
import { ownerAlias } from './owners';
import { iso, itemList } from './scope';
import { tagSetXml } from './serialize';

// DescribeImages never carries Ebs.KmsKeyId: the EC2 API reference's EbsBlockDevice text (and the
// botocore ec2 2016-11-15 service model) says KmsKeyId "is only supported on BlockDeviceMapping
// objects called by RunInstances, RequestSpotFleet, and RequestSpotInstances"; real DescribeImages
// answers show Encrypted only (terraform-provider-aws#29027, AWS-FACTS §7). An AMI's key is known
// only through its snapshots (DescribeSnapshots).
export function imageBlockDeviceXml(bd: ImageBlockDevice): Record<string, unknown> {
  if (!bd.ebs) return { deviceName: bd.deviceName, virtualName: bd.virtualName };
  const e = bd.ebs;
  return {
    deviceName: bd.deviceName,
    ebs: {
      snapshotId: e.snapshotId,
      volumeSize: e.volumeSizeGiB,
      deleteOnTermination: e.deleteOnTermination,
      volumeType: e.volumeType,
      iops: e.iops,
      throughput: e.throughput,
      encrypted: e.encrypted,
    },
  };
}

export function imageXml(image: Image): Record<string, unknown> {
  return {
    imageId: image.imageId,
    imageLocation: `${image.ownerId}/${image.name}`,
    imageState: image.state,
    imageOwnerId: image.ownerId,
    creationDate: iso(image.creationDate),
    isPublic: image.isPublic,
    architecture: image.architecture,
    imageType: 'machine',
    sriovNetSupport: 'simple',
    imageOwnerAlias: ownerAlias(image.ownerId),
    name: image.name,
    description: image.description,
    rootDeviceType: image.rootDeviceType,
    rootDeviceName: image.rootDeviceName,
    blockDeviceMapping: itemList(image.blockDevices.map(imageBlockDeviceXml)),
    virtualizationType: image.virtualizationType,
    tagSet: image.tags.length > 0 ? tagSetXml(image.tags) : undefined,
    hypervisor: 'xen',
    enaSupport: true,
    platformDetails: image.platformDetails,
    usageOperation: 'RunInstances',
    stateReason: image.stateReason,
    sourceImageId: image.sourceImageId,
    sourceImageRegion: image.sourceRegion,
  };
}

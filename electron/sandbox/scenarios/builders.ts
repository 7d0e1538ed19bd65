// Plain-object builders for scenarios: instances with their volumes, images with their
// snapshots, buckets. They write world state directly with AWS's defaults, and mint ids from the
// world's counter, so a scenario yields the same ids on every load.
import { mintImageId, mintInstanceId, mintSnapshotId, mintSubnetId, mintVolumeId, mintVpcId } from '../ids';
import type { Bucket, Image, Instance, Snapshot, SandboxWorld, Tag, Volume } from '../world';

const HOUR = 3_600_000;
export const hoursAgo = (now: number, hours: number): number => now - hours * HOUR;

export interface VolumeSpec {
  readonly region: string;
  readonly availabilityZone: string;
  readonly sizeGiB: number;
  readonly volumeType?: Volume['volumeType'];
  readonly kmsKeyArn?: string; // encrypted when set
  readonly snapshotId?: string;
  readonly createTime: number;
  readonly tags?: Tag[];
  readonly writeRateGiBPerHour?: number;
}

export function addVolume(world: SandboxWorld, spec: VolumeSpec): Volume {
  const volume: Volume = {
    volumeId: mintVolumeId(world),
    accountId: world.defaultAccountId,
    region: spec.region,
    availabilityZone: spec.availabilityZone,
    sizeGiB: spec.sizeGiB,
    volumeType: spec.volumeType ?? 'gp3',
    ...(spec.volumeType === 'gp3' || spec.volumeType === undefined ? { iops: 3000, throughput: 125 } : {}),
    multiAttachEnabled: false,
    encrypted: spec.kmsKeyArn !== undefined,
    ...(spec.kmsKeyArn ? { kmsKeyArn: spec.kmsKeyArn } : {}),
    snapshotId: spec.snapshotId ?? '',
    state: 'available',
    createTime: spec.createTime,
    attachments: [],
    tags: spec.tags ?? [],
    writeRateGiBPerHour: spec.writeRateGiBPerHour ?? 1,
    changedGiBSinceSnapshot: 0,
  };
  world.volumes.set(volume.volumeId, volume);
  return volume;
}

export interface SnapshotSpec {
  readonly region: string;
  readonly ownerId?: string;
  readonly volumeId: string;
  readonly sizeGiB: number;
  readonly kmsKeyArn?: string;
  readonly startTime: number;
  readonly description?: string;
  readonly tags?: Tag[];
  readonly isPublic?: boolean;
}

// A completed snapshot (scenarios describe the past).
export function addSnapshot(world: SandboxWorld, spec: SnapshotSpec): Snapshot {
  const snapshot: Snapshot = {
    snapshotId: mintSnapshotId(world),
    accountId: spec.ownerId ?? world.defaultAccountId,
    region: spec.region,
    volumeId: spec.volumeId,
    volumeSizeGiB: spec.sizeGiB,
    description: spec.description ?? '',
    encrypted: spec.kmsKeyArn !== undefined,
    ...(spec.kmsKeyArn ? { kmsKeyArn: spec.kmsKeyArn } : {}),
    state: 'completed',
    startTime: spec.startTime,
    dataGiB: spec.sizeGiB,
    completesAt: spec.startTime,
    tags: spec.tags ?? [],
    createVolumePermissions: spec.isPublic ? [{ group: 'all' }] : [],
  };
  world.snapshots.set(snapshot.snapshotId, snapshot);
  return snapshot;
}

export interface ImageSpec {
  readonly region: string;
  readonly ownerId?: string;
  readonly name: string;
  readonly description?: string;
  readonly sizeGiB: number;
  readonly kmsKeyArn?: string;
  readonly creationDate: number;
  readonly isPublic?: boolean;
  readonly tags?: Tag[];
}

// An available EBS-backed AMI with one root snapshot on /dev/sda1.
export function addImage(world: SandboxWorld, spec: ImageSpec): { image: Image; snapshot: Snapshot } {
  const ownerId = spec.ownerId ?? world.defaultAccountId;
  const imageId = mintImageId(world);
  const snapshot = addSnapshot(world, {
    region: spec.region,
    ownerId,
    volumeId: 'vol-ffffffff',
    sizeGiB: spec.sizeGiB,
    ...(spec.kmsKeyArn ? { kmsKeyArn: spec.kmsKeyArn } : {}),
    startTime: spec.creationDate,
    description: `Created by CreateImage(i-00000000) for ${imageId}`,
    // A vendor publishing an AMI makes its snapshot public too, or nobody could copy the AMI
    // (CopyImage needs read access to the storage: "You do not have permission to access the
    // storage of this ami").
    ...(spec.isPublic ? { isPublic: true } : {}),
  });
  const image: Image = {
    imageId,
    ownerId,
    region: spec.region,
    name: spec.name,
    description: spec.description ?? '',
    architecture: 'x86_64',
    rootDeviceName: '/dev/sda1',
    rootDeviceType: 'ebs',
    virtualizationType: 'hvm',
    platformDetails: 'Linux/UNIX',
    state: 'available',
    creationDate: spec.creationDate,
    isPublic: spec.isPublic ?? false,
    launchPermissionUserIds: [],
    blockDevices: [
      {
        deviceName: '/dev/sda1',
        ebs: {
          snapshotId: snapshot.snapshotId,
          volumeSizeGiB: spec.sizeGiB,
          volumeType: 'gp2',
          deleteOnTermination: true,
          encrypted: spec.kmsKeyArn !== undefined,
          ...(spec.kmsKeyArn ? { kmsKeyArn: spec.kmsKeyArn } : {}),
        },
      },
    ],
    tags: spec.tags ?? [],
  };
  world.images.set(imageId, image);
  return { image, snapshot };
}

export interface InstanceSpec {
  readonly region: string;
  readonly availabilityZone: string;
  readonly image: Image;
  readonly instanceType: string;
  readonly name: string;
  readonly launchTime: number;
  readonly rootSizeGiB: number;
  readonly rootKmsKeyArn?: string;
  // Extra data volumes, attached in order on the given devices.
  readonly dataVolumes?: {
    device: string;
    sizeGiB: number;
    kmsKeyArn?: string;
    volumeType?: Volume['volumeType'];
  }[];
  readonly state?: 'running' | 'stopped';
  readonly tags?: Tag[];
  readonly securityGroupIds?: string[];
  readonly iamInstanceProfileArn?: string;
  readonly keyName?: string;
}

export function addInstance(
  world: SandboxWorld,
  spec: InstanceSpec,
): { instance: Instance; volumes: Volume[] } {
  const instanceId = mintInstanceId(world);
  const rootSnapshot = spec.image.blockDevices[0]?.ebs?.snapshotId ?? '';
  const devices = [
    {
      device: '/dev/sda1',
      sizeGiB: spec.rootSizeGiB,
      kmsKeyArn: spec.rootKmsKeyArn,
      volumeType: 'gp2' as const,
      snapshotId: rootSnapshot,
    },
    ...(spec.dataVolumes ?? []).map((d) => ({ ...d, snapshotId: '' })),
  ];
  const volumes = devices.map((d) => {
    const volume = addVolume(world, {
      region: spec.region,
      availabilityZone: spec.availabilityZone,
      sizeGiB: d.sizeGiB,
      ...(d.volumeType ? { volumeType: d.volumeType } : {}),
      ...(d.kmsKeyArn ? { kmsKeyArn: d.kmsKeyArn } : {}),
      snapshotId: d.snapshotId,
      createTime: spec.launchTime,
      writeRateGiBPerHour: d.device === '/dev/sda1' ? 0.5 : 2,
    });
    volume.state = 'in-use';
    volume.attachments = [
      {
        instanceId,
        device: d.device,
        state: 'attached',
        attachTime: spec.launchTime,
        deleteOnTermination: d.device === '/dev/sda1',
      },
    ];
    return volume;
  });
  const instance: Instance = {
    instanceId,
    accountId: world.defaultAccountId,
    region: spec.region,
    imageId: spec.image.imageId,
    instanceType: spec.instanceType,
    availabilityZone: spec.availabilityZone,
    subnetId: mintSubnetId(world),
    vpcId: mintVpcId(world),
    securityGroupIds: spec.securityGroupIds ?? [],
    ...(spec.iamInstanceProfileArn ? { iamInstanceProfileArn: spec.iamInstanceProfileArn } : {}),
    ...(spec.keyName ? { keyName: spec.keyName } : {}),
    privateIpAddress: `10.0.${world.idCounter % 250}.${(world.idCounter * 7) % 250}`,
    rootDeviceName: '/dev/sda1',
    rootDeviceType: 'ebs',
    state: spec.state ?? 'running',
    launchTime: spec.launchTime,
    blockDevices: volumes.map((v) => ({
      deviceName: v.attachments[0]?.device ?? '',
      volumeId: v.volumeId,
      deleteOnTermination: v.attachments[0]?.deleteOnTermination ?? false,
      attachTime: spec.launchTime,
    })),
    tags: [{ Key: 'Name', Value: spec.name }, ...(spec.tags ?? [])],
  };
  world.instances.set(instanceId, instance);
  return { instance, volumes };
}

export function addBucket(
  world: SandboxWorld,
  bucket: Omit<Bucket, 'accountId' | 'tags'> & { tags?: Tag[] },
): Bucket {
  const full: Bucket = { accountId: world.defaultAccountId, tags: [], ...bucket };
  world.buckets.set(full.name, full);
  return full;
}

// EC2 instances, volumes and owned snapshots of one region, page by page with the largest page
// each API allows, mapped at once to lean records so the SDK's full answers can be collected.
import type { EC2Client, Instance, Snapshot, Volume } from '@aws-sdk/client-ec2';
import {
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import type { InstanceRecord, SnapshotRecord, VolumeRecord } from '../../../shared/domain/inventory';
import { MAX_PAGE, tagValue } from './scan-clients';

export async function fetchInstances(client: EC2Client, signal?: AbortSignal): Promise<InstanceRecord[]> {
  const records: InstanceRecord[] = [];
  for await (const page of paginateDescribeInstances({ client, pageSize: MAX_PAGE.describeInstances }, {})) {
    signal?.throwIfAborted();
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.State?.Name !== 'terminated') records.push(toInstance(instance));
      }
    }
  }
  return records;
}

export async function fetchVolumes(client: EC2Client, signal?: AbortSignal): Promise<VolumeRecord[]> {
  const records: VolumeRecord[] = [];
  for await (const page of paginateDescribeVolumes({ client, pageSize: MAX_PAGE.describeVolumes }, {})) {
    signal?.throwIfAborted();
    for (const volume of page.Volumes ?? []) records.push(toVolume(volume));
  }
  return records;
}

export async function fetchSnapshots(client: EC2Client, signal?: AbortSignal): Promise<SnapshotRecord[]> {
  const records: SnapshotRecord[] = [];
  const input = { OwnerIds: ['self'] };
  for await (const page of paginateDescribeSnapshots(
    { client, pageSize: MAX_PAGE.describeSnapshots },
    input,
  )) {
    signal?.throwIfAborted();
    for (const snapshot of page.Snapshots ?? []) records.push(toSnapshot(snapshot));
  }
  return records;
}

function toInstance(i: Instance): InstanceRecord {
  const name = tagValue(i.Tags, 'Name');
  const asg = tagValue(i.Tags, 'aws:autoscaling:groupName');
  return {
    id: i.InstanceId ?? '',
    ...(name ? { name } : {}),
    state: i.State?.Name ?? 'unknown',
    type: i.InstanceType ?? '',
    az: i.Placement?.AvailabilityZone ?? '',
    imageId: i.ImageId ?? '',
    ...(i.LaunchTime ? { launchTime: i.LaunchTime.getTime() } : {}),
    ...(i.RootDeviceName ? { rootDevice: i.RootDeviceName } : {}),
    devices: (i.BlockDeviceMappings ?? [])
      .filter((m) => m.Ebs?.VolumeId)
      .map((m) => ({ device: m.DeviceName ?? '', volumeId: m.Ebs?.VolumeId ?? '' })),
    // Filled in once the region's volumes are known (see joinInstanceEncryption).
    encryption: 'unknown',
    ...(asg ? { asg } : {}),
  };
}

function toVolume(v: Volume): VolumeRecord {
  const name = tagValue(v.Tags, 'Name');
  return {
    id: v.VolumeId ?? '',
    ...(name ? { name } : {}),
    sizeGiB: v.Size ?? 0,
    type: v.VolumeType ?? '',
    ...(v.Iops === undefined ? {} : { iops: v.Iops }),
    ...(v.Throughput === undefined ? {} : { throughput: v.Throughput }),
    az: v.AvailabilityZone ?? '',
    state: v.State ?? 'unknown',
    encrypted: v.Encrypted ?? false,
    ...(v.KmsKeyId ? { kmsKeyId: v.KmsKeyId } : {}),
    ...(v.SnapshotId ? { snapshotId: v.SnapshotId } : {}),
    ...(v.MultiAttachEnabled ? { multiAttach: true } : {}),
    attachments: (v.Attachments ?? []).map((a) => ({
      instanceId: a.InstanceId ?? '',
      device: a.Device ?? '',
      state: a.State ?? 'unknown',
      ...(a.DeleteOnTermination === undefined ? {} : { deleteOnTermination: a.DeleteOnTermination }),
    })),
  };
}

function toSnapshot(s: Snapshot): SnapshotRecord {
  return {
    id: s.SnapshotId ?? '',
    volumeId: s.VolumeId ?? '',
    sizeGiB: s.VolumeSize ?? 0,
    state: s.State ?? 'unknown',
    progress: s.Progress ?? '',
    encrypted: s.Encrypted ?? false,
    ...(s.KmsKeyId ? { kmsKeyId: s.KmsKeyId } : {}),
    ...(s.StartTime ? { startTime: s.StartTime.getTime() } : {}),
    ...(s.Description ? { description: s.Description } : {}),
  };
}

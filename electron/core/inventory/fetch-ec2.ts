// EC2 instances, volumes and owned snapshots of one region, page by page with the largest page
// each API allows, mapped at once to lean records so the SDK's full answers can be collected.
// Repeated strings (states, types, AZs, key ARNs, ids that other records point to) go through the
// region's intern table (intern.ts).
import type { EC2Client, Instance, Snapshot, Volume } from '@aws-sdk/client-ec2';
import {
  paginateDescribeInstances,
  paginateDescribeSnapshots,
  paginateDescribeVolumes,
} from '@aws-sdk/client-ec2';
import type { InstanceRecord, SnapshotRecord, VolumeRecord } from '../../../shared/domain/inventory';
import { newIntern, type Intern } from './intern';
import { MAX_PAGE, tagValue } from './scan-clients';

export async function fetchInstances(
  client: EC2Client,
  signal?: AbortSignal,
  intern: Intern = newIntern(),
): Promise<InstanceRecord[]> {
  const records: InstanceRecord[] = [];
  for await (const page of paginateDescribeInstances({ client, pageSize: MAX_PAGE.describeInstances }, {})) {
    signal?.throwIfAborted();
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? []) {
        if (instance.State?.Name !== 'terminated') records.push(toInstance(instance, intern));
      }
    }
  }
  return records;
}

export async function fetchVolumes(
  client: EC2Client,
  signal?: AbortSignal,
  intern: Intern = newIntern(),
): Promise<VolumeRecord[]> {
  const records: VolumeRecord[] = [];
  for await (const page of paginateDescribeVolumes({ client, pageSize: MAX_PAGE.describeVolumes }, {})) {
    signal?.throwIfAborted();
    for (const volume of page.Volumes ?? []) records.push(toVolume(volume, intern));
  }
  return records;
}

export async function fetchSnapshots(
  client: EC2Client,
  signal?: AbortSignal,
  intern: Intern = newIntern(),
): Promise<SnapshotRecord[]> {
  const records: SnapshotRecord[] = [];
  const input = { OwnerIds: ['self'] };
  for await (const page of paginateDescribeSnapshots(
    { client, pageSize: MAX_PAGE.describeSnapshots },
    input,
  )) {
    signal?.throwIfAborted();
    for (const snapshot of page.Snapshots ?? []) records.push(toSnapshot(snapshot, intern));
  }
  return records;
}

function toInstance(i: Instance, intern: Intern): InstanceRecord {
  const name = tagValue(i.Tags, 'Name');
  const asg = tagValue(i.Tags, 'aws:autoscaling:groupName');
  return {
    id: intern(i.InstanceId ?? ''),
    ...(name ? { name } : {}),
    state: intern(i.State?.Name ?? 'unknown'),
    type: intern(i.InstanceType ?? ''),
    az: intern(i.Placement?.AvailabilityZone ?? ''),
    imageId: intern(i.ImageId ?? ''),
    ...(i.LaunchTime ? { launchTime: i.LaunchTime.getTime() } : {}),
    ...(i.RootDeviceName ? { rootDevice: intern(i.RootDeviceName) } : {}),
    devices: (i.BlockDeviceMappings ?? [])
      .filter((m) => m.Ebs?.VolumeId)
      .map((m) => ({ device: intern(m.DeviceName ?? ''), volumeId: intern(m.Ebs?.VolumeId ?? '') })),
    // Filled in once the region's volumes are known (see joinInstanceEncryption).
    encryption: 'unknown',
    ...(asg ? { asg: intern(asg) } : {}),
  };
}

function toVolume(v: Volume, intern: Intern): VolumeRecord {
  const name = tagValue(v.Tags, 'Name');
  return {
    id: intern(v.VolumeId ?? ''),
    ...(name ? { name } : {}),
    sizeGiB: v.Size ?? 0,
    type: intern(v.VolumeType ?? ''),
    ...(v.Iops === undefined ? {} : { iops: v.Iops }),
    ...(v.Throughput === undefined ? {} : { throughput: v.Throughput }),
    az: intern(v.AvailabilityZone ?? ''),
    state: intern(v.State ?? 'unknown'),
    encrypted: v.Encrypted ?? false,
    ...(v.KmsKeyId ? { kmsKeyId: intern(v.KmsKeyId) } : {}),
    ...(v.SnapshotId ? { snapshotId: intern(v.SnapshotId) } : {}),
    ...(v.MultiAttachEnabled ? { multiAttach: true } : {}),
    attachments: (v.Attachments ?? []).map((a) => ({
      instanceId: intern(a.InstanceId ?? ''),
      device: intern(a.Device ?? ''),
      state: intern(a.State ?? 'unknown'),
      ...(a.DeleteOnTermination === undefined ? {} : { deleteOnTermination: a.DeleteOnTermination }),
    })),
  };
}

function toSnapshot(s: Snapshot, intern: Intern): SnapshotRecord {
  return {
    id: intern(s.SnapshotId ?? ''),
    volumeId: intern(s.VolumeId ?? ''),
    sizeGiB: s.VolumeSize ?? 0,
    state: intern(s.State ?? 'unknown'),
    progress: intern(s.Progress ?? ''),
    encrypted: s.Encrypted ?? false,
    ...(s.KmsKeyId ? { kmsKeyId: intern(s.KmsKeyId) } : {}),
    ...(s.StartTime ? { startTime: s.StartTime.getTime() } : {}),
    ...(s.Description ? { description: s.Description } : {}),
  };
}

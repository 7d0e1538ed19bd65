// EC2's XML element names for volumes, snapshots and tags (botocore/SDK v3 EC2 models:
// locationName of each member). Objects here go to fast-xml-parser's builder as they are.
import type { Snapshot, Tag, Volume, VolumeAttachment } from '../world';
import { iso, itemList } from './scope';

export function tagSetXml(tags: readonly Tag[]): { item: { key: string; value: string }[] } {
  return itemList(tags.map((t) => ({ key: t.Key, value: t.Value })));
}

export function attachmentXml(volumeId: string, a: VolumeAttachment): Record<string, unknown> {
  return {
    volumeId,
    instanceId: a.instanceId,
    device: a.device,
    status: a.state,
    attachTime: iso(a.attachTime),
    deleteOnTermination: a.deleteOnTermination,
  };
}

export function volumeXml(v: Volume): Record<string, unknown> {
  return {
    volumeId: v.volumeId,
    size: v.sizeGiB,
    snapshotId: v.snapshotId,
    availabilityZone: v.availabilityZone,
    status: v.state,
    createTime: iso(v.createTime),
    attachmentSet: itemList(v.attachments.map((a) => attachmentXml(v.volumeId, a))),
    tagSet: v.tags.length > 0 ? tagSetXml(v.tags) : undefined,
    volumeType: v.volumeType,
    iops: v.iops,
    encrypted: v.encrypted,
    kmsKeyId: v.encrypted ? v.kmsKeyArn : undefined,
    multiAttachEnabled: v.multiAttachEnabled,
    throughput: v.throughput,
    fastRestored: false,
  };
}

// "NN%": the share of the snapshot's data copied so far; 100% once completed.
export function snapshotProgress(s: Snapshot, now: number): string {
  if (s.state === 'completed') return '100%';
  if (s.state !== 'pending') return '0%';
  const span = s.completesAt - s.startTime;
  const done = span <= 0 ? 0 : Math.floor((100 * (now - s.startTime)) / span);
  return `${Math.max(0, Math.min(99, done))}%`;
}

export function snapshotXml(s: Snapshot, now: number): Record<string, unknown> {
  return {
    snapshotId: s.snapshotId,
    volumeId: s.volumeId,
    status: s.state,
    statusMessage: s.state === 'error' ? s.stateMessage : undefined,
    startTime: iso(s.startTime),
    progress: snapshotProgress(s, now),
    ownerId: s.accountId,
    volumeSize: s.volumeSizeGiB,
    description: s.description,
    encrypted: s.encrypted,
    kmsKeyId: s.encrypted ? s.kmsKeyArn : undefined,
    tagSet: s.tags.length > 0 ? tagSetXml(s.tags) : undefined,
    storageTier: 'standard',
  };
}

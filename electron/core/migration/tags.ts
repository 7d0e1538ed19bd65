// What a migration creates carries tags that say so (envelope:migration = the migration id,
// envelope:step = the step that made it, envelope:origin-volume = the volume it comes from), so a
// resumed migration finds it again with a Describe and a tag filter even when the journal never
// recorded its id (a crash between the AWS call and the journal write).
import {
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  type Snapshot,
  type Tag,
  type Volume,
} from '@aws-sdk/client-ec2';
import type { MigrationContext } from './migration-context';

export const TAG_MIGRATION = 'envelope:migration';
export const TAG_STEP = 'envelope:step';
export const TAG_ORIGIN = 'envelope:origin-volume';

export function migrationTags(migrationId: string, step: string, originVolumeId: string): Tag[] {
  return [
    { Key: TAG_MIGRATION, Value: migrationId },
    { Key: TAG_STEP, Value: step },
    { Key: TAG_ORIGIN, Value: originVolumeId },
  ];
}

const filters = (migrationId: string, step: string, originVolumeId: string) => [
  { Name: `tag:${TAG_MIGRATION}`, Values: [migrationId] },
  { Name: `tag:${TAG_STEP}`, Values: [step] },
  { Name: `tag:${TAG_ORIGIN}`, Values: [originVolumeId] },
];

// The newest usable snapshot a step made of this volume, if any.
export async function findSnapshot(
  ctx: MigrationContext,
  migrationId: string,
  step: string,
  originVolumeId: string,
): Promise<Snapshot | undefined> {
  const answer = await ctx.ec2.send(
    new DescribeSnapshotsCommand({
      OwnerIds: ['self'],
      Filters: filters(migrationId, step, originVolumeId),
      MaxResults: 5,
    }),
  );
  return (answer.Snapshots ?? [])
    .filter((s) => s.State !== 'error')
    .sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0))[0];
}

export async function findVolume(
  ctx: MigrationContext,
  migrationId: string,
  step: string,
  originVolumeId: string,
): Promise<Volume | undefined> {
  const answer = await ctx.ec2.send(
    new DescribeVolumesCommand({ Filters: filters(migrationId, step, originVolumeId), MaxResults: 5 }),
  );
  return (answer.Volumes ?? []).find(
    (v) => v.State !== 'deleted' && v.State !== 'error' && v.State !== 'deleting',
  );
}

export async function describeVolume(ctx: MigrationContext, volumeId: string): Promise<Volume | undefined> {
  try {
    const answer = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: [volumeId] }));
    return answer.Volumes?.[0];
  } catch (error) {
    if ((error as { name?: string }).name === 'InvalidVolume.NotFound') return undefined;
    throw error;
  }
}

export async function describeSnapshot(
  ctx: MigrationContext,
  snapshotId: string,
): Promise<Snapshot | undefined> {
  try {
    const answer = await ctx.ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [snapshotId] }));
    return answer.Snapshots?.[0];
  } catch (error) {
    if ((error as { name?: string }).name === 'InvalidSnapshot.NotFound') return undefined;
    throw error;
  }
}

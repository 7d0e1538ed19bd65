// DescribeSnapshots, CreateSnapshot, DeleteSnapshot.
import { AwsError, type QueryHandler } from '../context';
import { readList, requireParam } from '../protocol/query-params';
import type { Snapshot } from '../world';
import { describe } from './describe';
import { checkIdShape, snapshotNotFound } from './errors';
import { bool, type FilterFields } from './filters';
import { ownerAlias, ownerMatches } from './owners';
import { isMine, itemList, iso } from './scope';
import { snapshotProgress, snapshotXml } from './serialize';
import { canUseSnapshot, findMySnapshot } from './snapshot-access';
import { snapshotVolume } from './snapshot-factory';
import { tagsFor } from './tags';
import { findMyVolume } from './volumes';

export const describeSnapshots: QueryHandler = (ctx, params) => {
  const now = ctx.clock.now();
  const owners = readList(params, 'Owner');
  const restorableBy = readList(params, 'RestorableBy');
  const fields: FilterFields<Snapshot> = {
    'snapshot-id': (s) => [s.snapshotId],
    'volume-id': (s) => [s.volumeId],
    status: (s) => [s.state],
    encrypted: (s) => [bool(s.encrypted)],
    'owner-id': (s) => [s.accountId],
    'owner-alias': (s) => [ownerAlias(s.accountId)],
    description: (s) => [s.description],
    progress: (s) => [snapshotProgress(s, now)],
    'start-time': (s) => [iso(s.startTime)],
    'volume-size': (s) => [String(s.volumeSizeGiB)],
    'storage-tier': () => ['standard'],
  };
  const visible = [...ctx.world.snapshots.values()].filter(
    (s) =>
      s.region === ctx.region &&
      canUseSnapshot(ctx, s) &&
      (owners.length === 0 || owners.some((o) => ownerMatches(ctx, o, s.accountId))) &&
      (restorableBy.length === 0 ||
        restorableBy.some((r) =>
          r === 'all'
            ? s.createVolumePermissions.some((p) => p.group === 'all')
            : s.accountId === (r === 'self' ? ctx.accountId : r) ||
              s.createVolumePermissions.some((p) => p.userId === (r === 'self' ? ctx.accountId : r)),
        )),
  );
  const page = describe(params, {
    action: 'DescribeSnapshots',
    visible,
    idOf: (s) => s.snapshotId,
    idParam: 'SnapshotId',
    setName: 'snapshotSet',
    checkId: (id) => checkIdShape('snapshot', id),
    notFound: snapshotNotFound,
    fields,
    min: 5,
    max: 1000,
  });
  return { snapshotSet: itemList(page.items.map((s) => snapshotXml(s, now))), nextToken: page.nextToken };
};

export const createSnapshot: QueryHandler = (ctx, params) => {
  const volume = findMyVolume(ctx, requireParam(params, 'VolumeId'));
  if (volume.state !== 'available' && volume.state !== 'in-use') {
    throw new AwsError('IncorrectState', `Volume '${volume.volumeId}' is in the '${volume.state}' state.`);
  }
  const snapshot = snapshotVolume(ctx, volume, params.Description ?? '', tagsFor(params, 'snapshot'));
  return snapshotXml(snapshot, ctx.clock.now());
};

export const deleteSnapshot: QueryHandler = (ctx, params) => {
  const snapshot = findMySnapshot(ctx, requireParam(params, 'SnapshotId'));
  for (const image of ctx.world.images.values()) {
    if (!isMine(ctx, image) || image.state === 'deregistered') continue;
    if (image.blockDevices.some((bd) => bd.ebs?.snapshotId === snapshot.snapshotId)) {
      throw new AwsError(
        'InvalidSnapshot.InUse',
        `The snapshot ${snapshot.snapshotId} is currently in use by ${image.imageId}`,
      );
    }
  }
  ctx.world.snapshots.delete(snapshot.snapshotId);
  return { return: true };
};

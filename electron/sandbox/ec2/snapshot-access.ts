// Which snapshots a caller can use: its own, public ones (createVolumePermission group all) and
// those shared with its account, in the region the call names.
import type { CallContext } from '../context';
import type { Snapshot } from '../world';
import { checkIdShape, snapshotNotFound } from './errors';

export function canUseSnapshot(ctx: CallContext, s: Snapshot): boolean {
  return (
    s.accountId === ctx.accountId ||
    s.createVolumePermissions.some((p) => p.group === 'all' || p.userId === ctx.accountId)
  );
}

export function findVisibleSnapshot(ctx: CallContext, snapshotId: string, region = ctx.region): Snapshot {
  checkIdShape('snapshot', snapshotId);
  const s = ctx.world.snapshots.get(snapshotId);
  if (!s || s.region !== region || !canUseSnapshot(ctx, s)) throw snapshotNotFound(snapshotId);
  return s;
}

export function findMySnapshot(ctx: CallContext, snapshotId: string): Snapshot {
  checkIdShape('snapshot', snapshotId);
  const s = ctx.world.snapshots.get(snapshotId);
  if (!s || s.region !== ctx.region || s.accountId !== ctx.accountId) throw snapshotNotFound(snapshotId);
  return s;
}

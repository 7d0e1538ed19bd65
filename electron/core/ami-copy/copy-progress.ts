// Reading a running copy: the new AMI's state and each of its snapshots' Progress ("NN%"), the
// fraction done by size and an estimate of the time left from the rate observed so far.
import type { Image, Snapshot } from '@aws-sdk/client-ec2';
import type { SnapshotProgress } from '../../../shared/domain/ami-copy';

export function percentOf(progress: string | undefined): number {
  const n = Number.parseFloat((progress ?? '').replace('%', ''));
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n / 100)) : 0;
}

export function snapshotProgress(image: Image, snapshots: readonly Snapshot[]): SnapshotProgress[] {
  const byId = new Map(snapshots.map((s) => [s.SnapshotId ?? '', s]));
  return (image.BlockDeviceMappings ?? []).flatMap((m) => {
    const id = m.Ebs?.SnapshotId;
    if (!id) return [];
    const s = byId.get(id);
    const state = s?.State ?? 'pending';
    return [
      {
        device: m.DeviceName ?? '',
        snapshotId: id,
        sizeGiB: s?.VolumeSize ?? m.Ebs?.VolumeSize ?? 0,
        state,
        fraction: state === 'completed' ? 1 : percentOf(s?.Progress),
        ...(s?.StateMessage ? { message: s.StateMessage } : {}),
      },
    ];
  });
}

// Weighted by size so a 1 TiB data snapshot counts more than an 8 GiB root.
export function overallFraction(snapshots: readonly SnapshotProgress[]): number {
  const total = snapshots.reduce((s, p) => s + Math.max(p.sizeGiB, 1), 0);
  if (total === 0) return 0;
  return snapshots.reduce((s, p) => s + Math.max(p.sizeGiB, 1) * p.fraction, 0) / total;
}

// Seconds left: from the observed rate once a little progress is seen, else the plan's estimate.
export function secondsLeft(fraction: number, elapsedMs: number, estimatedSeconds: number): number {
  if (fraction >= 1) return 0;
  if (fraction >= 0.02 && elapsedMs > 0) return Math.round(((elapsedMs / fraction) * (1 - fraction)) / 1000);
  return Math.max(0, Math.round(estimatedSeconds - elapsedMs / 1000));
}

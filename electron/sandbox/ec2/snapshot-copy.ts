// CopySnapshot, and the per-snapshot copy that CopyImage also uses.
// Size of a copy (EBS user guide, "Copy an Amazon EBS snapshot"; AWS what's-new 2018-05): the
// first copy of a lineage into a region under a key is complete (non-incremental); later copies of
// the same lineage (same source volume) into the same region under the same key copy only what
// changed. Encrypting or changing the key therefore starts a new lineage and copies everything.
// Copies report VolumeId vol-ffffffff. At most 20 CopySnapshot run at once per destination region.
import { AwsError, type CallContext, type QueryHandler } from '../context';
import { mintSnapshotId } from '../ids';
import { optionalBool, requireParam } from '../protocol/query-params';
import type { Snapshot, Tag } from '../world';
import { planEncryption } from './ebs-encryption';
import { checkKey, copyFailureMessage } from './key-failures';
import { findVisibleSnapshot } from './snapshot-access';
import { durationMs, MIN_SNAPSHOT_MS } from './snapshot-factory';
import { tagsFor } from './tags';
import { tagSetXml } from './serialize';

export const COPIED_VOLUME_ID = 'vol-ffffffff';
export const MAX_CONCURRENT_SNAPSHOT_COPIES = 20;
// CopyImage names its snapshot copies this way; they do not count against CopySnapshot's limit.
export const COPY_IMAGE_DESCRIPTION_PREFIX = 'Copied for DestinationAmi';

export function lineageOf(world: CallContext['world'], snapshot: Snapshot): string {
  let current = snapshot;
  for (let hops = 0; current.sourceSnapshotId && hops < 100; hops++) {
    const parent = world.snapshots.get(current.sourceSnapshotId);
    if (!parent) return current.sourceSnapshotId;
    current = parent;
  }
  return current.volumeId;
}

export interface CopyRequest {
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly description: string;
  readonly tags: Tag[];
}

export function copySnapshotHere(ctx: CallContext, source: Snapshot, req: CopyRequest): Snapshot {
  const world = ctx.world;
  const now = ctx.clock.now();
  const plan = planEncryption(ctx, {
    encrypted: req.encrypted,
    kmsKeyId: req.kmsKeyId,
    source: { encrypted: source.encrypted, kmsKeyArn: source.kmsKeyArn, region: source.region },
  });
  // Reading an encrypted source needs its key (in the source region); writing needs the target key.
  const sourceCheck = source.encrypted
    ? checkKey({ ...ctx, region: source.region }, source.kmsKeyArn, 'decrypt')
    : undefined;
  const targetCheck = plan.encrypted ? checkKey(ctx, plan.keyRef, 'encrypt') : undefined;
  const failure =
    (sourceCheck && !sourceCheck.ok ? sourceCheck.failure : undefined) ??
    (targetCheck && !targetCheck.ok ? targetCheck.failure : undefined);
  // Accepted either way: the copy errs later with the reason in its StateMessage (key-failures.ts).
  const kmsKeyArn = targetCheck?.ok ? targetCheck.key.arn : targetCheck?.failure.key?.arn;

  const lineage = lineageOf(world, source);
  const hasPriorCopy = [...world.snapshots.values()].some(
    (c) =>
      c.accountId === ctx.accountId &&
      c.region === ctx.region &&
      c.sourceSnapshotId !== undefined &&
      c.state !== 'error' &&
      c.encrypted === plan.encrypted &&
      c.kmsKeyArn === kmsKeyArn &&
      lineageOf(world, c) === lineage,
  );
  const dataGiB = hasPriorCopy ? source.dataGiB : source.volumeSizeGiB;
  const copy: Snapshot = {
    snapshotId: mintSnapshotId(world),
    accountId: ctx.accountId,
    region: ctx.region,
    volumeId: COPIED_VOLUME_ID,
    volumeSizeGiB: source.volumeSizeGiB,
    description: req.description,
    encrypted: plan.encrypted,
    kmsKeyArn,
    state: 'pending',
    stateMessage: failure ? copyFailureMessage(failure) : undefined,
    startTime: now,
    dataGiB,
    completesAt: now + (failure ? MIN_SNAPSHOT_MS : durationMs(dataGiB, ctx.rates.copyGiBPerSecond)),
    sourceSnapshotId: source.snapshotId,
    sourceRegion: source.region,
    tags: req.tags,
    createVolumePermissions: [],
  };
  world.snapshots.set(copy.snapshotId, copy);
  return copy;
}

function copiesInProgress(ctx: CallContext): number {
  let n = 0;
  for (const s of ctx.world.snapshots.values()) {
    if (
      s.state === 'pending' &&
      s.sourceSnapshotId !== undefined &&
      s.region === ctx.region &&
      s.accountId === ctx.accountId &&
      !s.description.startsWith(COPY_IMAGE_DESCRIPTION_PREFIX)
    ) {
      n++;
    }
  }
  return n;
}

export function assertCompleted(snapshot: Snapshot): void {
  if (snapshot.state !== 'completed') {
    throw new AwsError('IncorrectState', `Snapshot is in invalid state - ${snapshot.state}`);
  }
}

export const copySnapshot: QueryHandler = (ctx, params) => {
  const sourceRegion = requireParam(params, 'SourceRegion');
  const sourceId = requireParam(params, 'SourceSnapshotId');
  const source = findVisibleSnapshot(ctx, sourceId, sourceRegion);
  assertCompleted(source);
  if (copiesInProgress(ctx) >= MAX_CONCURRENT_SNAPSHOT_COPIES) {
    throw new AwsError(
      'ResourceLimitExceeded',
      `Too many snapshot copies in progress. The limit is ${MAX_CONCURRENT_SNAPSHOT_COPIES} for this destination region.`,
    );
  }
  const tags = tagsFor(params, 'snapshot');
  const copy = copySnapshotHere(ctx, source, {
    encrypted: optionalBool(params, 'Encrypted'),
    kmsKeyId: params.KmsKeyId,
    description: params.Description ?? `[Copied ${source.snapshotId} from ${sourceRegion}]`,
    tags,
  });
  return { snapshotId: copy.snapshotId, tagSet: tags.length > 0 ? tagSetXml(tags) : undefined };
};

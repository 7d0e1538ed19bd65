// One encrypted AMI copy, run to the end: wait for a slot and a CopyImage token in the destination
// region, check the key again (it may have changed since the plan), CopyImage with Encrypted and
// KmsKeyId and a ClientToken (a retried or resumed run finds the same copy), then poll
// DescribeImages + DescribeSnapshots for per-snapshot progress until the AMI is available. A
// hand-written poll rather than waitUntilImageAvailable because the page needs every snapshot's
// Progress on the way; throttling and 5xx during polls are waited out.
// Cancelled or failed after CopyImage: the partial copy is NOT deleted; its ids go with the error
// (jobResult) so that the user can confirm the cleanup.
import type { Image, Snapshot } from '@aws-sdk/client-ec2';
import { CopyImageCommand, DescribeImagesCommand, DescribeSnapshotsCommand } from '@aws-sdk/client-ec2';
import { paginateListAliases } from '@aws-sdk/client-kms';
import type { CopyProgress, CopyResult, PartialCopy, SnapshotKey } from '../../../shared/domain/ami-copy';
import { formatBlockDevice } from '../../../shared/inventory/block-device';
import { keyLabel, sameKey } from '../../../shared/kms/key-reference';
import { AppError } from '../errors/app-error';
import { keyCause } from '../migration/key-cause';
import { imageBlockDevices } from '../inventory/fetch-images';
import { DEFAULT_POLL_MS, sleep, type AmiCopyDeps } from './deps';
import { checkDestinationKey } from './key-check';
import { CopyLimits } from './limits';
import { overallFraction, secondsLeft, snapshotProgress } from './copy-progress';
import { estimateSeconds } from './plan-ami-copy';
import { isTransient } from './transient';

export interface CopyImageEncryptedInput {
  readonly sourceImageId: string;
  readonly sourceRegion: string;
  readonly destRegion: string;
  readonly kmsKeyRef?: string; // blank: the destination region's default EBS key (aws/ebs)
  readonly name: string;
  readonly description?: string;
  readonly copyTags?: boolean;
  readonly clientToken?: string;
  readonly estimatedSeconds?: number;
}

export type CopyProgressUpdate = Omit<CopyProgress, 'jobId'>;

export interface CopyRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (update: CopyProgressUpdate) => void;
}

// An AppError that carries what the copy left behind; the job keeps it as its result.
export class PartialCopyError extends AppError {
  constructor(
    code: string,
    message: string,
    hint: string | undefined,
    readonly jobResult: PartialCopy,
  ) {
    super(code, message, hint);
  }
}

// Copies share the process-wide limits unless the caller brings its own.
const sharedLimits = new CopyLimits();
const MAX_TRANSIENT_POLLS = 40;

export async function copyImageEncrypted(
  deps: AmiCopyDeps,
  input: CopyImageEncryptedInput,
  options: CopyRunOptions = {},
): Promise<CopyResult> {
  const { signal, onProgress } = options;
  const limits = deps.limits ?? sharedLimits;
  const base = { sourceImageId: input.sourceImageId, destRegion: input.destRegion };
  onProgress?.({ ...base, imageState: 'queued', snapshots: [], fraction: 0 });
  const release = await limits.slot(input.destRegion, signal);
  try {
    const caller = await deps.caller();
    const { key } = await checkDestinationKey(deps, input.kmsKeyRef, input.destRegion, caller);
    signal?.throwIfAborted();
    await limits.copyImageToken(input.destRegion, signal);
    const ec2 = deps.ec2(input.destRegion);
    const answer = await ec2.send(
      new CopyImageCommand({
        SourceImageId: input.sourceImageId,
        SourceRegion: input.sourceRegion,
        Name: input.name,
        ...(input.description ? { Description: input.description } : {}),
        Encrypted: true,
        KmsKeyId: key.arn,
        CopyImageTags: input.copyTags ?? true,
        ...(input.clientToken ? { ClientToken: input.clientToken } : {}),
      }),
      { abortSignal: signal },
    );
    const imageId = answer.ImageId ?? '';
    const image = await follow(deps, input, imageId, options, { arn: key.arn, label: keyLabel(key) });
    return await resultOf(deps, input, image, key.arn);
  } finally {
    release();
  }
}

interface Observed {
  image?: Image;
  snapshots: Snapshot[];
}

async function observe(
  deps: AmiCopyDeps,
  region: string,
  imageId: string,
  signal?: AbortSignal,
): Promise<Observed> {
  const ec2 = deps.ec2(region);
  const images = await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }), { abortSignal: signal });
  const image = images.Images?.[0];
  const ids = (image?.BlockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
  );
  if (!image || ids.length === 0) return { ...(image ? { image } : {}), snapshots: [] };
  const snapshots = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: ids }), {
    abortSignal: signal,
  });
  return { image, snapshots: snapshots.Snapshots ?? [] };
}

async function follow(
  deps: AmiCopyDeps,
  input: CopyImageEncryptedInput,
  imageId: string,
  { signal, onProgress }: CopyRunOptions,
  key: { readonly arn: string; readonly label: string },
): Promise<Image> {
  const now = deps.now ?? Date.now;
  const started = now();
  const estimate = input.estimatedSeconds ?? estimateSeconds(0);
  let last: Observed = { snapshots: [] };
  let transient = 0;
  let polls = 0;
  let seen: Observed | undefined; // the last answer that still held the image
  const partial = (): PartialCopy => ({
    partial: true,
    sourceImageId: input.sourceImageId,
    sourceRegion: input.sourceRegion,
    destRegion: input.destRegion,
    imageId,
    snapshotIds: snapshotIdsOf(last.image ? last : (seen ?? last)),
    cleanedUp: false,
  });
  for (;;) {
    if (signal?.aborted) {
      throw new PartialCopyError(
        'cancelled',
        `The copy of ${input.sourceImageId} was cancelled; the partial copy ${imageId} is kept until you confirm its cleanup.`,
        'Clean up deregisters the partial AMI and deletes its snapshots.',
        partial(),
      );
    }
    try {
      last = await observe(deps, input.destRegion, imageId, signal);
      transient = 0;
    } catch (error) {
      if (signal?.aborted) continue;
      if (!isTransient(error) || ++transient > MAX_TRANSIENT_POLLS) throw withPartial(error, partial());
    }
    const snapshots = last.image ? snapshotProgress(last.image, last.snapshots) : [];
    const fraction = overallFraction(snapshots);
    const imageState = last.image?.State ?? 'pending';
    onProgress?.({
      sourceImageId: input.sourceImageId,
      destRegion: input.destRegion,
      imageId,
      imageState,
      snapshots,
      fraction: imageState === 'available' ? 1 : Math.min(fraction, 0.99),
      secondsLeft: imageState === 'available' ? 0 : secondsLeft(fraction, now() - started, estimate),
    });
    // Deregistered under us: AWS lists it as 'deregistered' for a short while, then answers its id
    // with nothing (DescribeImages API reference). Not seen yet is only eventual consistency.
    if (last.image) seen = last;
    if (imageState === 'deregistered' || (seen && !last.image)) {
      throw new PartialCopyError(
        'copy-deregistered',
        `The encrypted copy ${imageId} of ${input.sourceImageId} was deregistered while it was being made.`,
        'Clean up its snapshots and start again.',
        partial(),
      );
    }
    const failedSnapshot = snapshots.find((s) => s.state === 'error');
    if (imageState === 'failed' || imageState === 'error' || failedSnapshot) {
      const reason = failedSnapshot?.message ?? last.image?.StateReason?.Message ?? 'no reason given';
      // CopyImage accepts a key EBS cannot use and fails the copy afterwards (EC2 API reference,
      // CopyImage KmsKeyId): read the key's state so the message names it.
      const cause = /KMS|key|no reason given/i.test(reason)
        ? await keyCause(deps.kms(input.destRegion), key.arn, key.label, input.destRegion)
        : undefined;
      throw new PartialCopyError(
        'copy-failed',
        `The encrypted copy ${imageId} of ${input.sourceImageId} failed${failedSnapshot ? ` (snapshot ${failedSnapshot.snapshotId} on ${failedSnapshot.device})` : ''}: ${reason}${cause ? `; ${cause.sentence}` : ''}.`,
        cause
          ? `${cause.hint} Then clean up the partial copy and start again.`
          : 'Clean up the partial copy and start again.',
        partial(),
      );
    }
    if (imageState === 'available' && last.image) return last.image;
    try {
      // 1 s, 2 s, 4 s … up to pollMs: a short copy is seen to end soon, a long one polled gently.
      await sleep(Math.min(deps.pollMs ?? DEFAULT_POLL_MS, 1000 * 2 ** Math.min(polls++, 10)), signal);
    } catch {
      // Aborted while sleeping: the loop's first check reports it with the partial ids.
    }
  }
}

function snapshotIdsOf(observed: Observed): string[] {
  return (observed.image?.BlockDeviceMappings ?? []).flatMap((m) =>
    m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [],
  );
}

function withPartial(error: unknown, partial: PartialCopy): unknown {
  if (error instanceof AppError) return new PartialCopyError(error.code, error.message, error.hint, partial);
  if (typeof error === 'object' && error !== null) Object.assign(error, { jobResult: partial });
  return error;
}

async function aliasesOf(deps: AmiCopyDeps, region: string, keyArn: string): Promise<string[]> {
  try {
    const names: string[] = [];
    for await (const page of paginateListAliases(
      { client: deps.kms(region), pageSize: 100 },
      { KeyId: keyArn },
    )) {
      for (const a of page.Aliases ?? []) if (a.AliasName) names.push(a.AliasName);
    }
    return names;
  } catch {
    return [];
  }
}

async function resultOf(
  deps: AmiCopyDeps,
  input: CopyImageEncryptedInput,
  image: Image,
  keyArn: string,
): Promise<CopyResult> {
  const blockDevices = imageBlockDevices(image);
  const { snapshots } = await observe(deps, input.destRegion, image.ImageId ?? '');
  const aliasCache = new Map<string, string[]>();
  const keys: SnapshotKey[] = [];
  for (const d of blockDevices) {
    if (!d.snapshotId) continue;
    const s = snapshots.find((x) => x.SnapshotId === d.snapshotId);
    // The key is the snapshot's: DescribeImages never gives it (EC2 API reference, EbsBlockDevice).
    const arn = s?.KmsKeyId;
    if (arn && !aliasCache.has(arn)) aliasCache.set(arn, await aliasesOf(deps, input.destRegion, arn));
    keys.push({
      device: d.device,
      snapshotId: d.snapshotId,
      encrypted: s?.Encrypted ?? d.encrypted ?? false,
      ...(arn ? { kmsKeyArn: arn, keyId: arn.slice(arn.lastIndexOf('/') + 1) } : {}),
      aliases: arn ? (aliasCache.get(arn) ?? []) : [],
    });
  }
  const wrong = keys.find((k) => !k.encrypted || !sameKey(k.kmsKeyArn, keyArn));
  if (wrong) {
    throw new AppError(
      'copy-not-encrypted-as-asked',
      `Snapshot ${wrong.snapshotId} of the copy ${image.ImageId ?? ''} is ${wrong.encrypted ? `encrypted with ${wrong.kmsKeyArn ?? 'an unknown key'}` : 'not encrypted'}, not with ${keyLabel({ keyId: keyArn, aliases: [] })}.`,
      'Do not use this copy; deregister it and report the problem.',
    );
  }
  return {
    sourceImageId: input.sourceImageId,
    sourceRegion: input.sourceRegion,
    destRegion: input.destRegion,
    imageId: image.ImageId ?? '',
    name: image.Name ?? input.name,
    state: image.State ?? 'available',
    // Each device with its snapshot's key, as the inventory shows an AMI's devices.
    blockDevices: blockDevices.map((d) => {
      const k = keys.find((x) => x.snapshotId === d.snapshotId);
      return k?.kmsKeyArn ? { ...d, kmsKeyId: k.kmsKeyArn } : d;
    }),
    blockDeviceText: blockDevices.map(formatBlockDevice),
    snapshots: keys,
  };
}

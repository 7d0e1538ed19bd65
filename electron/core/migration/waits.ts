// Waiting for EBS and EC2 to reach a state: the SDK's waiters where their acceptors fit, with a
// maximum wait that scales with the data to copy (a 1 TiB first snapshot takes hours, a fixed
// one-hour wait is what broke earlier tools), and a small poll where no waiter says what we need
// (an instance that falls back to stopped after StartInstances, an attachment that is 'attached').
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  waitUntilImageAvailable,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
  waitUntilSnapshotCompleted,
  type Instance,
  type Volume,
} from '@aws-sdk/client-ec2';
import { AppError } from '../errors/app-error';
import type { MigrationContext } from './migration-context';

const MINUTE = 60;

function options(ctx: MigrationContext, maxWaitSeconds: number, signal?: AbortSignal) {
  const maxWaitTime = Math.max(ctx.waits.minDelay * 2, maxWaitSeconds * ctx.waits.timeScale);
  return {
    client: ctx.ec2,
    minDelay: ctx.waits.minDelay,
    maxDelay: ctx.waits.maxDelay,
    maxWaitTime,
    ...(signal ? { abortSignal: signal } : {}),
  };
}

function waiterError(what: string, error: unknown): unknown {
  const name = (error as { name?: string }).name;
  if (name === 'AbortError') return error;
  if (name === 'TimeoutError') {
    return new AppError(
      'wait-timeout',
      `Timed out waiting for ${what}.`,
      'Resume the migration later: it continues from its journal.',
    );
  }
  return new AppError(
    'wait-failed',
    `AWS reported a failure while waiting for ${what}.`,
    'Roll back, or resume after fixing the cause.',
  );
}

// What a failed waiter saw, read again so the error names AWS's own reason (a snapshot's
// StateMessage, an image's StateReason) rather than "a failure".
async function snapshotFailure(ctx: MigrationContext, snapshotIds: readonly string[]): Promise<AppError> {
  const answer = await ctx.ec2
    .send(new DescribeSnapshotsCommand({ SnapshotIds: [...snapshotIds] }))
    .catch(() => undefined);
  const failed = (answer?.Snapshots ?? []).filter((s) => s.State === 'error');
  const text = failed.map((s) => `${s.SnapshotId ?? '?'}: ${s.StateMessage ?? 'no reason given'}`).join('; ');
  return new AppError(
    'snapshot-failed',
    `EBS reported snapshot${failed.length === 1 ? '' : 's'} in state error (${text || snapshotIds.join(', ')}).`,
    'Roll back, or resume after fixing the cause.',
  );
}

// Snapshot time grows with the GiB to copy: 30 min plus 30 s per GiB (1 TiB ≈ 9 h).
export async function waitSnapshots(
  ctx: MigrationContext,
  snapshotIds: readonly string[],
  totalGiB: number,
  signal?: AbortSignal,
): Promise<void> {
  if (snapshotIds.length === 0) return;
  try {
    await waitUntilSnapshotCompleted(options(ctx, 30 * MINUTE + 30 * totalGiB, signal), {
      SnapshotIds: [...snapshotIds],
    });
  } catch (error) {
    const failed = waiterError(`snapshots ${snapshotIds.join(', ')}`, error);
    if (failed instanceof AppError && failed.code === 'wait-failed')
      throw await snapshotFailure(ctx, snapshotIds);
    throw failed;
  }
}

// States a volume never leaves for 'available'. A volume whose KMS key EBS cannot use is accepted
// by CreateVolume and then goes 'deleted' and disappears (EC2 API reference, CreateVolume KmsKeyId:
// "the action can appear to complete, but eventually fails"); 'error' is a failed volume.
const DEAD_VOLUME_STATES = new Set(['deleting', 'deleted', 'error']);
// A volume just created may be missing from DescribeVolumes for a moment (EC2's eventual
// consistency): it counts as gone once it was seen and is missing, or when it was never seen in
// this many polls over at least this long (seconds, times waits.timeScale).
const POLLS_BEFORE_GONE = 3;
const NEVER_SEEN_GRACE_SECONDS = 60;

// Every volume available. SDK's VolumeAvailable waiter fails only on 'deleted' and keeps polling
// a volume that is in 'error' or no longer exists until its maximum wait, so this polls itself
// (filtering by volume-id, which leaves a missing volume out instead of failing the call) and
// fails at the first poll that shows a volume dead or gone.
export async function waitVolumesAvailable(
  ctx: MigrationContext,
  volumeIds: readonly string[],
  signal?: AbortSignal,
): Promise<void> {
  if (volumeIds.length === 0) return;
  const seen = new Set<string>();
  const missing = new Map<string, number>();
  const graceEnds = Date.now() + NEVER_SEEN_GRACE_SECONDS * ctx.waits.timeScale * 1000;
  await poll(
    ctx,
    `volumes ${volumeIds.join(', ')} to be available`,
    15 * MINUTE,
    async () => {
      const answer = await ctx.ec2.send(
        new DescribeVolumesCommand({ Filters: [{ Name: 'volume-id', Values: [...volumeIds] }] }),
        signal ? { abortSignal: signal } : {},
      );
      const byId = new Map((answer.Volumes ?? []).map((v) => [v.VolumeId ?? '', v]));
      const problems: string[] = [];
      for (const id of volumeIds) {
        const volume = byId.get(id);
        if (volume) {
          seen.add(id);
          missing.delete(id);
          if (DEAD_VOLUME_STATES.has(volume.State ?? '')) problems.push(`${id} is ${volume.State ?? '?'}`);
          continue;
        }
        const polls = (missing.get(id) ?? 0) + 1;
        missing.set(id, polls);
        const neverCame = polls >= POLLS_BEFORE_GONE && Date.now() >= graceEnds;
        if (seen.has(id) || neverCame) problems.push(`${id} no longer exists`);
      }
      if (problems.length > 0) {
        throw new AppError(
          'volume-failed',
          `EBS did not make the volume${volumeIds.length === 1 ? '' : 's'} available (${problems.join('; ')}).`,
          'Roll back, or resume after fixing the cause.',
        );
      }
      return [...byId.values()].length === volumeIds.length &&
        [...byId.values()].every((v) => v.State === 'available')
        ? true
        : 'retry';
    },
    signal,
  );
}

export async function waitInstanceStopped(ctx: MigrationContext, instanceId: string, signal?: AbortSignal) {
  try {
    await waitUntilInstanceStopped(options(ctx, 20 * MINUTE, signal), { InstanceIds: [instanceId] });
  } catch (error) {
    throw waiterError(`${instanceId} to stop`, error);
  }
}

// An image is available once its snapshots are: the same allowance as snapshots of that size. A
// failed image (CopyImage under a key EBS cannot use ends 'failed') is reported with its StateReason.
export async function waitImageAvailable(
  ctx: MigrationContext,
  imageId: string,
  totalGiB: number,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await waitUntilImageAvailable(options(ctx, 30 * MINUTE + 30 * totalGiB, signal), { ImageIds: [imageId] });
  } catch (error) {
    const failed = waiterError(`image ${imageId} to be available`, error);
    if (!(failed instanceof AppError) || failed.code !== 'wait-failed') throw failed;
    const answer = await ctx.ec2
      .send(new DescribeImagesCommand({ ImageIds: [imageId] }))
      .catch(() => undefined);
    const image = answer?.Images?.[0];
    throw new AppError(
      'image-failed',
      `The image ${imageId} is ${image?.State ?? 'failed'} (${image?.StateReason?.Message ?? 'no reason given'}).`,
      'Roll back, or resume after fixing the cause.',
    );
  }
}

export async function waitInstanceTerminated(
  ctx: MigrationContext,
  instanceId: string,
  signal?: AbortSignal,
) {
  try {
    await waitUntilInstanceTerminated(options(ctx, 20 * MINUTE, signal), { InstanceIds: [instanceId] });
  } catch (error) {
    throw waiterError(`${instanceId} to terminate`, error);
  }
}

const sleep = (seconds: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

// Polls `check` until it returns a value, with the waiters' delays; 'retry' keeps polling.
async function poll<T>(
  ctx: MigrationContext,
  what: string,
  maxWaitSeconds: number,
  check: () => Promise<T | 'retry'>,
  signal?: AbortSignal,
): Promise<T> {
  const deadline = Date.now() + maxWaitSeconds * ctx.waits.timeScale * 1000;
  let delay = ctx.waits.minDelay;
  for (;;) {
    const result = await check();
    if (result !== 'retry') return result;
    if (Date.now() + delay * 1000 > deadline) {
      throw new AppError('wait-timeout', `Timed out waiting for ${what}.`, 'Resume the migration later.');
    }
    await sleep(delay, signal);
    delay = Math.min(ctx.waits.maxDelay, delay * 2);
  }
}

export async function describeInstance(
  ctx: MigrationContext,
  instanceId: string,
): Promise<Instance | undefined> {
  const answer = await ctx.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  return answer.Reservations?.[0]?.Instances?.[0];
}

// State reasons of a stop someone asked for; any other reason on a stopped instance after
// StartInstances is a launch that failed (Client.InvalidKMSKey.InvalidState, Client.InternalError,
// Server.InsufficientInstanceCapacity, …).
const REQUESTED_STOP_REASONS = new Set([
  'Client.UserInitiatedShutdown',
  'Client.InstanceInitiatedShutdown',
  'Client.UserInitiatedHibernate',
  'Server.ScheduledStop',
]);

// Running, or an error with EC2's state reason when the start fell back to stopped (a key EC2
// cannot use, a type that refuses encrypted volumes). The pending phase of a failed launch can be
// shorter than a poll, so a stopped instance whose reason is a launch failure counts as failed
// without having been seen pending (otherwise the wait would poll to its timeout).
export async function waitInstanceRunning(ctx: MigrationContext, instanceId: string, signal?: AbortSignal) {
  let sawPending = false;
  let unknown = 0;
  await poll(
    ctx,
    `${instanceId} to run`,
    20 * MINUTE,
    async () => {
      // Right after RunInstances the new id may not have reached DescribeInstances yet
      // (InvalidInstanceID.NotFound; "Eventual consistency in the Amazon EC2 API"): poll again, a few times.
      const instance = await describeInstance(ctx, instanceId).catch((error: unknown) => {
        const notYet = (error as { name?: string }).name === 'InvalidInstanceID.NotFound';
        if (notYet && ++unknown < POLLS_BEFORE_GONE) return 'not-yet' as const;
        throw error;
      });
      if (instance === 'not-yet') return 'retry';
      const state = instance?.State?.Name;
      if (state === 'running') return true;
      if (state === 'pending') sawPending = true;
      const reason = instance?.StateReason?.Code;
      const launchFailed = reason !== undefined && !REQUESTED_STOP_REASONS.has(reason);
      if (
        state === 'terminated' ||
        state === 'shutting-down' ||
        (state === 'stopped' && (sawPending || launchFailed))
      ) {
        throw new AppError(
          'instance-start-failed',
          `${instanceId} did not start (${instance?.StateReason?.Message ?? state}).`,
          'The volumes’ key may be disabled or unusable by EC2; roll back to the original volumes.',
        );
      }
      return 'retry';
    },
    signal,
  );
}

// Every volume attached (not attaching) to the instance.
export async function waitAttached(
  ctx: MigrationContext,
  instanceId: string,
  volumeIds: readonly string[],
  signal?: AbortSignal,
): Promise<Volume[]> {
  if (volumeIds.length === 0) return [];
  return poll(
    ctx,
    `volumes ${volumeIds.join(', ')} to attach`,
    15 * MINUTE,
    async () => {
      const answer = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: [...volumeIds] }));
      const volumes = answer.Volumes ?? [];
      const attached = volumes.every((v) =>
        v.Attachments?.some((a) => a.InstanceId === instanceId && a.State === 'attached'),
      );
      return attached && volumes.length === volumeIds.length ? volumes : 'retry';
    },
    signal,
  );
}

// The replace strategy's online part, for every instance at once while it keeps running: an image
// of the instance (CreateImage, found again by its unique name after a crash), then its encrypted
// copy with issue E's copy (CopyImage with Encrypted, the target key and a ClientToken, so a
// resumed run finds the same copy). The devices' snapshots are journaled on the volume blocks:
// the image's as the "online" snapshot, the encrypted copy's as the "final" one.
import { CreateImageCommand, DescribeImagesCommand, type Image } from '@aws-sdk/client-ec2';
import type { ReplaceState } from '../../../shared/domain/migration';
import { copyImageEncrypted, PartialCopyError } from '../ami-copy/copy-image';
import type { AmiCopyDeps } from '../ami-copy/deps';
import { AppError } from '../errors/app-error';
import type { MigrationContext } from './migration-context';
import type { RunContext } from './run-context';
import { TAG_MIGRATION, TAG_STEP } from './tags';
import { waitImageAvailable } from './waits';

export const TAG_REPLACES = 'envelope:replaces';

// AMI names are unique per account and region: the name is the image's idempotency key.
export const imageNameOf = (migrationId: string, instanceId: string) =>
  `envelope-${migrationId}-${instanceId}`;

// CopyImage and RunInstances client tokens: at most 64 ASCII characters.
export const clientTokenOf = (migrationId: string, instanceId: string, step: string) =>
  `${migrationId}-${instanceId}-${step}`.slice(0, 64);

export function replaceOf(run: RunContext, instanceId: string): ReplaceState {
  const state = run.journal.instance(instanceId).replace;
  if (!state) throw new AppError('internal', `The journal has no replace state for ${instanceId}.`);
  return state;
}

export function setReplace(run: RunContext, instanceId: string, change: (r: ReplaceState) => void): void {
  run.journal.updateInstance(instanceId, (i) => {
    if (i.replace) change(i.replace);
  });
}

async function findImageByName(ctx: MigrationContext, name: string): Promise<Image | undefined> {
  const answer = await ctx.ec2.send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'name', Values: [name] }] }),
  );
  return answer.Images?.find((i) => i.State !== 'failed' && i.State !== 'deregistered');
}

async function describeImage(ctx: MigrationContext, imageId: string): Promise<Image | undefined> {
  const answer = await ctx.ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
  return answer.Images?.[0];
}

const totalGiB = (run: RunContext, instanceId: string) =>
  run.journal.instance(instanceId).volumes.reduce((n, v) => n + v.sizeGiB, 0);

export async function createImageStep(run: RunContext, instanceId: string): Promise<void> {
  const { ctx, signal } = run;
  const migrationId = run.journal.value.id;
  const name = imageNameOf(migrationId, instanceId);
  let imageId = replaceOf(run, instanceId).sourceImageId ?? (await findImageByName(ctx, name))?.ImageId;
  if (!imageId) {
    const tags = [
      { Key: TAG_MIGRATION, Value: migrationId },
      { Key: TAG_STEP, Value: 'create-image' },
      { Key: TAG_REPLACES, Value: instanceId },
    ];
    const answer = await ctx.ec2.send(
      new CreateImageCommand({
        InstanceId: instanceId,
        Name: name,
        Description: `Envelope ${migrationId}: image of ${instanceId} for its encrypted replacement`,
        // The instance keeps serving: the image is crash-consistent, as the plan says.
        NoReboot: true,
        TagSpecifications: [
          { ResourceType: 'image', Tags: tags },
          { ResourceType: 'snapshot', Tags: tags },
        ],
      }),
      { abortSignal: signal },
    );
    imageId = answer.ImageId ?? '';
  }
  const sourceImageId = imageId;
  setReplace(run, instanceId, (r) => {
    r.sourceImageId = sourceImageId;
  });
  await waitImageAvailable(ctx, sourceImageId, totalGiB(run, instanceId), signal);
  const image = await describeImage(ctx, sourceImageId);
  recordSnapshots(run, instanceId, image, 'onlineSnapshotId');
}

function recordSnapshots(
  run: RunContext,
  instanceId: string,
  image: Image | undefined,
  field: 'onlineSnapshotId' | 'finalSnapshotId',
): void {
  const byDevice = new Map(
    (image?.BlockDeviceMappings ?? []).flatMap((m) =>
      m.DeviceName && m.Ebs?.SnapshotId ? [[m.DeviceName, m.Ebs.SnapshotId] as const] : [],
    ),
  );
  run.journal.updateInstance(instanceId, (i) => {
    for (const v of i.volumes) {
      const snapshotId = byDevice.get(v.device);
      if (snapshotId) v[field] = snapshotId;
    }
  });
}

function copyDeps(ctx: MigrationContext): AmiCopyDeps {
  return {
    ec2: () => ctx.ec2,
    kms: () => ctx.kms,
    iam: () => {
      if (!ctx.iam) throw new AppError('internal', 'No IAM client.');
      return ctx.iam;
    },
    caller: () => Promise.resolve({ accountId: ctx.accountId, arn: ctx.callerArn }),
    // The copy polls no faster than the migration's waiters.
    pollMs: ctx.waits.maxDelay * 1000,
  };
}

// The live view gets the copy's progress in steps of 5%, not on every poll.
const PROGRESS_STEP = 0.05;

export async function copyEncryptedStep(run: RunContext, instanceId: string): Promise<void> {
  const { ctx, signal } = run;
  const journal = run.journal.value;
  const sourceImageId = replaceOf(run, instanceId).sourceImageId;
  if (!sourceImageId) throw new AppError('internal', `${instanceId} has no image to copy.`);
  const record = (imageId: string | undefined, fraction: number) => {
    const current = replaceOf(run, instanceId);
    const moved = fraction - (current.copyFraction ?? -1) >= PROGRESS_STEP || fraction === 1;
    if ((imageId && current.encryptedImageId !== imageId) || moved) {
      setReplace(run, instanceId, (r) => {
        if (imageId) r.encryptedImageId = imageId;
        r.copyFraction = fraction;
      });
    }
  };
  try {
    const result = await copyImageEncrypted(
      copyDeps(ctx),
      {
        sourceImageId,
        sourceRegion: ctx.region,
        destRegion: ctx.region,
        kmsKeyRef: journal.keyArn,
        name: `${imageNameOf(journal.id, instanceId)}-encrypted`,
        description: `Envelope ${journal.id}: encrypted image of ${instanceId} (${journal.keyLabel})`,
        copyTags: true,
        clientToken: clientTokenOf(journal.id, instanceId, 'copy'),
      },
      { signal, onProgress: (p) => record(p.imageId, p.fraction) },
    );
    record(result.imageId, 1);
    const byDevice = new Map(result.snapshots.map((s) => [s.device, s]));
    run.journal.updateInstance(instanceId, (i) => {
      for (const v of i.volumes) {
        const snapshot = byDevice.get(v.device);
        if (snapshot) v.finalSnapshotId = snapshot.snapshotId;
      }
    });
  } catch (error) {
    // A copy that failed or was cancelled is kept until cleanup: journal its id.
    if (error instanceof PartialCopyError && error.jobResult.imageId) record(error.jobResult.imageId, 0);
    throw error;
  }
}

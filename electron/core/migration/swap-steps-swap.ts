// The second half of the swap, inside the downtime window: detach the originals, attach the
// replacements on the SAME device names, restore DeleteOnTermination, start the instance if it was
// running, and verify. Each step reads the attachments first, so running it again is harmless.
import {
  AttachVolumeCommand,
  DetachVolumeCommand,
  ModifyInstanceAttributeCommand,
  StartInstancesCommand,
  type Volume,
} from '@aws-sdk/client-ec2';
import { AppError } from '../errors/app-error';
import type { MigrationContext } from './migration-context';
import { volumesOf, type StepImpl } from './run-context';
import { describeVolume } from './tags';
import { describeInstance, waitAttached, waitInstanceRunning, waitVolumesAvailable } from './waits';
import { sameKey } from '../../../shared/kms/key-reference';

const attachmentTo = (volume: Volume | undefined, instanceId: string) =>
  volume?.Attachments?.find((a) => a.InstanceId === instanceId);

// Detaches the volume from the instance unless it is detached or detaching already.
export async function detachFrom(
  ctx: MigrationContext,
  volumeId: string,
  instanceId: string,
  signal: AbortSignal,
) {
  const attachment = attachmentTo(await describeVolume(ctx, volumeId), instanceId);
  if (!attachment || attachment.State === 'detaching' || attachment.State === 'detached') return;
  await ctx.ec2.send(new DetachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId }), {
    abortSignal: signal,
  });
}

// Attaches the volume on the device unless it is attached (or attaching) there already.
export async function attachTo(
  ctx: MigrationContext,
  volumeId: string,
  instanceId: string,
  device: string,
  signal: AbortSignal,
) {
  const attachment = attachmentTo(await describeVolume(ctx, volumeId), instanceId);
  if (attachment && attachment.State !== 'detaching' && attachment.State !== 'detached') return;
  await ctx.ec2.send(
    new AttachVolumeCommand({ VolumeId: volumeId, InstanceId: instanceId, Device: device }),
    {
      abortSignal: signal,
    },
  );
}

export async function setDeleteOnTermination(
  ctx: MigrationContext,
  instanceId: string,
  devices: readonly { device: string; deleteOnTermination: boolean }[],
  signal: AbortSignal,
) {
  const wanted = devices.filter((d) => d.deleteOnTermination);
  if (wanted.length === 0) return;
  await ctx.ec2.send(
    new ModifyInstanceAttributeCommand({
      InstanceId: instanceId,
      BlockDeviceMappings: wanted.map((d) => ({ DeviceName: d.device, Ebs: { DeleteOnTermination: true } })),
    }),
    { abortSignal: signal },
  );
}

export const detachOriginals: StepImpl = async (run, instanceId) => {
  const volumes = volumesOf(run, instanceId);
  for (const v of volumes) await detachFrom(run.ctx, v.originalVolumeId, instanceId, run.signal);
  await waitVolumesAvailable(
    run.ctx,
    volumes.map((v) => v.originalVolumeId),
    run.signal,
  );
};

export const attachReplacements: StepImpl = async (run, instanceId) => {
  const volumes = volumesOf(run, instanceId);
  const ids: string[] = [];
  for (const v of volumes) {
    if (!v.replacementVolumeId) throw new AppError('internal', `No replacement for ${v.originalVolumeId}.`);
    await attachTo(run.ctx, v.replacementVolumeId, instanceId, v.device, run.signal);
    ids.push(v.replacementVolumeId);
  }
  await waitAttached(run.ctx, instanceId, ids, run.signal);
};

export const restoreDeleteOnTermination: StepImpl = (run, instanceId) =>
  setDeleteOnTermination(run.ctx, instanceId, volumesOf(run, instanceId), run.signal);

export const startInstance: StepImpl = async (run, instanceId) => {
  const journalInstance = run.journal.instance(instanceId);
  if (!journalInstance.wasRunning) return;
  const state = (await describeInstance(run.ctx, instanceId))?.State?.Name;
  if (state === 'stopped') {
    await run.ctx.ec2.send(new StartInstancesCommand({ InstanceIds: [instanceId] }), {
      abortSignal: run.signal,
    });
  }
  await waitInstanceRunning(run.ctx, instanceId, run.signal);
  run.journal.updateInstance(instanceId, (i) => {
    i.runningAt ??= run.ctx.now();
  });
};

// Running (if it was), every device present, every replacement encrypted with the expected key ARN.
export const verifyInstance: StepImpl = async (run, instanceId) => {
  const journalInstance = run.journal.instance(instanceId);
  const keyArn = run.journal.value.keyArn;
  const instance = await describeInstance(run.ctx, instanceId);
  const problems: string[] = [];
  const wanted = journalInstance.wasRunning ? 'running' : 'stopped';
  if (instance?.State?.Name !== wanted)
    problems.push(`${instanceId} is ${instance?.State?.Name ?? 'missing'}, not ${wanted}`);
  const mapped = new Map(
    (instance?.BlockDeviceMappings ?? []).map((b) => [b.DeviceName ?? '', b.Ebs?.VolumeId ?? '']),
  );
  for (const s of journalInstance.skipped) {
    if (!mapped.has(s.device)) problems.push(`${s.device} is missing`);
  }
  const ids = journalInstance.volumes.map((v) => v.replacementVolumeId ?? '');
  const volumes = await waitAttached(run.ctx, instanceId, ids, run.signal);
  for (const v of journalInstance.volumes) {
    if (mapped.get(v.device) !== v.replacementVolumeId)
      problems.push(`${v.device} is not ${v.replacementVolumeId ?? '?'}`);
    const volume = volumes.find((x) => x.VolumeId === v.replacementVolumeId);
    if (!volume?.Encrypted || !sameKey(volume.KmsKeyId, keyArn)) {
      problems.push(`${v.replacementVolumeId ?? '?'} is not encrypted with ${keyArn}`);
    }
  }
  if (problems.length > 0) {
    throw new AppError(
      'verify-failed',
      `Verification failed: ${problems.join('; ')}.`,
      'Roll back to the originals.',
    );
  }
  run.journal.updateInstance(instanceId, (i) => {
    for (const v of i.volumes) v.replacementKmsKeyArn = keyArn;
  });
};

// The replace strategy's node-by-node part: launch the replacement from the encrypted image with
// the original's subnet, security groups, type, instance profile, key pair and tags (RunInstances
// with a ClientToken, so a resumed run gets the same instance back); verify it runs with every
// device encrypted under the key; after the user's confirmation, stop the original, which is kept
// until cleanup. Rollback terminates the replacement (found by its tags even if the journal never
// recorded it) and gives the original its power state back; it deletes nothing else.
import {
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type Instance,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { AppError } from '../errors/app-error';
import type { MigrationContext } from './migration-context';
import { clientTokenOf, replaceOf, setReplace, TAG_REPLACES } from './replace-image';
import type { RunContext } from './run-context';
import { TAG_MIGRATION } from './tags';
import { describeInstance, waitInstanceRunning, waitInstanceStopped, waitInstanceTerminated } from './waits';
import { sameKey } from '../../../shared/kms/key-reference';

export async function findReplacement(
  ctx: MigrationContext,
  migrationId: string,
  instanceId: string,
): Promise<Instance | undefined> {
  const answer = await ctx.ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: `tag:${TAG_MIGRATION}`, Values: [migrationId] },
        { Name: `tag:${TAG_REPLACES}`, Values: [instanceId] },
      ],
    }),
  );
  return (answer.Reservations ?? [])
    .flatMap((r) => r.Instances ?? [])
    .find((i) => i.State?.Name !== 'terminated' && i.State?.Name !== 'shutting-down');
}

export async function launchStep(run: RunContext, instanceId: string): Promise<void> {
  const { ctx, signal } = run;
  const migrationId = run.journal.value.id;
  const original = run.journal.instance(instanceId);
  const r = replaceOf(run, instanceId);
  if (!r.encryptedImageId) throw new AppError('internal', `${instanceId} has no encrypted image.`);
  const ours = [
    { Key: TAG_MIGRATION, Value: migrationId },
    { Key: TAG_REPLACES, Value: instanceId },
  ];
  const answer = await ctx.ec2.send(
    new RunInstancesCommand({
      ImageId: r.encryptedImageId,
      InstanceType: original.instanceType as _InstanceType,
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: original.availabilityZone },
      ...(r.subnetId ? { SubnetId: r.subnetId } : {}),
      ...(r.securityGroupIds.length > 0 ? { SecurityGroupIds: r.securityGroupIds } : {}),
      ...(r.instanceProfileArn ? { IamInstanceProfile: { Arn: r.instanceProfileArn } } : {}),
      ...(r.keyName ? { KeyName: r.keyName } : {}),
      ClientToken: clientTokenOf(migrationId, instanceId, 'launch'),
      TagSpecifications: [
        { ResourceType: 'instance', Tags: [...r.tags, ...ours] },
        { ResourceType: 'volume', Tags: ours },
      ],
    }),
    { abortSignal: signal },
  );
  const replacementId = answer.Instances?.[0]?.InstanceId ?? '';
  setReplace(run, instanceId, (state) => {
    state.replacementInstanceId = replacementId;
  });
  await waitInstanceRunning(ctx, replacementId, signal);
  const running = await describeInstance(ctx, replacementId);
  setReplace(run, instanceId, (state) => {
    if (running?.PrivateIpAddress) state.replacementPrivateIp = running.PrivateIpAddress;
  });
}

// Running, every device of the original present, every volume encrypted with the target key.
export async function verifyReplacementStep(run: RunContext, instanceId: string): Promise<void> {
  const { ctx } = run;
  const keyArn = run.journal.value.keyArn;
  const replacementId = replaceOf(run, instanceId).replacementInstanceId ?? '';
  const replacement = await describeInstance(ctx, replacementId);
  if (replacement?.State?.Name !== 'running') {
    throw new AppError(
      'verify-failed',
      `The replacement ${replacementId} is ${replacement?.State?.Name ?? 'gone'}.`,
    );
  }
  const byDevice = new Map(
    (replacement.BlockDeviceMappings ?? []).map((m) => [m.DeviceName ?? '', m.Ebs?.VolumeId ?? '']),
  );
  const volumeIds = [...byDevice.values()].filter(Boolean);
  const answer = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: volumeIds }));
  const volumes = new Map((answer.Volumes ?? []).map((v) => [v.VolumeId ?? '', v]));
  const problems: string[] = [];
  for (const v of run.journal.instance(instanceId).volumes) {
    const volume = volumes.get(byDevice.get(v.device) ?? '');
    if (!volume) problems.push(`${v.device} is missing`);
    else if (!volume.Encrypted || !sameKey(volume.KmsKeyId, keyArn))
      problems.push(`${v.device} (${volume.VolumeId}) is not encrypted with the target key`);
  }
  if (problems.length > 0) {
    throw new AppError(
      'verify-failed',
      `The replacement ${replacementId} does not match ${instanceId}: ${problems.join('; ')}.`,
      'Roll back: the replacement is terminated and the original keeps running.',
    );
  }
  run.journal.updateInstance(instanceId, (i) => {
    for (const v of i.volumes) {
      const volume = volumes.get(byDevice.get(v.device) ?? '');
      if (!volume) continue;
      v.replacementVolumeId = volume.VolumeId ?? '';
      if (volume.KmsKeyId) v.replacementKmsKeyArn = volume.KmsKeyId;
    }
  });
}

async function stopAndWait(run: RunContext, instanceId: string): Promise<void> {
  const { ctx, signal } = run;
  const state = (await describeInstance(ctx, instanceId))?.State?.Name;
  if (state === 'running' || state === 'pending') {
    if (state === 'pending') await waitInstanceRunning(ctx, instanceId, signal);
    await ctx.ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  }
  if (state !== 'stopped') await waitInstanceStopped(ctx, instanceId, signal);
}

// The original stops only after the user confirmed the swap; it is kept (stopped) until cleanup.
// An original that was stopped hands its power state on: its replacement, launched running to be
// verified, is stopped too.
export async function stopOriginalStep(run: RunContext, instanceId: string): Promise<void> {
  await stopAndWait(run, instanceId);
  const original = run.journal.instance(instanceId);
  const replacementId = original.replace?.replacementInstanceId;
  if (!original.wasRunning && replacementId) await stopAndWait(run, replacementId);
}

export async function rollbackReplace(run: RunContext, instanceId: string): Promise<void> {
  const { ctx, signal } = run;
  const journalInstance = run.journal.instance(instanceId);
  const recorded = journalInstance.replace?.replacementInstanceId;
  const replacementId =
    recorded ?? (await findReplacement(ctx, run.journal.value.id, instanceId))?.InstanceId;
  if (replacementId) {
    const state = (await describeInstance(ctx, replacementId))?.State?.Name;
    if (state && state !== 'terminated') {
      await ctx.ec2.send(new TerminateInstancesCommand({ InstanceIds: [replacementId] }), {
        abortSignal: signal,
      });
      await waitInstanceTerminated(ctx, replacementId, signal);
    }
  }
  if (!journalInstance.wasRunning) return;
  const state = (await describeInstance(ctx, instanceId))?.State?.Name;
  if (state === 'stopping') await waitInstanceStopped(ctx, instanceId, signal);
  if (state === 'stopping' || state === 'stopped') {
    await ctx.ec2.send(new StartInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  }
  await waitInstanceRunning(ctx, instanceId, signal);
}

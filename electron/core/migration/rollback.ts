// Rollback, possible at every step: detach the replacements, reattach the originals on the same
// devices, restore DeleteOnTermination and the power state the instance had. It never deletes
// anything: replacements and snapshots stay until a confirmed cleanup. Every action looks at AWS
// first, so a rollback interrupted half-way is simply run again.
import { StartInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';
import type { RunContext } from './run-context';
import { attachTo, detachFrom, setDeleteOnTermination } from './swap-steps-swap';
import { describeVolume } from './tags';
import {
  describeInstance,
  waitAttached,
  waitInstanceRunning,
  waitInstanceStopped,
  waitVolumesAvailable,
} from './waits';

export async function rollbackInstance(run: RunContext, instanceId: string): Promise<void> {
  const { ctx, signal } = run;
  const journalInstance = run.journal.instance(instanceId);
  let state = (await describeInstance(ctx, instanceId))?.State?.Name;
  if (state === 'stopping') await waitInstanceStopped(ctx, instanceId, signal);
  if (state === 'pending') await waitInstanceRunning(ctx, instanceId, signal).catch(() => undefined);
  state = (await describeInstance(ctx, instanceId))?.State?.Name;

  const volumes = journalInstance.volumes;
  const originals = await Promise.all(volumes.map((v) => describeVolume(ctx, v.originalVolumeId)));
  const attachedHere = (index: number) => {
    const attachment = originals[index]?.Attachments?.find((a) => a.InstanceId === instanceId);
    return attachment !== undefined && attachment.State !== 'detaching' && attachment.State !== 'detached';
  };
  const needsSwapBack = volumes.some((_, index) => !attachedHere(index));

  if (needsSwapBack) {
    if (state === 'running') {
      // The live view says how long the rollback kept the instance down.
      run.journal.updateInstance(instanceId, (i) => {
        i.rollbackStoppedAt ??= ctx.now();
      });
      await ctx.ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
      await waitInstanceStopped(ctx, instanceId, signal);
    }
    const replacements = volumes.flatMap((v) => (v.replacementVolumeId ? [v.replacementVolumeId] : []));
    for (const id of replacements) {
      const volume = await describeVolume(ctx, id);
      if (volume) await detachFrom(ctx, id, instanceId, signal);
    }
    // A replacement EBS gave up on (deleted, error: its key was unusable) is not waited for.
    const present = [];
    for (const id of replacements) {
      const state = (await describeVolume(ctx, id))?.State;
      if (state && state !== 'deleting' && state !== 'deleted' && state !== 'error') present.push(id);
    }
    await waitVolumesAvailable(ctx, present, signal);
    // An original still detaching finishes first, then it goes back on its device.
    const loose = volumes.filter((_, index) => !attachedHere(index)).map((v) => v.originalVolumeId);
    await waitVolumesAvailable(ctx, loose, signal);
    for (const v of volumes) await attachTo(ctx, v.originalVolumeId, instanceId, v.device, signal);
    await waitAttached(
      ctx,
      instanceId,
      volumes.map((v) => v.originalVolumeId),
      signal,
    );
  }
  await setDeleteOnTermination(ctx, instanceId, volumes, signal);

  state = (await describeInstance(ctx, instanceId))?.State?.Name;
  if (journalInstance.wasRunning && state === 'stopped') {
    await ctx.ec2.send(new StartInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal: signal });
  }
  if (journalInstance.wasRunning) {
    await waitInstanceRunning(ctx, instanceId, signal);
    run.journal.updateInstance(instanceId, (i) => {
      if (i.stoppedAt !== undefined) i.runningAt ??= ctx.now();
      if (i.rollbackStoppedAt !== undefined) i.rollbackRunningAt ??= ctx.now();
    });
  }
}

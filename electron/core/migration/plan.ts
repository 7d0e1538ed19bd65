// The migration's plan document (shared/plans/plan-document.ts): the facts the prechecks read, the
// steps per instance with their phase and estimated time, the rollback steps, the expected
// downtime and the warnings; sealed with its SHA-256. The dry run prints it; the executor's input
// (instances, key, strategy) is in plan.input so a run can start from a reviewed plan.
import { randomUUID } from 'node:crypto';
import type { JournalInstance, MigrationStrategy } from '../../../shared/domain/migration';
import { sealPlan, type Plan, type PlanStep } from '../../../shared/plans/plan-document';
import type { MigrationContext } from './migration-context';
import { clusterWarnings } from './cluster-guidance';
import { ESTIMATE, expectedDowntimeSeconds, snapshotSeconds, stepMaker } from './plan-steps';
import { replaceRollbackSteps, replaceSteps, replaceWarnings } from './replace-plan';

function instanceSteps(region: string, instance: JournalInstance, keyArn: string): PlanStep[] {
  const devices = instance.volumes.map((v) => ({
    device: v.device,
    volumeId: v.originalVolumeId,
    sizeGiB: v.sizeGiB,
  }));
  const largest = Math.max(...instance.volumes.map((v) => v.sizeGiB));
  const step = stepMaker(region, instance);
  const down = instance.wasRunning;
  return [
    step(
      'snapshot-online',
      'ec2:CreateSnapshot',
      'online',
      snapshotSeconds(largest),
      { volumes: devices },
      [],
    ),
    step('stop', 'ec2:StopInstances', down ? 'downtime' : 'online', down ? ESTIMATE.stopSeconds : 0, {}, [
      'snapshot-online',
    ]),
    step(
      'snapshot-final',
      'ec2:CreateSnapshot',
      'downtime',
      down ? snapshotSeconds(largest * ESTIMATE.changedFraction) : 0,
      { incremental: true },
      ['stop'],
    ),
    step(
      'create-volumes',
      'ec2:CreateVolume',
      'downtime',
      ESTIMATE.createSeconds,
      {
        encrypted: true,
        kmsKeyId: keyArn,
        availabilityZone: instance.availabilityZone,
        volumes: instance.volumes.map((v) => ({
          device: v.device,
          sizeGiB: v.sizeGiB,
          volumeType: v.volumeType,
          iops: v.iops ?? null,
          throughput: v.throughput ?? null,
          multiAttachEnabled: v.multiAttachEnabled,
        })),
      },
      ['snapshot-final'],
    ),
    step('detach', 'ec2:DetachVolume', 'downtime', ESTIMATE.detachSeconds, { volumes: devices }, [
      'create-volumes',
    ]),
    step(
      'attach',
      'ec2:AttachVolume',
      'downtime',
      ESTIMATE.attachSeconds,
      { devices: devices.map((d) => d.device) },
      ['detach'],
    ),
    step(
      'delete-on-termination',
      'ec2:ModifyInstanceAttribute',
      'downtime',
      1,
      {
        devices: instance.volumes.filter((v) => v.deleteOnTermination).map((v) => v.device),
      },
      ['attach'],
    ),
    step('start', 'ec2:StartInstances', 'downtime', down ? ESTIMATE.startSeconds : 0, { start: down }, [
      'delete-on-termination',
    ]),
    step('verify', 'envelope:verify', 'verify', 2, { expectedKeyArn: keyArn }, ['start']),
  ];
}

function rollbackSteps(region: string, instance: JournalInstance): PlanStep[] {
  const id = instance.instanceId;
  const mk = (
    name: string,
    title: string,
    action: string,
    params: Record<string, unknown>,
    dependsOn: string[],
  ): PlanStep => ({
    id: `${id}:rollback-${name}`,
    title: `${title} (${instance.name ?? id})`,
    action,
    region,
    params: { instanceId: id, ...params },
    dependsOn: dependsOn.map((d) => `${id}:rollback-${d}`),
    phase: 'downtime',
    estimatedSeconds: 5,
  });
  const devices = instance.volumes.map((v) => ({ device: v.device, volumeId: v.originalVolumeId }));
  return [
    mk('stop', 'Stop the instance if a replacement is attached', 'ec2:StopInstances', {}, []),
    mk('detach', 'Detach the replacements', 'ec2:DetachVolume', {}, ['stop']),
    mk('attach', 'Reattach the originals on the same devices', 'ec2:AttachVolume', { volumes: devices }, [
      'detach',
    ]),
    mk('delete-on-termination', 'Restore DeleteOnTermination', 'ec2:ModifyInstanceAttribute', {}, ['attach']),
    mk(
      'start',
      instance.wasRunning ? 'Start the instance' : 'Leave the instance stopped',
      'ec2:StartInstances',
      { start: instance.wasRunning },
      ['delete-on-termination'],
    ),
  ];
}

export async function buildPlan(
  ctx: Pick<MigrationContext, 'region' | 'accountId' | 'callerArn' | 'now'>,
  strategy: MigrationStrategy,
  key: { arn: string; label: string; state: string },
  instances: readonly JournalInstance[],
  warnings: readonly string[],
  // Where the facts come from: read just now (live), or the cached inventory scanned at readAt.
  origin: { readonly source: 'live' | 'cache'; readonly readAt: number } = {
    source: 'live',
    readAt: ctx.now(),
  },
): Promise<Plan> {
  const readAt = new Date(origin.readAt).toISOString();
  const replace = strategy === 'replace';
  const stepsOf = (i: JournalInstance) =>
    replace ? replaceSteps(ctx.region, i, key.arn) : instanceSteps(ctx.region, i, key.arn);
  const steps = instances.flatMap(stepsOf);
  // Replace: the original stops only after the user moved over to its running replacement.
  const downtimes = replace ? [] : instances.map(expectedDowntimeSeconds);
  return sealPlan({
    schema: 'envelope.plan/v1',
    id: `plan-${randomUUID()}`,
    kind: 'migration',
    title: `Encrypt ${instances.length} instance${instances.length === 1 ? '' : 's'} with ${key.label} (${strategy})`,
    accountId: ctx.accountId,
    regions: [ctx.region],
    createdAt: new Date(ctx.now()).toISOString(),
    createdBy: ctx.callerArn,
    source: origin.source,
    facts: [
      {
        resource: 'key',
        id: key.arn,
        region: ctx.region,
        attributes: { state: key.state, label: key.label },
        readAt,
      },
      ...instances.map((i) => ({
        resource: 'instance' as const,
        id: i.instanceId,
        region: ctx.region,
        attributes: {
          state: i.wasRunning ? 'running' : 'stopped',
          instanceType: i.instanceType,
          availabilityZone: i.availabilityZone,
        },
        readAt,
      })),
      ...instances.flatMap((i) =>
        i.volumes.map((v) => ({
          resource: 'volume' as const,
          id: v.originalVolumeId,
          region: ctx.region,
          attributes: {
            device: v.device,
            sizeGiB: v.sizeGiB,
            volumeType: v.volumeType,
            encrypted: v.originalEncrypted,
            kmsKeyArn: v.originalKmsKeyArn ?? null,
          },
          readAt,
        })),
      ),
    ],
    steps,
    rollback: instances.flatMap((i) =>
      replace ? replaceRollbackSteps(ctx.region, i) : rollbackSteps(ctx.region, i),
    ),
    // Instances run in parallel, so the plan's downtime is the longest one.
    expectedDowntimeSeconds: Math.max(0, ...downtimes),
    estimatedSeconds: Math.max(
      0,
      ...(replace
        ? [steps.reduce((s, x) => s + x.estimatedSeconds, 0)]
        : instances.map((i) => stepsOf(i).reduce((s, x) => s + x.estimatedSeconds, 0))),
    ),
    warnings: [
      ...warnings,
      ...clusterWarnings(instances, strategy),
      ...instances.flatMap((i) =>
        i.skipped.map((s) => `${i.instanceId} ${s.device} (${s.volumeId}) skipped: ${s.reason}.`),
      ),
      ...(replace
        ? replaceWarnings(instances)
        : [
            ...instances
              .filter((i) => i.wasRunning)
              .map(
                (i) => `${i.name ?? i.instanceId} will be stopped for about ${expectedDowntimeSeconds(i)} s.`,
              ),
            'The original volumes and the snapshots are kept until you confirm cleanup after verification.',
          ]),
    ],
    input: { strategy, keyArn: key.arn, instanceIds: instances.map((i) => i.instanceId) },
  });
}

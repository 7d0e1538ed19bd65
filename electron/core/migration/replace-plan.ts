// The replace strategy's plan steps, rollback steps and warnings (plan.ts seals them). Every
// instance is imaged and copied at once while it runs; the node-by-node part waits for the
// user's confirmation before each original is stopped, so the service has no downtime of its own.
import type { JournalInstance } from '../../../shared/domain/migration';
import type { PlanStep } from '../../../shared/plans/plan-document';
import { estimateSeconds } from '../ami-copy/plan-ami-copy';
import { ESTIMATE, stepMaker } from './plan-steps';

export function replaceSteps(region: string, instance: JournalInstance, keyArn: string): PlanStep[] {
  const r = instance.replace;
  const largest = Math.max(...instance.volumes.map((v) => v.sizeGiB));
  const total = instance.volumes.reduce((n, v) => n + v.sizeGiB, 0);
  const step = stepMaker(region, instance);
  return [
    step(
      'create-image',
      'ec2:CreateImage',
      'online',
      Math.max(ESTIMATE.minSnapshotSeconds, largest / ESTIMATE.snapshotGiBPerSecond),
      { noReboot: true, devices: instance.volumes.map((v) => v.device) },
      [],
    ),
    step(
      'copy-encrypted',
      'ec2:CopyImage',
      'online',
      estimateSeconds(total),
      { encrypted: true, kmsKeyId: keyArn },
      ['create-image'],
    ),
    step(
      'launch',
      'ec2:RunInstances',
      'online',
      ESTIMATE.startSeconds,
      {
        instanceType: instance.instanceType,
        availabilityZone: instance.availabilityZone,
        subnetId: r?.subnetId ?? null,
        securityGroupIds: r?.securityGroupIds ?? [],
        instanceProfileArn: r?.instanceProfileArn ?? null,
        keyName: r?.keyName ?? null,
      },
      ['copy-encrypted'],
    ),
    step('verify-replacement', 'envelope:verify', 'verify', 2, { expectedKeyArn: keyArn }, ['launch']),
    step('confirm', 'envelope:confirm', 'verify', 0, {}, ['verify-replacement']),
    step(
      'stop-original',
      'ec2:StopInstances',
      'online',
      ESTIMATE.stopSeconds,
      // A stopped original hands its power state on: its verified replacement is stopped too.
      { keep: true, stopReplacement: !instance.wasRunning },
      ['confirm'],
    ),
  ];
}

export function replaceRollbackSteps(region: string, instance: JournalInstance): PlanStep[] {
  const id = instance.instanceId;
  const mk = (name: string, title: string, action: string, dependsOn: string[]): PlanStep => ({
    id: `${id}:rollback-${name}`,
    title: `${title} (${instance.name ?? id})`,
    action,
    region,
    params: { instanceId: id },
    dependsOn: dependsOn.map((d) => `${id}:rollback-${d}`),
    phase: 'online',
    estimatedSeconds: 60,
  });
  return [
    mk('terminate', 'Terminate the replacement, if launched', 'ec2:TerminateInstances', []),
    mk(
      'start',
      instance.wasRunning ? 'Start the original if it was stopped' : 'Leave the original stopped',
      'ec2:StartInstances',
      ['terminate'],
    ),
  ];
}

export function replaceWarnings(instances: readonly JournalInstance[]): string[] {
  const profiles = [
    ...new Set(
      instances.flatMap((i) => (i.replace?.instanceProfileArn ? [i.replace.instanceProfileArn] : [])),
    ),
  ];
  return [
    ...profiles.map(
      (p) =>
        `The replacements launch with the instance profile ${p}: you need iam:PassRole on its role, or RunInstances is refused and the node is rolled back.`,
    ),
    'Each instance is imaged without a reboot while it runs (crash-consistent, like after a power cut): quiesce writes first if the application needs more, or use the swap strategy.',
    'Each replacement gets a new instance id and private IP address. Re-associate Elastic IPs and update DNS or cluster membership; user data, secondary network interfaces and source/destination checks are not copied.',
    `Node by node: after each replacement runs and is verified, Envelope waits for you to confirm the swap before it stops the original${instances.length > 1 ? ' and goes on to the next instance' : ''}.`,
    'Stopped originals and the unencrypted images are kept until you confirm cleanup; cleanup terminates the originals. The encrypted images are kept.',
  ];
}

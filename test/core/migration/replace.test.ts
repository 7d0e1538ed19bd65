// The replace strategy end to end against avi-lab: the controllers are imaged and copied encrypted
// while they run, then node by node a replacement is launched like the original (subnet, security
// groups, type, instance profile, key pair, tags), verified, and the migration waits for the
// user's confirmation before it stops the original. Rollback terminates the replacement and
// keeps the original; cleanup terminates confirmed originals and deregisters the unencrypted
// images; a kill mid-run resumes from the journal to the same end.
import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeVolumesCommand,
  StopInstancesCommand,
  waitUntilInstanceStopped,
  type Instance,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupMigration } from '../../../electron/core/migration/cleanup';
import { confirmNode, executeMigration, rollbackMigration } from '../../../electron/core/migration/executor';
import { Journal, JournalStore } from '../../../electron/core/migration/journal';
import { createJournal, prepareMigration } from '../../../electron/core/migration/prepare';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxContext } from './harness';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
let ctx: ReturnType<typeof sandboxContext>;
const ids = aviLab.ids;
const [c1, c2, c3] = ids.controllerInstanceIds as [string, string, string];

beforeAll(() => {
  ctx = sandboxContext(sandbox);
});
afterAll(() => ctx.destroy());

async function describeInstance(instanceId: string): Promise<Instance> {
  const answer = await ctx.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = answer.Reservations?.[0]?.Instances?.[0];
  if (!instance) throw new Error(`no ${instanceId}`);
  return instance;
}

const userTags = (i: Instance) =>
  (i.Tags ?? [])
    .filter((t) => !t.Key?.startsWith('envelope:'))
    .sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''));

async function start(instanceIds: string[], autoConfirm = false) {
  const prepared = await prepareMigration(ctx, {
    instanceIds,
    kmsKeyRef: 'alias/lab-ebs',
    strategy: 'replace',
    autoConfirm,
  });
  const store = new JournalStore({ dataDir: ctx.dataDir });
  const journal = createJournal(store, ctx, prepared);
  return { prepared, journal, run: { ctx, journal, signal: new AbortController().signal } };
}

describe('replace: prechecks and plan', () => {
  it('plans image, encrypted copy, launch, confirmation, stop; no downtime; the seeds’ cluster guidance', async () => {
    const prepared = await prepareMigration(ctx, {
      instanceIds: [c1, c2],
      kmsKeyRef: 'alias/lab-ebs',
      strategy: 'replace',
    });
    expect(prepared.plan.steps.filter((s) => s.id.startsWith(c1)).map((s) => s.action)).toEqual([
      'ec2:CreateImage',
      'ec2:CopyImage',
      'ec2:RunInstances',
      'envelope:verify',
      'envelope:confirm',
      'ec2:StopInstances',
    ]);
    expect(prepared.plan.expectedDowntimeSeconds).toBe(0);
    expect(prepared.plan.rollback.map((s) => s.action)).toContain('ec2:TerminateInstances');
    const warnings = prepared.plan.warnings.join('\n');
    expect(warnings).toMatch(/cluster membership/);
    expect(warnings).toMatch(/new instance id and private IP/);
    expect(warnings).toMatch(/iam:PassRole on its role/);
    expect(warnings).not.toMatch(/loses the cluster's quorum/);
    expect(prepared.instances[0]?.replace).toMatchObject({
      securityGroupIds: ['sg-0a7c0e11ab5e0c001'],
      keyName: 'avi-lab',
      instanceProfileArn: expect.stringContaining('AviController-Refined-Role') as unknown,
    });
  });

  // Every instance type supports EBS encryption (EBS user guide, "Supported instance types").
  it('plans the previous-generation m2.4xlarge controller like the others', async () => {
    const prepared = await prepareMigration(ctx, {
      instanceIds: [c3],
      kmsKeyRef: 'alias/lab-ebs',
      strategy: 'replace',
    });
    expect(prepared.instances[0]).toMatchObject({ instanceId: c3, instanceType: 'm2.4xlarge' });
  });
});

describe('replace: node by node', () => {
  it('waits for each confirmation, stops confirmed originals, rolls back and cleans up', async () => {
    const { journal, run } = await start([c1, c2]);
    await executeMigration(run);
    // Both imaged and copied; the first replacement runs and waits for the user.
    expect(journal.value.status).toBe('awaiting-confirmation');
    const [first, second] = journal.value.instances as [
      (typeof journal.value.instances)[number],
      (typeof journal.value.instances)[number],
    ];
    expect(first.status).toBe('awaiting-confirmation');
    expect(second.status).toBe('pending');
    expect(second.replace?.encryptedImageId).toMatch(/^ami-/);
    expect(second.replace?.replacementInstanceId).toBeUndefined();
    const original = await describeInstance(c1);
    expect(original.State?.Name).toBe('running');
    const replacement = await describeInstance(first.replace?.replacementInstanceId ?? '');
    expect(replacement.State?.Name).toBe('running');
    expect(replacement.InstanceType).toBe(original.InstanceType);
    expect(replacement.SubnetId).toBe(original.SubnetId);
    expect(replacement.Placement?.AvailabilityZone).toBe(original.Placement?.AvailabilityZone);
    expect(replacement.SecurityGroups?.map((g) => g.GroupId)).toEqual(
      original.SecurityGroups?.map((g) => g.GroupId),
    );
    expect(replacement.IamInstanceProfile?.Arn).toBe(original.IamInstanceProfile?.Arn);
    expect(replacement.KeyName).toBe('avi-lab');
    expect(userTags(replacement)).toEqual(userTags(original));
    const volumes = await ctx.ec2.send(
      new DescribeVolumesCommand({
        VolumeIds: (replacement.BlockDeviceMappings ?? []).map((b) => b.Ebs?.VolumeId ?? ''),
      }),
    );
    expect(volumes.Volumes?.map((v) => [v.Encrypted, v.KmsKeyId])).toEqual([
      [true, ids.labKeyArn],
      [true, ids.labKeyArn],
    ]);
    expect(first.volumes.every((v) => v.replacementKmsKeyArn === ids.labKeyArn)).toBe(true);

    // Confirm the first node: its original stops; the second replacement runs and waits.
    confirmNode(journal, undefined, ctx.now());
    await executeMigration(run);
    expect((await describeInstance(c1)).State?.Name).toBe('stopped');
    expect(journal.value.instances[1]?.status).toBe('awaiting-confirmation');
    expect(() => confirmNode(journal, c1, ctx.now())).toThrow(/is not waiting/);

    // Roll back: both replacements terminated, both originals running, nothing else deleted.
    await rollbackMigration(run);
    expect(journal.value.status).toBe('rolled-back');
    for (const instance of journal.value.instances) {
      expect((await describeInstance(instance.instanceId)).State?.Name).toBe('running');
      const gone = await describeInstance(instance.replace?.replacementInstanceId ?? '');
      expect(gone.State?.Name).toBe('terminated');
    }
    const images = journal.value.instances.flatMap((i) => [
      i.replace?.sourceImageId ?? '',
      i.replace?.encryptedImageId ?? '',
    ]);
    const kept = await ctx.ec2.send(new DescribeImagesCommand({ ImageIds: images }));
    expect(kept.Images).toHaveLength(4);

    // Cleanup after a rollback deregisters both images of each instance.
    await cleanupMigration(run);
    const left = await ctx.ec2.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [{ Name: 'name', Values: [`envelope-${journal.value.id}-*`] }],
      }),
    );
    // AWS lists a just-deregistered AMI for a short while, in state 'deregistered'.
    expect((left.Images ?? []).filter((i) => i.State !== 'deregistered')).toHaveLength(0);
  });

  it('with --yes confirms every node; a kill mid-run resumes from the journal; cleanup terminates the originals', async () => {
    const { journal, run } = await start([c2], true);
    // Kill the executor once the encrypted copy has begun: the next journal write throws.
    const killer = new AbortController();
    const store = new JournalStore({
      dataDir: ctx.dataDir,
      beforeWrite: (value) => {
        if (value.instances[0]?.replace?.encryptedImageId) killer.abort(new Error('killed'));
      },
    });
    const killed = new Journal(store, journal.value, ctx.now);
    await expect(executeMigration({ ctx, journal: killed, signal: killer.signal })).rejects.toThrow();
    const reread = new Journal(
      new JournalStore({ dataDir: ctx.dataDir }),
      store.read(journal.value.id),
      ctx.now,
    );
    await executeMigration({ ctx, journal: reread, signal: new AbortController().signal });
    expect(reread.value.status).toBe('verified');
    const instance = reread.value.instances[0]!;
    expect((await describeInstance(c2)).State?.Name).toBe('stopped');
    expect((await describeInstance(instance.replace?.replacementInstanceId ?? '')).State?.Name).toBe(
      'running',
    );
    // One image and one encrypted copy, whatever the kill interrupted.
    const made = await ctx.ec2.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [{ Name: 'name', Values: [`envelope-${journal.value.id}-*`] }],
      }),
    );
    expect(made.Images).toHaveLength(2);

    await cleanupMigration({ ...run, journal: reread });
    expect(reread.value.status).toBe('cleaned-up');
    expect((await describeInstance(c2)).State?.Name).toBe('terminated');
    const after = await ctx.ec2.send(
      new DescribeImagesCommand({
        Owners: ['self'],
        Filters: [{ Name: 'name', Values: [`envelope-${journal.value.id}-*`] }],
      }),
    );
    expect(after.Images?.filter((i) => i.State !== 'deregistered').map((i) => i.ImageId)).toEqual([
      instance.replace?.encryptedImageId,
    ]);
  });

  it('a stopped original hands its power state on: the verified replacement is stopped too', async () => {
    await ctx.ec2.send(new StopInstancesCommand({ InstanceIds: [c1] }));
    await waitUntilInstanceStopped(
      { client: ctx.ec2, minDelay: 0.01, maxDelay: 0.05, maxWaitTime: 30 },
      { InstanceIds: [c1] },
    );
    const { journal, run, prepared } = await start([c1], true);
    expect(prepared.plan.steps.find((s) => s.id === `${c1}:stop-original`)?.params.stopReplacement).toBe(
      true,
    );
    await executeMigration(run);
    expect(journal.value.status).toBe('verified');
    expect((await describeInstance(c1)).State?.Name).toBe('stopped');
    const replacement = await describeInstance(
      journal.value.instances[0]?.replace?.replacementInstanceId ?? '',
    );
    expect(replacement.State?.Name).toBe('stopped');
  });
});

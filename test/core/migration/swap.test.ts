// The swap strategy end to end against avi-lab: prechecks refuse bad input before any change; a
// controller ends running with every volume encrypted under the CMK on the same devices, originals
// kept; rollback puts the originals back; cleanup deletes only after confirmation.
import { DescribeInstancesCommand, DescribeVolumesCommand } from '@aws-sdk/client-ec2';
import { GetKeyPolicyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { executeMigration, rollbackMigration } from '../../../electron/core/migration/executor';
import { JournalStore } from '../../../electron/core/migration/journal';
import { createJournal, prepareMigration } from '../../../electron/core/migration/prepare';
import { cleanupMigration } from '../../../electron/core/migration/cleanup';
import { withSandbox } from '../../helpers/sandbox';
import { allowEbsOn, sandboxContext } from './harness';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
let ctx: ReturnType<typeof sandboxContext>;
const ids = aviLab.ids;
const [c1, c2, c3] = ids.controllerInstanceIds as [string, string, string];

beforeAll(() => {
  ctx = sandboxContext(sandbox);
});
afterAll(() => ctx.destroy());

const devicesOf = async (instanceId: string) => {
  const answer = await ctx.ec2.send(new DescribeInstancesCommand({ InstanceIds: [instanceId] }));
  const instance = answer.Reservations?.[0]?.Instances?.[0];
  return {
    state: instance?.State?.Name,
    devices: new Map(
      (instance?.BlockDeviceMappings ?? []).map((b) => [b.DeviceName ?? '', b.Ebs?.VolumeId ?? '']),
    ),
  };
};

describe('prechecks', () => {
  it('refuses alias/avi-cmk with the missing EBS statement', async () => {
    await expect(
      prepareMigration(ctx, { instanceIds: [c1], kmsKeyRef: 'alias/avi-cmk' }),
    ).rejects.toMatchObject({
      code: 'key-unusable-by-ec2',
      hint: expect.stringContaining('ec2.us-west-2.amazonaws.com') as unknown,
    });
  });

  it('refuses asymmetric, pending-deletion and unknown keys, and keys of another region', async () => {
    const refuse = (ref: string) => prepareMigration(ctx, { instanceIds: [c1], kmsKeyRef: ref });
    await expect(refuse('alias/avi-rsa')).rejects.toMatchObject({ code: 'key-not-symmetric' });
    await expect(refuse('alias/avi-old')).rejects.toMatchObject({ code: 'key-not-enabled' });
    await expect(refuse('alias/nope')).rejects.toMatchObject({ code: 'key-not-found' });
    await expect(refuse(ids.cmkArn.replace('us-west-2', 'eu-west-1'))).rejects.toMatchObject({
      code: 'key-in-other-region',
    });
  });

  it('refuses an unknown instance', async () => {
    await expect(
      prepareMigration(ctx, { instanceIds: ['i-0123456789abcdef0'], kmsKeyRef: 'alias/aws/ebs' }),
    ).rejects.toMatchObject({
      code: 'instance-not-found',
    });
  });

  // The EBS user guide ("Supported instance types"): every current and previous generation type
  // supports encryption, so avi-lab's m2.4xlarge controller migrates like the others.
  it('migrates the previous-generation m2.4xlarge controller like the others', async () => {
    const before = await devicesOf(c3);
    const prepared = await prepareMigration(ctx, { instanceIds: [c3], kmsKeyRef: 'alias/lab-ebs' });
    expect(prepared.instances[0]?.instanceType).toBe('m2.4xlarge');
    const journal = createJournal(new JournalStore({ dataDir: ctx.dataDir }), ctx, prepared);
    await executeMigration({ ctx, journal, signal: new AbortController().signal });
    expect(journal.value.status).toBe('verified');
    const after = await devicesOf(c3);
    expect(after.state).toBe('running');
    expect([...after.devices.keys()].sort()).toEqual([...before.devices.keys()].sort());
    const vols = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: [...after.devices.values()] }));
    expect(vols.Volumes?.map((v) => [v.Encrypted, v.KmsKeyId])).toEqual([
      [true, ids.labKeyArn],
      [true, ids.labKeyArn],
    ]);
  });

  it('produces a sealed plan with downtime and rollback steps', async () => {
    const prepared = await prepareMigration(ctx, { instanceIds: [c2], kmsKeyRef: 'alias/aws/ebs' });
    expect(prepared.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(prepared.plan.kind).toBe('migration');
    expect(prepared.plan.expectedDowntimeSeconds).toBeGreaterThan(0);
    expect(prepared.plan.rollback.length).toBeGreaterThan(0);
    expect(prepared.instances[0]?.volumes.map((v) => v.device)).toEqual(['/dev/sda1', '/dev/sdb']);
  });
});

describe('swap in place', () => {
  // The CMK's policy gets the EBS statement here; the prechecks suite expects it missing, so the
  // policy is put back when this suite ends, whichever runs first (--sequence.shuffle).
  let originalPolicy: string | undefined;
  beforeAll(async () => {
    originalPolicy = (
      await ctx.kms.send(new GetKeyPolicyCommand({ KeyId: ids.cmkArn, PolicyName: 'default' }))
    ).Policy;
  });
  afterAll(async () => {
    if (originalPolicy)
      await ctx.kms.send(
        new PutKeyPolicyCommand({ KeyId: ids.cmkArn, PolicyName: 'default', Policy: originalPolicy }),
      );
  });

  it('migrates a controller to the CMK, keeps the originals, rolls back and cleans up', async () => {
    await allowEbsOn(ctx.kms, ids.cmkArn, ctx.region);
    const before = await devicesOf(c1);
    const prepared = await prepareMigration(ctx, { instanceIds: [c1], kmsKeyRef: 'alias/avi-cmk' });
    const store = new JournalStore({ dataDir: ctx.dataDir });
    const journal = createJournal(store, ctx, prepared);
    const run = { ctx, journal, signal: new AbortController().signal };
    await executeMigration(run);
    expect(journal.value.status).toBe('verified');

    const after = await devicesOf(c1);
    expect(after.state).toBe('running');
    expect([...after.devices.keys()].sort()).toEqual([...before.devices.keys()].sort());
    const replacements = [...after.devices.values()];
    const vols = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: replacements }));
    for (const v of vols.Volumes ?? []) {
      expect(v.Encrypted).toBe(true);
      expect(v.KmsKeyId).toBe(ids.cmkArn);
      expect(v.Tags).toContainEqual({
        Key: 'envelope:origin-volume',
        Value: expect.stringMatching(/^vol-/) as unknown,
      });
    }
    const originals = await ctx.ec2.send(
      new DescribeVolumesCommand({ VolumeIds: [...before.devices.values()] }),
    );
    expect(originals.Volumes?.every((v) => v.State === 'available' && !v.Encrypted)).toBe(true);
    const instance = journal.value.instances[0]!;
    expect(instance.runningAt! - instance.stoppedAt!).toBeGreaterThan(0);

    await rollbackMigration(run);
    expect(journal.value.status).toBe('rolled-back');
    const back = await devicesOf(c1);
    expect(back.state).toBe('running');
    expect(back.devices).toEqual(before.devices);
    // The rollback stopped the verified instance again; the live view shows how long.
    const rolled = journal.value.instances[0]!;
    expect(rolled.rollbackRunningAt! - rolled.rollbackStoppedAt!).toBeGreaterThan(0);

    await cleanupMigration(run);
    const left = await ctx.ec2.send(new DescribeVolumesCommand({ VolumeIds: [...before.devices.values()] }));
    expect(left.Volumes).toHaveLength(2);
  });
});

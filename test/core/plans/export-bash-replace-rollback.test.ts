// The exported bash script (replace) run by the AWS CLI v2 against avi-lab, failed at every AWS
// command from the launch of the replacement on, one run each: every run exits non-zero after its
// rollback, the replacement is terminated, and the original controller runs on its own volumes.
import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareMigration } from '../../../electron/core/migration/prepare';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { renderPlan } from '../../../shared/plans/render/render-plan';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxContext } from '../migration/harness';
import { CliFaultRunner, type CliCommand } from './cli-fault-runner';

const REGION = aviLab.region;
// Fast enough that a snapshot or a state change is done by the AWS CLI waiter's first poll: its
// next poll is 15 real seconds later (botocore's waiter delay), which would dominate each run.
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 100_000 });
const c2 = aviLab.ids.controllerInstanceIds[1] as string;
let ec2: EC2Client;
let runner: CliFaultRunner;
let before: Instance;

const mapping = (i: Instance) =>
  (i.BlockDeviceMappings ?? [])
    .map((b) => ({ device: b.DeviceName ?? '', volumeId: b.Ebs?.VolumeId }))
    .sort((a, b) => a.device.localeCompare(b.device));

async function describeInstance(): Promise<Instance> {
  const answer = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [c2] }));
  const found = answer.Reservations?.[0]?.Instances?.[0];
  if (!found) throw new Error(`${c2} is gone`);
  return found;
}

// Replacements of c2 that still exist in any state but terminated.
async function liveReplacements(): Promise<string[]> {
  const answer = await ec2.send(
    new DescribeInstancesCommand({
      Filters: [
        { Name: 'tag:envelope:replaces', Values: [c2] },
        { Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] },
      ],
    }),
  );
  return (answer.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId ?? '');
}

beforeAll(async () => {
  ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
  const ctx = sandboxContext(sandbox, { region: REGION });
  const prepared = await prepareMigration(ctx, {
    instanceIds: [c2],
    kmsKeyRef: 'alias/lab-ebs',
    strategy: 'replace',
  });
  ctx.destroy();
  runner = await CliFaultRunner.start(sandbox, renderPlan(prepared.plan, 'bash').text);
  before = await describeInstance();
});

afterAll(() => {
  runner?.dispose();
  ec2.destroy();
});

// The baseline run finds the failure points the sweep then uses: kept in order when shuffled.
describe(
  'bash export (replace): a failure from the launch on terminates the replacement',
  { shuffle: false },
  () => {
    let points: { index: number; command: CliCommand }[] = [];

    it('replaces the controller without a fault, the person pressing Enter (the baseline)', async () => {
      const run = await runner.run(0, '', '\n');
      expect(run.code, run.stderr).toBe(0);
      expect((await describeInstance()).State?.Name).toBe('stopped');
      expect(await liveReplacements()).toHaveLength(1);
      const launch = run.commands.findIndex((c) => c.action === 'RunInstances');
      expect(launch).toBeGreaterThan(0);
      points = run.commands.map((command, index) => ({ index, command })).slice(launch);
      // Launch, tags, wait running, verify, stop the original, wait stopped.
      expect(points.length).toBeGreaterThanOrEqual(5);
    }, 120_000);

    it('leaves the original running on its volumes and no replacement, from every failure point', async () => {
      expect(points.length).toBeGreaterThan(0);
      for (const { index, command } of points) {
        const reset = await sandbox.controlFetch('reset', { method: 'POST' });
        expect(reset.status).toBe(200);
        const run = await runner.run(index + 1, command.action, '\n');
        const label = `#${index + 1} ${command.action}`;
        expect(run.code, `${label}: ${run.stderr}`).not.toBe(0);
        expect(run.stderr, label).toContain(`Injected failure of ${command.action}`);
        expect(run.stderr, label).toContain('Rolled back.');
        const now = await describeInstance();
        expect(now.State?.Name, label).toBe('running');
        expect(mapping(now), label).toEqual(mapping(before));
        expect(await liveReplacements(), label).toEqual([]);
      }
      console.log(
        `bash replace export: rolled back from ${points.length} failure points: ${points.map((p) => p.command.action).join(', ')}`,
      );
    }, 900_000);
  },
);

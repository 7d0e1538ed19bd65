// The exported bash script (swap) run by the AWS CLI v2 against avi-lab, failed at every AWS
// command from the stop on, one run each: every run exits non-zero, says it rolled back, and leaves
// the controller running on its original volumes, on the same devices, DeleteOnTermination as
// before. A run without a fault migrates it (the baseline that lists the commands).
import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareMigration } from '../../../electron/core/migration/prepare';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { renderPlan } from '../../../shared/plans/render/render-plan';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxContext } from '../migration/harness';
import { CliFaultRunner, type CliCommand } from './cli-fault-runner';

const REGION = aviLab.region;
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 100_000 });
const [c1] = aviLab.ids.controllerInstanceIds as [string];
let ec2: EC2Client;
let runner: CliFaultRunner;
let before: Instance;

const mapping = (i: Instance) =>
  (i.BlockDeviceMappings ?? [])
    .map((b) => ({
      device: b.DeviceName ?? '',
      volumeId: b.Ebs?.VolumeId,
      deleteOnTermination: b.Ebs?.DeleteOnTermination,
    }))
    .sort((a, b) => a.device.localeCompare(b.device));

async function describeInstance(): Promise<Instance> {
  const answer = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [c1] }));
  const found = answer.Reservations?.[0]?.Instances?.[0];
  if (!found) throw new Error(`${c1} is gone`);
  return found;
}

const reset = async () => {
  const answer = await sandbox.controlFetch('reset', { method: 'POST' });
  expect(answer.status).toBe(200);
};

beforeAll(async () => {
  ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
  const ctx = sandboxContext(sandbox, { region: REGION });
  const prepared = await prepareMigration(ctx, {
    instanceIds: [c1],
    kmsKeyRef: 'alias/lab-ebs',
    strategy: 'swap',
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
  'bash export (swap): a failure at any step after the stop rolls the instance back',
  { shuffle: false },
  () => {
    let afterStop: { index: number; command: CliCommand }[] = [];

    it('runs to the end without a fault (the baseline)', async () => {
      const run = await runner.run();
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Done.');
      const now = await describeInstance();
      expect(now.State?.Name).toBe('running');
      expect(mapping(now).map((m) => m.device)).toEqual(mapping(before).map((m) => m.device));
      expect(mapping(now).map((m) => m.volumeId)).not.toContain(mapping(before)[0]?.volumeId);
      const stop = run.commands.findIndex((c) => c.action === 'StopInstances');
      expect(stop).toBeGreaterThan(0);
      afterStop = run.commands.map((command, index) => ({ index, command })).slice(stop);
      // Stop, waits, snapshots, volumes, detach, attach, DeleteOnTermination, start, verify.
      expect(afterStop.length).toBeGreaterThanOrEqual(14);
    }, 120_000);

    it('comes back running on its original volumes and devices from every failure point', async () => {
      expect(afterStop.length).toBeGreaterThan(0);
      const outcomes: string[] = [];
      for (const { index, command } of afterStop) {
        await reset();
        const run = await runner.run(index + 1, command.action);
        const now = await describeInstance();
        const label = `#${index + 1} ${command.action} (${command.line.split(' ').slice(2, 5).join(' ')})`;
        outcomes.push(label);
        expect(run.code, `${label}: ${run.stderr}`).not.toBe(0);
        expect(run.stderr, label).toContain(`Injected failure of ${command.action}`);
        expect(run.stderr, label).toContain('Rolled back.');
        expect(now.State?.Name, label).toBe('running');
        expect(mapping(now), label).toEqual(mapping(before));
      }
      console.log(
        `bash swap export: rolled back from ${outcomes.length} failure points:\n${outcomes.join('\n')}`,
      );
      // About a second of AWS CLI start-up per command, some 40 commands per run.
    }, 1_200_000);
  },
);

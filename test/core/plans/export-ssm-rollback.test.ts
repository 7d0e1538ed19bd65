// The exported SSM Automation runbook run by the test-only interpreter (SDK calls to the sandbox)
// against avi-lab: without a fault it migrates the controller; failed at every step from the stop
// on (one run each, a sandbox `fail` fault on the step's first call) it ends Failed after its
// rollback steps, with the controller running on its original volumes on the same devices.
import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { prepareMigration } from '../../../electron/core/migration/prepare';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { renderPlan } from '../../../shared/plans/render/render-plan';
import { withSandbox } from '../../helpers/sandbox';
import { SsmRunbookInterpreter, type RunbookResult } from '../../helpers/ssm-runbook-interpreter';
import { sandboxContext } from '../migration/harness';

const REGION = aviLab.region;
const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
const [c1] = aviLab.ids.controllerInstanceIds as [string];
let ec2: EC2Client;
let runbook: string;
let before: Instance;

interface DocStep {
  name: string;
  action: string;
  onFailure?: string;
  inputs: Record<string, unknown>;
}
let steps: DocStep[] = [];

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

// The API a step calls first: what the fault must hit to fail that step.
function firstAction(step: DocStep): string {
  if (step.action === 'aws:changeInstanceState')
    return step.inputs.DesiredState === 'running' ? 'StartInstances' : 'StopInstances';
  return String(step.inputs.Api);
}

async function run(text: string, failStep?: DocStep): Promise<RunbookResult> {
  let injected = false;
  const interpreter = new SsmRunbookInterpreter(text, {
    clientConfig: { ...sandbox.sdkConfig, region: REGION },
    now: () => sandbox.handle.clock.now(),
    pollMs: 5,
    beforeStep: async ({ name }) => {
      if (!failStep || injected || name !== failStep.name) return;
      injected = true;
      const action = firstAction(failStep);
      const answer = await sandbox.controlFetch('faults', {
        method: 'POST',
        body: JSON.stringify({
          kind: 'fail',
          service: 'ec2',
          action,
          code: 'UnauthorizedOperation',
          status: 403,
        }),
      });
      expect(answer.status).toBe(200);
    },
  });
  try {
    return await interpreter.run();
  } finally {
    interpreter.destroy();
  }
}

beforeAll(async () => {
  ec2 = new EC2Client({ ...sandbox.sdkConfig, region: REGION });
  const ctx = sandboxContext(sandbox, { region: REGION });
  const prepared = await prepareMigration(ctx, {
    instanceIds: [c1],
    kmsKeyRef: 'alias/lab-ebs',
    strategy: 'swap',
  });
  ctx.destroy();
  runbook = renderPlan(prepared.plan, 'ssm').text;
  steps = (parse(runbook) as { mainSteps: DocStep[] }).mainSteps;
  before = await describeInstance();
});

afterAll(() => ec2.destroy());

describe('SSM runbook export: rollback on failure', () => {
  it('the interpreter refuses a step type it does not implement', () => {
    const doc = parse(runbook) as { mainSteps: unknown[] };
    doc.mainSteps.push({ name: 'RunScript', action: 'aws:runCommand', inputs: {} });
    expect(() => new SsmRunbookInterpreter(stringify(doc), { clientConfig: {}, now: Date.now })).toThrow(
      /aws:runCommand, which is not implemented/,
    );
  });

  it('migrates the controller without a fault and ends at MigrationComplete', async () => {
    const result = await run(runbook);
    expect(result.status, JSON.stringify(result.steps.filter((s) => s.error))).toBe('Success');
    expect(result.steps.at(-1)?.name).toBe('MigrationComplete');
    expect(result.steps.some((s) => s.name.startsWith('Rollback'))).toBe(false);
    const now = await describeInstance();
    expect(now.State?.Name).toBe('running');
    expect(mapping(now).map((m) => m.device)).toEqual(mapping(before).map((m) => m.device));
    expect(mapping(now).map((m) => m.volumeId)).not.toContain(mapping(before)[0]?.volumeId);
    expect(mapping(now).map((m) => m.deleteOnTermination)).toEqual(
      mapping(before).map((m) => m.deleteOnTermination),
    );
  });

  it('comes back running on its original volumes and devices from a failure at every step after the stop', async () => {
    const stop = steps.findIndex((s) => s.name === 'StopInstance');
    const end = steps.findIndex((s) => s.name === 'MigrationComplete');
    const points = steps.slice(stop, end);
    expect(points.length).toBeGreaterThanOrEqual(20);
    for (const step of points) expect(step.onFailure, step.name).toMatch(/^step:Rollback/);
    for (const step of points) {
      const reset = await sandbox.controlFetch('reset', { method: 'POST' });
      expect(reset.status).toBe(200);
      const result = await run(runbook, step);
      const failed = result.steps.filter((s) => s.status === 'Failed');
      expect(result.status, step.name).toBe('Failed');
      expect(
        failed.map((s) => s.name),
        step.name,
      ).toEqual([step.name]);
      expect(result.steps.at(-1)?.name, step.name).toMatch(/^Rollback/);
      const now = await describeInstance();
      expect(now.State?.Name, step.name).toBe('running');
      expect(mapping(now), step.name).toEqual(mapping(before));
    }
    console.log(
      `SSM runbook export: rolled back from ${points.length} failure points: ${points.map((s) => s.name).join(', ')}`,
    );
  }, 300_000);
});

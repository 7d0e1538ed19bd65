// The migration's wait for a launched instance copes with EC2's eventual consistency: right after
// RunInstances, DescribeInstances may answer InvalidInstanceID.NotFound for the new id ("This does
// not mean the instance does not exist", EC2 developer guide, "Eventual consistency in the Amazon
// EC2 API"). A few such answers are polled through; an id that stays unknown still fails, bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitInstanceRunning } from '../../../electron/core/migration/waits';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxContext } from './harness';

const sandbox = withSandbox({ scenario: 'avi-lab' });
const dataDir = mkdtempSync(join(tmpdir(), 'envelope-eventual-'));
let ctx: ReturnType<typeof sandboxContext>;

beforeAll(() => {
  ctx = sandboxContext(sandbox, { dataDir });
});
afterEach(() => sandbox.control.clearFaults());
afterAll(() => {
  ctx.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

async function launch(): Promise<string> {
  const answer = await ctx.ec2.send(
    new RunInstancesCommand({
      ImageId: aviLab.ids.controllerImageId,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
    }),
  );
  return answer.Instances?.[0]?.InstanceId ?? '';
}

const notYetKnown = (count: number) =>
  sandbox.control.addFault({
    kind: 'fail',
    service: 'ec2',
    action: 'DescribeInstances',
    count,
    code: 'InvalidInstanceID.NotFound',
    message: "The instance ID 'i-0' does not exist",
  });

describe('waitInstanceRunning and eventual consistency', () => {
  it('polls through InvalidInstanceID.NotFound for a just-launched instance', async () => {
    const id = await launch();
    notYetKnown(2);
    await expect(waitInstanceRunning(ctx, id)).resolves.toBeUndefined();
  });

  it('still fails, after a bounded number of polls, for an id that stays unknown', async () => {
    const id = await launch();
    notYetKnown(10);
    await expect(waitInstanceRunning(ctx, id)).rejects.toMatchObject({ name: 'InvalidInstanceID.NotFound' });
    expect(sandbox.control.listFaults()[0]).toMatchObject({ seen: 3 });
  });
});

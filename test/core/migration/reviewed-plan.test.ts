// The wizard's Run (migration:start) carries out exactly the reviewed plan: the sealed plan crosses
// to core, which checks its seal, makes it again from its input and refuses a run whose plan
// differs from the one reviewed; a started run records the reviewed plan's seal in its journal.
import { EC2Client, StopInstancesCommand, waitUntilInstanceStopped } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { sealPlan, type Plan } from '../../../shared/plans/plan-document';
import { withSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
const REGION = 'us-west-2';
const dataDir = makeTempDir('envelope-reviewed-plan-');
let core: Core;
const [first, second] = aviLab.ids.controllerInstanceIds;

beforeAll(async () => {
  process.env.ENVELOPE_WAIT_DELAY_SECONDS = '0.01';
  core = await createCore({
    dataDir,
    version: 'test',
    shell: 'cli',
    sandbox: {
      ensureStarted: () =>
        Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region: REGION }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', REGION, { persist: false });
});

afterAll(async () => {
  delete process.env.ENVELOPE_WAIT_DELAY_SECONDS;
  await core.dispose();
});

const review = (instanceId: string): Promise<Plan> =>
  core.migration.plan({ instanceIds: [instanceId], kmsKeyRef: 'alias/lab-ebs', strategy: 'swap' });

describe('migration:start runs the reviewed plan or nothing', () => {
  it('refuses a plan changed after review, even with a recomputed seal', async () => {
    const plan = await review(first!);
    const { sha256: _, ...body } = plan;
    const resealed = await sealPlan({ ...body, input: { ...body.input, instanceIds: [second!] } });
    const changed = await core.dispatch('migration:start', { plan: resealed });
    expect(changed).toMatchObject({ ok: false, error: { code: 'plan-changed' } });
    const tampered = await core.dispatch('migration:start', { plan: { ...plan, title: `${plan.title}!` } });
    expect(tampered).toMatchObject({ ok: false, error: { code: 'plan-tampered' } });
    const notAPlan = await core.dispatch('migration:start', { plan: { instanceIds: [first] } });
    expect(notAPlan).toMatchObject({ ok: false, error: { code: 'invalid-plan' } });
    expect(core.migration.list()).toEqual([]);
  });

  it('refuses a reviewed plan whose instance changed since the review', async () => {
    const plan = await review(second!);
    const ec2 = new EC2Client(sandbox.sdkConfig);
    await ec2.send(new StopInstancesCommand({ InstanceIds: [second!] }));
    await waitUntilInstanceStopped({ client: ec2, maxWaitTime: 60, minDelay: 1 }, { InstanceIds: [second!] });
    const answer = await core.dispatch('migration:start', { plan });
    expect(answer).toMatchObject({ ok: false, error: { code: 'plan-changed' } });
    expect(core.migration.list()).toEqual([]);
  });

  it('starts the reviewed plan and records its seal in the journal', async () => {
    const plan = await review(first!);
    // Through the channel's handler, as the wizard's Run sends it.
    const answer = (await core.dispatch('migration:start', { plan })) as {
      ok: true;
      value: { migrationId: string; jobId: string };
    };
    expect(answer.ok).toBe(true);
    const journal = core.migration.get(answer.value.migrationId);
    expect(journal.reviewedPlanSha256).toBe(plan.sha256);
    expect(journal.instances.map((i) => i.instanceId)).toEqual([first]);
    expect(journal.keyArn).toBe(plan.input.keyArn);
    expect((await core.jobs.wait(answer.value.jobId)).state).toBe('done');
  });
});

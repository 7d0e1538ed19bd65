// A migration job that fails still names its migration in the job's result, so the Jobs page can
// open the migration's live view from it (issue L item 8: every finished job opens its result).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
const REGION = 'us-west-2';
const dataDir = makeTempDir('envelope-failed-job-result-');
let core: Core;
const instanceId = aviLab.ids.controllerInstanceIds[0]!;

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

describe('a failed migration job', () => {
  it('keeps its migration id and status as its result', async () => {
    const plan = await core.migration.plan({
      instanceIds: [instanceId],
      kmsKeyRef: 'alias/lab-ebs',
      strategy: 'swap',
    });
    // The key is disabled as EC2 creates the encrypted volume: the run fails and rolls back.
    sandbox.control.addFault({
      kind: 'key-state',
      keyId: 'alias/lab-ebs',
      state: 'Disabled',
      service: 'ec2',
      action: 'CreateVolume',
    });
    const answer = (await core.dispatch('migration:start', { plan })) as {
      ok: true;
      value: { migrationId: string; jobId: string };
    };
    expect(answer.ok).toBe(true);
    const job = await core.jobs.wait(answer.value.jobId);
    expect(job.state).toBe('failed');
    expect(job.result).toMatchObject({ migrationId: answer.value.migrationId });
    expect(job.error?.message).toContain(answer.value.migrationId);
  });
});

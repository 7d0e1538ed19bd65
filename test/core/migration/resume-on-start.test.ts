// A migration interrupted by a quit (its job cancelled mid-run, the journal left 'running') is
// listed as interrupted, and the next app start (a core with shell 'preview', as Electron's is
// 'electron') resumes it from the journal to a verified end; a CLI core leaves it alone.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../electron/core/create-core';
import { MigrationService } from '../../../electron/core/migration/migration-service';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { withSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 3600 });
const REGION = 'us-west-2';
const dataDir = makeTempDir('envelope-resume-on-start-');
const cores: Core[] = [];

async function startCore(shell: 'cli' | 'preview'): Promise<Core> {
  const core = await createCore({
    dataDir,
    version: 'test',
    shell,
    sandbox: {
      ensureStarted: () =>
        Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region: REGION }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', REGION, { persist: false });
  cores.push(core);
  return core;
}

afterAll(async () => {
  delete process.env.ENVELOPE_WAIT_DELAY_SECONDS;
  for (const core of cores) await core.dispose();
});

describe('migrations resume when the app starts', () => {
  it('resumes an interrupted migration to verified; the CLI does not', async () => {
    process.env.ENVELOPE_WAIT_DELAY_SECONDS = '0.01';
    const first = await startCore('cli');
    const { migrationId, jobId } = await first.migration.start({
      instanceIds: [aviLab.ids.controllerInstanceIds[1]!],
      kmsKeyRef: 'alias/lab-ebs',
    });
    // Quit mid-run: once the online snapshots exist, the job is cancelled.
    await expect
      .poll(() => first.migration.get(migrationId).instances[0]?.volumes.every((v) => v.onlineSnapshotId), {
        timeout: 30_000,
        interval: 5,
      })
      .toBe(true);
    first.jobs.cancel(jobId);
    await first.jobs.wait(jobId);
    expect(first.migration.get(migrationId).status).toBe('running');
    expect(first.migration.list().find((m) => m.id === migrationId)?.status).toBe('interrupted');

    // The job history is shared through the data directory: the resumed job is a new one.
    const resumedJob = (core: Core) =>
      core.jobs.list().find((j) => j.kind === 'migration' && j.title.includes(migrationId) && j.id !== jobId);
    // Whether a core resumes is decided inside createCore (it calls resumeInterrupted before it
    // returns), so the CLI's "did not resume" is checked at that decision, with no waiting.
    const resumeCalls = vi.spyOn(MigrationService.prototype, 'resumeInterrupted');
    const cli = await startCore('cli');
    expect(resumeCalls).not.toHaveBeenCalled();
    expect(resumedJob(cli)).toBeUndefined();
    expect(cli.migration.list().find((m) => m.id === migrationId)?.status).toBe('interrupted');

    const app = await startCore('preview');
    expect(resumeCalls).toHaveBeenCalledTimes(1);
    resumeCalls.mockRestore();
    await expect.poll(() => resumedJob(app), { timeout: 10_000 }).toBeDefined();
    const resumed = resumedJob(app)!;
    const done = await app.jobs.wait(resumed.id);
    expect(done.state).toBe('done');
    expect(app.migration.get(migrationId).status).toBe('verified');
  });
});

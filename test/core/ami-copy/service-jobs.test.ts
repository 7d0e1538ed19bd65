// The AMI copy through core: a plan runs as one 'ami-copy' job per copy; a cancelled copy ends
// 'cancelled' with its partial ids and is cleaned up only through amiCopy:cleanup; deregistering
// a source is refused for someone else's AMI and works for one's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmiCopyService } from '../../../electron/core/ami-copy/ami-copy-service';
import { createCore, type Core } from '../../../electron/core/create-core';
import type { CopyResult, PartialCopy } from '../../../shared/domain/ami-copy';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox';
import { makeTempDir } from '../../helpers/temp-dir';

const REGION = 'us-west-2';
let sandbox: TestSandbox;
let core: Core;
let service: AmiCopyService;

beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: 'avi-lab' });
  core = await createCore({
    dataDir: makeTempDir('envelope-ami-copy-'),
    version: 'test',
    shell: 'cli',
    sandbox: {
      ensureStarted: () =>
        Promise.resolve({ ...sandbox.credentials, endpoint: sandbox.endpoint, region: REGION }),
      stop: () => Promise.resolve(),
    },
  });
  await core.accounts.select('sandbox', REGION);
  service = new AmiCopyService({ accounts: core.accounts, jobs: core.jobs, events: core.events, pollMs: 50 });
});

afterAll(async () => {
  await core?.dispose();
  await sandbox?.close();
});

describe('AMI copy jobs', () => {
  it('runs a plan as an ami-copy job and deregisters an owned source only when asked', async () => {
    const source = aviLab.ids.seImageIds[0]!;
    const { plan } = await service.plan({
      imageIds: [source],
      sourceRegion: REGION,
      nameTemplate: '{name}-enc',
    });
    const [jobId] = await service.start(plan);
    const job = await core.jobs.wait(jobId!);
    expect(job.kind).toBe('ami-copy');
    expect(job.state).toBe('done');
    const result = job.result as CopyResult;
    expect(result.sourceOwned).toBe(true);
    expect(result.snapshots.every((s) => s.encrypted && s.aliases.includes('alias/aws/ebs'))).toBe(true);
    expect(sandbox.handle.world.images.get(source)?.state).toBe('available');
    const answer = await core.dispatch('amiCopy:deregisterSource', { jobId, confirm: false });
    expect(answer.ok).toBe(false);
    expect(await service.deregisterSource(jobId!)).toEqual({ imageId: source, region: REGION });
    expect(sandbox.handle.world.images.get(source)?.state ?? 'deregistered').toBe('deregistered');
  });

  it('refuses to deregister someone else’s AMI', async () => {
    const { plan } = await service.plan({
      imageIds: [aviLab.ids.controllerImageId],
      sourceRegion: REGION,
      nameTemplate: '{name}-x',
    });
    const [jobId] = await service.start(plan);
    const job = await core.jobs.wait(jobId!);
    expect(job.state).toBe('done');
    // The result says so, so the page does not offer it.
    expect((job.result as CopyResult).sourceOwned).toBe(false);
    await expect(service.deregisterSource(jobId!)).rejects.toMatchObject({ code: 'ami-not-owned' });
    const answer = await core.dispatch('amiCopy:deregisterSource', { jobId: jobId!, confirm: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'ami-not-owned' } });
    expect(sandbox.handle.world.images.get(aviLab.ids.controllerImageId)?.state).toBe('available');
  });

  it('refuses a tampered plan', async () => {
    const { plan } = await service.plan({
      imageIds: [aviLab.ids.controllerImageId],
      sourceRegion: REGION,
      nameTemplate: '{name}-t',
    });
    await expect(service.start({ ...plan, title: 'changed' })).rejects.toMatchObject({
      code: 'plan-tampered',
    });
  });

  it('cancels into a partial copy that is cleaned up after confirmation', async () => {
    sandbox.control.setSpeed(30);
    const { plan } = await service.plan({
      imageIds: [aviLab.ids.controllerImageId],
      sourceRegion: REGION,
      nameTemplate: '{name}-cancel',
    });
    const started = new Promise<string>((resolve) => {
      const stop = core.events.subscribe((name, payload) => {
        const p = payload as { imageId?: string; snapshots?: unknown[] };
        if (name === 'amiCopy:progress' && p.imageId && (p.snapshots?.length ?? 0) > 0) {
          stop();
          resolve(p.imageId);
        }
      });
    });
    const [jobId] = await service.start(plan);
    const imageId = await started;
    core.jobs.cancel(jobId!);
    const job = await core.jobs.wait(jobId!);
    sandbox.control.setSpeed(3600);
    expect(job.state).toBe('cancelled');
    const partial = job.result as PartialCopy;
    expect(partial).toMatchObject({ partial: true, imageId, cleanedUp: false });
    expect(sandbox.handle.world.images.get(imageId)?.state).toBe('pending');

    const cleaned = await core.dispatch('amiCopy:cleanup', { jobId, confirm: true });
    expect(cleaned).toEqual({
      ok: true,
      value: { deregistered: imageId, deletedSnapshots: partial.snapshotIds },
    });
    for (const id of partial.snapshotIds) expect(sandbox.handle.world.snapshots.has(id)).toBe(false);
  });
});

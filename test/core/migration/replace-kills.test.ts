// The replace strategy killed before every journal write of a clean run, then either resumed (an
// even write) or rolled back (an odd one) by a NEW executor reading the journal from disk. Every
// run must end verified or rolled back with exactly what a clean run leaves: verified — the
// original stopped with all its volumes, one running replacement encrypted with the key, one image
// and one encrypted copy (the kill never made a second); rolled back — the original running on its
// own volumes and no replacement left running. Nothing is deleted on the way.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeMigration, rollbackMigration } from '../../../electron/core/migration/executor';
import { Journal, JournalStore } from '../../../electron/core/migration/journal';
import {
  createJournal,
  prepareMigration,
  type PreparedMigration,
} from '../../../electron/core/migration/prepare';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox';
import { fastSandboxContext, killableStore } from './harness';

const instanceId = aviLab.ids.controllerInstanceIds[0]!;
const keyArn = aviLab.ids.labKeyArn;

let sandbox: TestSandbox;
let ctx: ReturnType<typeof fastSandboxContext>;
let prepared: PreparedMigration;

beforeAll(async () => {
  sandbox = await startTestSandbox({ scenario: 'avi-lab', speed: 1_000_000, verifySignatures: false });
  ctx = fastSandboxContext(sandbox, 'envelope-replace-kills-');
  prepared = await prepareMigration(ctx, {
    instanceIds: [instanceId],
    kmsKeyRef: 'alias/lab-ebs',
    strategy: 'replace',
    autoConfirm: true,
  });
});

afterAll(async () => {
  ctx.destroy();
  await sandbox.close();
  rmSync(ctx.dataDir, { recursive: true, force: true });
});

// Runs once with a kill before write `killAt` (none when undefined), then to the end with `finish`.
async function runWithKill(
  killAt: number | undefined,
  finish: 'resume' | 'rollback',
): Promise<{ id: string; writes: number; status: string }> {
  sandbox.control.reset();
  const id = createJournal(new JournalStore({ dataDir: ctx.dataDir }), ctx, prepared).value.id;
  let writes = 0;
  const { store, signal } = killableStore(ctx.dataDir, killAt, () => (writes += 1));
  let journal = new Journal(store, store.read(id), ctx.now);
  try {
    await executeMigration({ ctx, journal, signal });
  } catch (error) {
    if (!signal.aborted) throw error;
    const fresh = new JournalStore({ dataDir: ctx.dataDir });
    journal = new Journal(fresh, fresh.read(id), ctx.now);
    const run = { ctx, journal, signal: new AbortController().signal };
    if (finish === 'resume') await executeMigration(run);
    else await rollbackMigration(run);
  }
  return { id, writes, status: journal.value.status };
}

function checkEnd(id: string, status: string): void {
  const world = sandbox.handle.world;
  const original = world.instances.get(instanceId)!;
  const originalVolumes = prepared.instances[0]!.volumes.map((v) => v.originalVolumeId);
  for (const volumeId of originalVolumes) expect(world.volumes.has(volumeId), `${volumeId} kept`).toBe(true);
  expect(original.blockDevices.map((b) => b.volumeId)).toEqual(originalVolumes);
  const replacements = [...world.instances.values()].filter(
    (i) =>
      i.tags.some((t) => t.Key === 'envelope:replaces' && t.Value === instanceId) && i.state !== 'terminated',
  );
  const images = [...world.images.values()].filter((i) => i.name.startsWith(`envelope-${id}-`));
  if (status === 'verified') {
    expect(original.state).toBe('stopped');
    expect(replacements).toHaveLength(1);
    expect(replacements[0]!.state).toBe('running');
    for (const b of replacements[0]!.blockDevices) {
      expect(world.volumes.get(b.volumeId)?.encrypted).toBe(true);
      expect(world.volumes.get(b.volumeId)?.kmsKeyArn).toBe(keyArn);
    }
    expect(images).toHaveLength(2);
  } else {
    expect(status).toBe('rolled-back');
    expect(['running', 'pending']).toContain(original.state);
    expect(replacements.filter((r) => r.state !== 'shutting-down')).toEqual([]);
    expect(images.length).toBeLessThanOrEqual(2);
  }
}

describe('replace: killed before every journal write', () => {
  it(
    'resumes to completion or rolls back, leaving exactly what a clean run leaves',
    { timeout: 240_000 },
    async () => {
      const clean = await runWithKill(undefined, 'resume');
      expect(clean.status).toBe('verified');
      checkEnd(clean.id, clean.status);
      const counts = { verified: 0, rolledBack: 0 };
      for (let write = 1; write <= clean.writes; write++) {
        const finish = write % 2 === 0 ? 'resume' : 'rollback';
        const result = await runWithKill(write, finish);
        checkEnd(result.id, result.status);
        if (result.status === 'verified') counts.verified += 1;
        else counts.rolledBack += 1;
      }
      process.stdout.write(
        `replace kill sweep: ${clean.writes} kill points, ${counts.verified} resumed to completion, ${counts.rolledBack} rolled back\n`,
      );
      expect(counts.verified + counts.rolledBack).toBe(clean.writes);
      expect(counts.verified).toBeGreaterThan(0);
    },
  );
});

// The reliability suite, shared by the reliability-*.test.ts files so that vitest runs slices of
// the 200+ seeded fault schedules in parallel (one file per core). Each schedule runs the swap
// strategy against an in-process sandbox running fast (a simulated minute passes in well under a
// real millisecond), kills the executor before some journal write (so, over the runs, at every
// step), resumes from the journal with a NEW executor, and mixes in throttling storms, 5xx,
// AccessDenied on attach, the key disabled mid-run and the instance type refusing encrypted
// volumes. Every run must end verified or rolled back, with every original volume still present,
// every device on the instance, the instance running, and nothing deleted. Each slice prints its
// counts.
//
// Per-run cost: the journal is rewritten ~40 times per executor run (write + rename); on the
// disk-backed /tmp that is ~0.7 ms each, on tmpfs ~0.02 ms, so journals go to /dev/shm when it
// exists (the production code path is unchanged, only where the throwaway directory lives).
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
import { makeKeySchedule, makeSchedule, type FaultSchedule } from './fault-schedules';
import { allowEbsOn, fastSandboxContext, killableStore } from './harness';

export const WRITES_TO_SWEEP = 42; // a clean run writes about this many journal entries
const instanceId = aviLab.ids.controllerInstanceIds[0]!;
const cmkArn = aviLab.ids.cmkArn;

type Outcome = 'verified' | 'rolled-back';

interface Counts {
  runs: number;
  verified: number;
  rolledBack: number;
  kills: number;
  attempts: number;
  faults: number;
  keyDisabled: number;
  accessDenied: number;
  throttled: number;
  serverErrors: number;
}

// Registers the suite for schedules [first, first + count): schedule i uses seed 0x5eed + i and
// first kills at write (i % WRITES_TO_SWEEP) + 1, whichever file runs it.
// Key-failure schedules [keyFirst, keyFirst + keyCount) run after them (fault-schedules.ts,
// makeKeySchedule): the key disabled or scheduled for deletion at every journal write.
export function defineReliabilitySuite(first: number, count: number, keyFirst = 0, keyCount = 0): void {
  let sandbox: TestSandbox;
  let ctx: ReturnType<typeof fastSandboxContext>;
  let prepared: PreparedMigration;
  let cmkPolicy: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ scenario: 'avi-lab', speed: 1_000_000, verifySignatures: false });
    ctx = fastSandboxContext(sandbox, 'envelope-reliability-');
    await allowEbsOn(ctx.kms, cmkArn, 'us-west-2');
    cmkPolicy = sandbox.handle.world.kmsKeys.get(cmkArn)!.policy;
    prepared = await prepareMigration(ctx, { instanceIds: [instanceId], kmsKeyRef: 'alias/avi-cmk' });
  });
  afterAll(async () => {
    ctx.destroy();
    await sandbox.close();
    // /dev/shm is memory: leave nothing behind.
    rmSync(ctx.dataDir, { recursive: true, force: true });
  });

  async function runSchedule(
    schedule: FaultSchedule,
  ): Promise<{ outcome: Outcome; kills: number; attempts: number; error?: string }> {
    // The scenario reloads with the same ids, so the prechecks' result (prepared once) still holds.
    sandbox.control.reset();
    const world = sandbox.handle.world;
    world.kmsKeys.get(cmkArn)!.policy = cmkPolicy;
    const originals = [...world.instances.get(instanceId)!.blockDevices].map((b) => ({
      device: b.deviceName,
      volumeId: b.volumeId,
    }));
    const id = createJournal(new JournalStore({ dataDir: ctx.dataDir }), ctx, prepared).value.id;
    for (const fault of schedule.faults) sandbox.control.addFault(fault);

    let totalWrites = 0;
    let kills = 0;
    let mode: 'migrate' | 'rollback' = 'migrate';
    let failures = 0;
    for (let attempt = 1; attempt <= 14; attempt++) {
      const { store, signal } = killableStore(ctx.dataDir, schedule.kills[attempt - 1], () => {
        totalWrites += 1;
        for (const event of schedule.events) {
          if (event.atWrite !== totalWrites) continue;
          sandbox.control.addFault({ kind: 'key-state', keyId: cmkArn, state: event.state });
        }
      });
      const journal = new Journal(store, store.read(id), ctx.now);
      const run = { ctx, journal, signal };
      try {
        if (mode === 'migrate') await executeMigration(run);
        else await rollbackMigration(run);
      } catch (error) {
        if (!signal.aborted) throw error;
        kills += 1;
        continue;
      }
      const status = journal.value.status;
      if (status === 'verified' || status === 'rolled-back') {
        checkInvariants(
          originals,
          status,
          journal.value.instances[0]!.volumes.map((v) => v.replacementVolumeId ?? ''),
        );
        const error = journal.value.instances[0]!.error?.message;
        return { outcome: status, kills, attempts: attempt, ...(error ? { error } : {}) };
      }
      // Failed: resume once more (a transient cause may be gone), then roll back, as a person would.
      failures += 1;
      if (failures >= 2) mode = 'rollback';
    }
    throw new Error(`schedule ${schedule.seed} (${schedule.labels.join(', ')}) did not settle`);
  }

  function checkInvariants(
    originals: { device: string; volumeId: string }[],
    outcome: Outcome,
    replacements: string[],
  ): void {
    const world = sandbox.handle.world;
    const instance = world.instances.get(instanceId)!;
    expect(instance.state === 'running' || instance.state === 'pending').toBe(true);
    const mapped = new Map(instance.blockDevices.map((b) => [b.deviceName, b.volumeId]));
    for (const { device, volumeId } of originals) {
      expect(world.volumes.has(volumeId), `original ${volumeId} exists`).toBe(true);
      expect(mapped.has(device), `device ${device} present`).toBe(true);
      if (outcome === 'rolled-back') expect(mapped.get(device)).toBe(volumeId);
      else {
        const replacement = world.volumes.get(mapped.get(device) ?? '');
        expect(replacements).toContain(replacement?.volumeId);
        expect(replacement?.encrypted).toBe(true);
        expect(replacement?.kmsKeyArn).toBe(cmkArn);
        expect(world.volumes.get(volumeId)?.state).toBe('available');
      }
    }
  }

  const last = first + count - 1;
  describe(`swap reliability, schedules ${first}–${last}`, () => {
    it(
      `ends verified or rolled back under ${count} seeded fault schedules`,
      { timeout: 300_000 },
      async () => {
        const counts: Counts = {
          runs: 0,
          verified: 0,
          rolledBack: 0,
          kills: 0,
          attempts: 0,
          faults: 0,
          keyDisabled: 0,
          accessDenied: 0,
          throttled: 0,
          serverErrors: 0,
        };
        for (let i = first; i <= last; i++) {
          const schedule = makeSchedule(0x5eed + i, (i % WRITES_TO_SWEEP) + 1);
          const result = await runSchedule(schedule);
          const has = (prefix: string) => schedule.labels.some((l) => l.startsWith(prefix));
          counts.runs += 1;
          counts.kills += result.kills;
          counts.attempts += result.attempts;
          counts.faults += schedule.faults.length;
          if (has('disable-key')) counts.keyDisabled += 1;
          if (has('access-denied')) counts.accessDenied += 1;
          if (has('throttle')) counts.throttled += 1;
          if (has('5xx')) counts.serverErrors += 1;
          if (result.outcome === 'verified') counts.verified += 1;
          else counts.rolledBack += 1;
        }
        process.stdout.write(
          `reliability ${first}–${last}: ${counts.runs} schedules, ${counts.verified} resumed to completion, ${counts.rolledBack} rolled back; ` +
            `${counts.kills} kills, ${counts.attempts} executor runs, ${counts.faults} injected call faults ` +
            `(${counts.throttled} with a throttling storm, ${counts.serverErrors} with 5xx), ` +
            `${counts.keyDisabled} with the key disabled, ${counts.accessDenied} with AccessDenied on attach\n`,
        );
        expect(counts.runs).toBe(count);
        expect(counts.verified + counts.rolledBack).toBe(counts.runs);
        // Every fault kind is exercised in every slice (the seeds are fixed, so this never flakes).
        if (count >= 100) {
          for (const kind of ['kills', 'throttled', 'serverErrors', 'keyDisabled', 'accessDenied'] as const) {
            expect(counts[kind], kind).toBeGreaterThan(0);
          }
        }
      },
    );

    const keyLast = keyFirst + keyCount - 1;
    it.skipIf(keyCount === 0)(
      `ends verified or rolled back with the cause named under ${keyCount} key-failure schedules`,
      { timeout: 300_000 },
      async () => {
        const k = {
          runs: 0,
          disabled: 0,
          pendingDeletion: 0,
          verified: 0,
          rolledBack: 0,
          named: 0,
          kills: 0,
        };
        const writes = new Set<number>();
        for (let i = keyFirst; i <= keyLast; i++) {
          const schedule = makeKeySchedule(i, WRITES_TO_SWEEP);
          const event = schedule.events[0]!;
          const result = await runSchedule(schedule);
          k.runs += 1;
          k.kills += result.kills;
          writes.add(event.atWrite);
          if (event.state === 'Disabled') k.disabled += 1;
          else k.pendingDeletion += 1;
          if (result.outcome === 'verified') {
            k.verified += 1;
            continue;
          }
          k.rolledBack += 1;
          // Rolled back only because of the key: the error must say so, with its state.
          const named = new RegExp(`KMS key alias/avi-cmk \\(${cmkArn}\\) is ${event.state}`);
          expect(result.error, `schedule ${schedule.labels.join(', ')}`).toMatch(named);
          k.named += 1;
        }
        process.stdout.write(
          `reliability key failures ${keyFirst}–${keyLast}: ${k.runs} schedules (${k.disabled} key disabled, ${k.pendingDeletion} scheduled for deletion, at ${writes.size} different journal writes), ` +
            `${k.verified} completed, ${k.rolledBack} rolled back to the originals with the key's state named in ${k.named}; ${k.kills} kills\n`,
        );
        expect(k.runs).toBe(keyCount);
        expect(k.named).toBe(k.rolledBack);
        // Both endings occur: disabled before the start it rolls back, after it the migration completes.
        if (keyCount >= 42) {
          expect(k.rolledBack).toBeGreaterThan(0);
          expect(k.verified).toBeGreaterThan(0);
        }
      },
    );
  });
}

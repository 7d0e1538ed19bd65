// The local engine: a sealed s3-encrypt plan run from this process, each planned object copied over
// itself under the plan's key (copy-in-place.ts) by a pool of workers (default 32 requests in
// flight; the client's adaptive retry mode absorbs S3's 503 SlowDown). The plan already read every
// object, so the hot path is one CopyObject per object, guarded by the planned ETag; no HeadObject.
//
// The journal's guarantees (engine.ts LocalJournalRecord): before objects are sent, a claim on the
// next units is made durable; after S3 answers, the object's record is appended and made durable
// with its group. A resumed run copies nothing recorded done again, and re-reads with HeadObject
// only the claimed objects without a record (with includeVersions, the key's versions listed
// newer than its planned current one: resume-check.ts). A cancel stops sending: the copies
// in flight finish and are recorded, so the journal says exactly what was copied.
//
// Versions: "To copy a different version, use the versionId subresource. If you enable versioning
// on the target bucket, Amazon S3 generates a unique version ID for the object being copied" (S3
// API reference, CopyObject, Versioning), so in a versioned bucket each copy is a new current
// version and the original stays as a noncurrent one (S3 user guide, "How S3 Versioning works"):
// kept by default, the way back. With includeVersions the planner lists every version of a key,
// oldest first; one key's versions are copied in that order by one worker (keys in parallel), so
// the copy of the current version ends current, then its originals are deleted
// (original-versions.ts).
import type { EncryptionTally, PlannedObject, S3EncryptResult } from '../../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../../shared/plans/plan-document';
import { s3EncryptPlanInput } from '../../../../shared/plans/render/s3-batch-job';
import { AppError } from '../../errors/app-error';
import type { EngineContext, EngineJournal, LocalJournalRecord, S3EncryptEngine } from '../engine';
import { CHANGED_SINCE_PLAN, describeCopyFailure, errorName } from './copy-failure';
import { copyInPlace, type CopyTarget } from './copy-in-place';
import { bucketUsesAcls, readGrants } from './object-acl';
import { deleteOriginals } from './original-versions';
import { ProgressThrottle } from './progress-throttle';
import { copiedBeforeCrash, copiesOfKey } from './resume-check';
import { LocalRunState } from './run-state';
import { tallyAfterRun } from './tally-after';

export const DEFAULT_CONCURRENCY = 32;
// Units claimed per durable claim record: one fsync per this many objects sent; at most this many
// HeadObjects when a run is resumed.
const CLAIM_WINDOW = 1_024;
// Failures listed in the result (all are counted and journalled).
const LISTED_FAILURES = 1_000;

export interface LocalEngineOptions {
  readonly concurrency?: number;
}

// The objects to copy, as units of work: one object each, or with includeVersions all of a key's
// versions (in the plan's order, oldest first).
function unitsOf(objects: readonly PlannedObject[], includeVersions: boolean): number[][] {
  if (!includeVersions) return objects.map((_, i) => [i]);
  const byKey = new Map<string, number[]>();
  objects.forEach((object, i) => {
    const unit = byKey.get(object.key);
    if (unit) unit.push(i);
    else byKey.set(object.key, [i]);
  });
  return [...byKey.values()];
}

export class LocalEngine implements S3EncryptEngine {
  constructor(private readonly options: LocalEngineOptions = {}) {}

  async run(plan: Plan, journal: EngineJournal, ctx: EngineContext): Promise<S3EncryptResult> {
    const { request, view, objects } = s3EncryptPlanInput(plan);
    if (!objects)
      throw new AppError(
        'invalid-plan',
        `Plan ${plan.id} does not list the objects to copy, which the local engine needs.`,
        'Plan the bucket again with the local engine.',
      );
    // A plan that read only a sample (above the batch threshold) lists only those: copying them
    // would leave the rest as they are while the plan promised all.
    if (objects.length < view.toCopy.objects)
      throw new AppError(
        'invalid-plan',
        `Plan ${plan.id} lists ${objects.length} objects to copy but counts ${view.toCopy.objects} (its listing was ${view.tallyMethod}); the local engine copies only objects the plan lists.`,
        'Plan the bucket again with the local engine, so that every object is read, or use S3 Batch Operations.',
      );
    const run = new LocalRun(objects, journal, ctx, {
      target: { s3: ctx.s3, bucket: view.bucket, keyArn: view.key.arn, bucketKey: view.bucketKey.enabled },
      includeVersions: request.includeVersions === true,
      skippedInPlan: view.skipped.count,
      plannedTallies: view.tallies,
      concurrency: Math.max(1, this.options.concurrency ?? DEFAULT_CONCURRENCY),
    });
    return run.execute();
  }
}

interface RunSettings {
  readonly target: CopyTarget;
  readonly includeVersions: boolean;
  readonly skippedInPlan: number;
  readonly plannedTallies: readonly EncryptionTally[];
  readonly concurrency: number;
}

class LocalRun {
  private readonly state: LocalRunState;
  private readonly units: number[][];
  private readonly progress: ProgressThrottle;
  private readonly bytesTotal: number;
  private next = 0;
  private ended = false;
  private usesAcls = false;
  private fatal: unknown;

  constructor(
    private readonly objects: readonly PlannedObject[],
    private readonly journal: EngineJournal,
    private readonly ctx: EngineContext,
    private readonly settings: RunSettings,
  ) {
    this.state = new LocalRunState(objects, journal.localRecords());
    this.units = unitsOf(objects, settings.includeVersions);
    this.bytesTotal = objects.reduce((sum, o) => sum + o.size, 0);
    this.progress = new ProgressThrottle(ctx.onProgress, () => this.snapshot());
  }

  async execute(): Promise<S3EncryptResult> {
    const started = Date.now();
    this.progress.flush();
    if (!this.ctx.signal.aborted)
      this.usesAcls = await bucketUsesAcls(this.settings.target.s3, this.settings.target.bucket);
    const workers = Math.min(this.settings.concurrency, this.units.length);
    const ended = await Promise.allSettled(Array.from({ length: workers }, () => this.worker()));
    this.journal.flushLocal();
    const crashed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (crashed) throw crashed.reason;
    this.ended = true;
    this.progress.flush();
    return this.result(Date.now() - started);
  }

  private async worker(): Promise<void> {
    while (!this.ctx.signal.aborted && this.fatal === undefined && this.next < this.units.length) {
      const u = this.next++;
      this.claim(u);
      try {
        await this.runUnit(u);
      } catch (error) {
        this.fatal ??= error;
        throw error;
      }
    }
  }

  // Durable before any object of unit `u` is sent.
  private claim(u: number): void {
    if (u < this.state.claimedUpTo) return;
    this.record({ t: 'claim', upTo: Math.min(this.units.length, u + CLAIM_WINDOW) });
    this.journal.flushLocal();
  }

  private record(record: LocalJournalRecord): void {
    this.state.apply(record);
    this.journal.appendLocal(record);
    if (record.t !== 'claim') this.progress.changed();
  }

  private async runUnit(u: number): Promise<void> {
    const indexes = this.units[u] ?? [];
    let possiblyInFlight = u < this.state.claimedBefore;
    if (possiblyInFlight && this.settings.includeVersions) {
      await this.recoverKeyCopies(indexes);
      possiblyInFlight = false;
    }
    // The version that is current before each copy: the planned current version (the key's last
    // listed), then each copy's own.
    let currentBefore = this.objects[indexes[indexes.length - 1] ?? -1]?.versionId;
    for (const i of indexes) {
      if (this.ctx.signal.aborted) return;
      const outcome = this.state.outcomes.get(i);
      if (outcome?.state === 'done') {
        currentBefore = outcome.newVersionId ?? currentBefore;
        continue;
      }
      const inFlight = possiblyInFlight && outcome === undefined;
      currentBefore = (await this.copyOne(i, inFlight, currentBefore)) ?? currentBefore;
    }
    if (this.settings.includeVersions && !this.ctx.signal.aborted)
      await deleteOriginals(
        this.settings.target.s3,
        this.settings.target.bucket,
        this.objects,
        indexes,
        this.state,
        (r) => this.record(r),
      );
  }

  // After a crash, journals the copies of this key's versions the crashed run made but did not
  // journal: the key's copies in order match its versions in order, skipping those that failed.
  private async recoverKeyCopies(indexes: readonly number[]): Promise<void> {
    const last = this.objects[indexes[indexes.length - 1] ?? -1];
    if (!last?.versionId || indexes.every((i) => this.state.outcomes.has(i))) return;
    const copies = await copiesOfKey(this.settings.target, last.key, last.versionId);
    let c = 0;
    for (const i of indexes) {
      const outcome = this.state.outcomes.get(i);
      if (outcome?.state === 'failed') continue;
      const copy = copies[c++];
      if (copy === undefined) return;
      if (!outcome) this.record({ t: 'done', i, v: copy });
    }
  }

  // Copies object i (or finds it copied before a crash); answers the version id of its copy.
  private async copyOne(
    i: number,
    inFlight: boolean,
    currentBefore: string | undefined,
  ): Promise<string | undefined> {
    const object = this.objects[i];
    if (!object) return undefined;
    const { target } = this.settings;
    try {
      if (inFlight) {
        const probe = await copiedBeforeCrash(target, object.key, currentBefore);
        if (probe.copied) {
          this.record({ t: 'done', i, ...(probe.versionId ? { v: probe.versionId } : {}) });
          return probe.versionId;
        }
      }
      const grants = this.usesAcls
        ? await readGrants(target.s3, target.bucket, object.key, object.versionId)
        : {};
      const versionId = await copyInPlace(target, object, grants);
      this.record({ t: 'done', i, ...(versionId ? { v: versionId } : {}) });
      return versionId;
    } catch (error) {
      // Already under the key by another hand (its ETag changed with it): nothing to do.
      if (errorName(error) === CHANGED_SINCE_PLAN && !object.versionId) {
        const now = await copiedBeforeCrash(target, object.key, undefined).catch(() => ({ copied: false }));
        if (now.copied) {
          this.record({ t: 'done', i, already: true });
          return undefined;
        }
      }
      this.record({ t: 'failed', i, ...describeCopyFailure(error, target.keyArn) });
      return undefined;
    }
  }

  private snapshot() {
    const { state } = this;
    return {
      jobId: this.ctx.jobId,
      bucket: this.settings.target.bucket,
      engine: 'local' as const,
      phase: this.ended ? ('done' as const) : ('copying' as const),
      objectsDone: state.copied + state.already + state.failed,
      objectsTotal: this.objects.length,
      bytesDone: state.bytesCopied,
      bytesTotal: this.bytesTotal,
      failed: state.failed,
    };
  }

  private result(durationMs: number): S3EncryptResult {
    const failed: S3EncryptResult['failed'] = [];
    let failedCount = 0;
    const list = (key: string, versionId: string | undefined, code: string, message: string): void => {
      failedCount += 1;
      if (failed.length < LISTED_FAILURES)
        failed.push({ key, ...(versionId ? { versionId } : {}), code, message });
    };
    this.objects.forEach((object, i) => {
      const outcome = this.state.outcomes.get(i);
      if (outcome?.state === 'failed') list(object.key, object.versionId, outcome.code, outcome.message);
      const original = this.state.originals.get(i);
      if (original && !original.deleted)
        list(object.key, object.versionId, 'OriginalVersionKept', original.reason ?? 'kept');
    });
    const { state } = this;
    const finished = state.copied + state.already + state.failed === this.objects.length;
    return {
      bucket: this.settings.target.bucket,
      engine: 'local',
      copied: state.copied,
      bytesCopied: state.bytesCopied,
      skipped: this.settings.skippedInPlan + state.already,
      failed,
      failedCount,
      cancelled: this.ctx.signal.aborted && !finished,
      after: tallyAfterRun(this.settings.plannedTallies, this.objects, state),
      durationMs,
    };
  }
}

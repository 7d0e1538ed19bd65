// What a local run has done so far, folded from its journal records (a resumed run starts from
// what the crashed one journalled) and kept up to date as the run goes: by the object's index in
// the plan's `objects`, its copy done or failed, and, with includeVersions, its original version
// deleted or kept. Counts are kept as records arrive, never recounted (100,000 objects).
import type { PlannedObject } from '../../../../shared/domain/s3-encrypt';
import type { LocalJournalRecord } from '../engine';
import type { CopyFailure } from './copy-failure';

export type ObjectOutcome =
  | { readonly state: 'done'; readonly newVersionId?: string; readonly already: boolean }
  | ({ readonly state: 'failed' } & CopyFailure);

export class LocalRunState {
  readonly outcomes = new Map<number, ObjectOutcome>();
  readonly originals = new Map<number, { readonly deleted: boolean; readonly reason?: string }>();
  // Units below this index were claimed by an earlier run: some may have been in flight.
  readonly claimedBefore: number;
  claimedUpTo: number;
  copied = 0;
  already = 0;
  bytesCopied = 0;
  failed = 0;

  constructor(
    private readonly objects: readonly PlannedObject[],
    records: readonly LocalJournalRecord[],
  ) {
    let claimed = 0;
    for (const record of records) {
      if (record.t === 'claim') claimed = Math.max(claimed, record.upTo);
      else this.apply(record);
    }
    this.claimedBefore = claimed;
    this.claimedUpTo = claimed;
  }

  // Folds one record in (the caller journals it).
  apply(record: LocalJournalRecord): void {
    switch (record.t) {
      case 'claim':
        this.claimedUpTo = Math.max(this.claimedUpTo, record.upTo);
        return;
      case 'done':
        this.forget(record.i);
        this.outcomes.set(record.i, {
          state: 'done',
          already: record.already === true,
          ...(record.v ? { newVersionId: record.v } : {}),
        });
        if (record.already) this.already += 1;
        else {
          this.copied += 1;
          this.bytesCopied += this.objects[record.i]?.size ?? 0;
        }
        return;
      case 'failed':
        this.forget(record.i);
        this.outcomes.set(record.i, { state: 'failed', code: record.code, message: record.message });
        this.failed += 1;
        return;
      case 'deleted':
        this.originals.set(record.i, { deleted: true });
        return;
      case 'kept':
        this.originals.set(record.i, { deleted: false, reason: record.reason });
        return;
    }
  }

  isDone(i: number): boolean {
    return this.outcomes.get(i)?.state === 'done';
  }

  // A failed object is tried again by a resumed run; its earlier outcome stops counting.
  private forget(i: number): void {
    const before = this.outcomes.get(i);
    if (!before) return;
    if (before.state === 'failed') this.failed -= 1;
    else if (before.already) this.already -= 1;
    else {
      this.copied -= 1;
      this.bytesCopied -= this.objects[i]?.size ?? 0;
    }
  }
}

// The journal of one S3 re-encryption run: an append-only JSON Lines file
// (<dataDir>/s3-encrypt/<jobId>.jsonl). The first line holds the sealed plan and the job id; then
// one record per line: the batch engine's job record, the local engine's claims and per-object
// results, and at the end the run's result. A run without that final record was interrupted and is
// resumed from what the file says (run-plan.ts). Durability as the migration journal's: the first
// line is written to a temporary file and renamed into place; setBatch(), flushLocal() (the local
// engine's claims) and finish() are fsynced before they return; the local engine's per-object
// records, which are written only after S3 answered, go out in groups (appendLocal), so a record
// on disk always means what it says happened.
import {
  closeSync,
  fsync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { s3EncryptResultSchema, type S3EncryptResult } from '../../../shared/domain/s3-encrypt';
import { planSchema, type Plan } from '../../../shared/plans/plan-document';
import { AppError } from '../errors/app-error';
import type { BatchJournalRecord, EngineJournal, LocalJournalRecord } from './engine';

// A group of per-object records is made durable when it reaches this many records or this age
// (ms), whichever comes first: one fsync per group instead of one per object.
const GROUP_RECORDS = 256;
const GROUP_MS = 200;

type HeaderLine = { readonly t: 'plan'; readonly jobId: string; readonly plan: Plan };
type BatchLine = { readonly t: 'batch'; readonly record: BatchJournalRecord };
type FinishLine = { readonly t: 'finish'; readonly result: S3EncryptResult };
// A run that ended with an error in this process (not a crash): over, not resumed at the next
// start; the job's error says why, and the bucket is planned again.
type FailedLine = { readonly t: 'failed'; readonly message: string };

export interface JournalContents {
  readonly jobId: string;
  readonly plan: Plan;
  readonly batch?: BatchJournalRecord;
  readonly local: LocalJournalRecord[];
  readonly result?: S3EncryptResult;
  readonly failed?: string;
  // Bytes of the file up to its last complete line (a crash may leave half a line after it).
  readonly completeBytes: number;
}

function invalid(path: string, why: string): AppError {
  return new AppError(
    'journal-invalid',
    `The S3 re-encryption journal ${path} cannot be read: ${why}.`,
    'Move the file aside and plan the bucket again.',
  );
}

// Reads a journal without opening it for writing.
export function readS3EncryptJournal(path: string): JournalContents {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('journal-not-found', `There is no S3 re-encryption journal at ${path}.`);
  }
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n').filter(Boolean);
  const [first, ...rest] = lines;
  if (!first) throw invalid(path, 'it is empty');
  const header = parseLine(path, first) as Partial<HeaderLine>;
  const plan = planSchema.safeParse(header.plan);
  if (header.t !== 'plan' || typeof header.jobId !== 'string' || !plan.success)
    throw invalid(path, 'its first line is not a plan and a job id');
  let batch: BatchJournalRecord | undefined;
  let result: S3EncryptResult | undefined;
  let failed: string | undefined;
  const local: LocalJournalRecord[] = [];
  for (const line of rest) {
    const record = parseLine(path, line) as LocalJournalRecord | BatchLine | FinishLine | FailedLine;
    if (record.t === 'batch') batch = record.record;
    else if (record.t === 'failed') failed = record.message;
    else if (record.t === 'finish') result = s3EncryptResultSchema.parse(record.result);
    else local.push(record);
  }
  return {
    jobId: header.jobId,
    plan: plan.data,
    ...(batch ? { batch } : {}),
    local,
    ...(result ? { result } : {}),
    ...(failed !== undefined ? { failed } : {}),
    completeBytes: Buffer.byteLength(text.slice(0, end)),
  };
}

function parseLine(path: string, line: string): { t?: unknown } {
  try {
    return JSON.parse(line) as { t?: unknown };
  } catch {
    throw invalid(path, 'a line is not JSON');
  }
}

export class S3EncryptJournal implements EngineJournal {
  private pending: string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: Error | undefined;
  private fd: number | undefined;

  private constructor(
    readonly path: string,
    readonly jobId: string,
    readonly plan: Plan,
    private batchRecord: BatchJournalRecord | undefined,
    private readonly local: LocalJournalRecord[],
    private finished: S3EncryptResult | undefined,
  ) {
    this.fd = finished ? undefined : openSync(path, 'a');
  }

  // A new journal: the header is written whole (temporary file, fsync, rename) before it exists.
  static create(path: string, plan: Plan, jobId: string): S3EncryptJournal {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    const header: HeaderLine = { t: 'plan', jobId, plan };
    writeFileSync(tmp, `${JSON.stringify(header)}\n`, { flag: 'w' });
    const fd = openSync(tmp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
    return new S3EncryptJournal(path, jobId, plan, undefined, [], undefined);
  }

  // An existing journal, to resume (or to read its result). Half a line left by a crash is cut off.
  static open(path: string): S3EncryptJournal {
    const contents = readS3EncryptJournal(path);
    if (!contents.result) {
      const fd = openSync(path, 'r+');
      ftruncateSync(fd, contents.completeBytes);
      closeSync(fd);
    }
    return new S3EncryptJournal(
      path,
      contents.jobId,
      contents.plan,
      contents.batch,
      contents.local,
      contents.result,
    );
  }

  get result(): S3EncryptResult | undefined {
    return this.finished;
  }

  readonly batch = (): BatchJournalRecord | undefined => this.batchRecord;

  readonly setBatch = (record: BatchJournalRecord): void => {
    this.batchRecord = record;
    this.pending.push(JSON.stringify({ t: 'batch', record } satisfies BatchLine));
    this.flushLocal();
  };

  readonly localRecords = (): readonly LocalJournalRecord[] => this.local;

  // Buffered; durable at the group's flush (GROUP_RECORDS records or GROUP_MS), or flushLocal().
  readonly appendLocal = (record: LocalJournalRecord): void => {
    this.local.push(record);
    this.pending.push(JSON.stringify(record));
    if (this.pending.length >= GROUP_RECORDS) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), GROUP_MS);
  };

  readonly flushLocal = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    fsyncSync(this.writePending());
  };

  // Writes the pending lines (in order: every write is synchronous); answers the file descriptor.
  private writePending(): number {
    if (this.fd === undefined) throw new AppError('internal', `The journal ${this.path} is closed.`);
    if (this.pending.length > 0) {
      const text = `${this.pending.join('\n')}\n`;
      this.pending = [];
      writeSync(this.fd, text);
    }
    return this.fd;
  }

  // The final record: after it the run is over and the file is never written again.
  finish(result: S3EncryptResult): void {
    this.pending.push(JSON.stringify({ t: 'finish', result } satisfies FinishLine));
    this.flushLocal();
    this.finished = result;
    this.close();
  }

  // The run ended with an error here: recorded so it is not resumed at every start.
  fail(message: string): void {
    if (this.finished || this.fd === undefined) return;
    this.pending.push(JSON.stringify({ t: 'failed', message } satisfies FailedLine));
    try {
      this.flushLocal();
    } catch {
      // A journal that cannot be written (a full disk) stays unfinished: resumed at next start.
    }
    this.close();
  }

  // Stops writing (a crash in a test, or the app quitting): what was not flushed is lost, as it
  // would be.
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  // A group of records: written now, fsynced on the thread pool so the copies in flight are not
  // held up (about 7 ms a group on a laptop's disk). A record is only ever written after its copy,
  // so a record that reaches the disk is true whether or not its group's fsync finished.
  private flushInBackground(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    try {
      const fd = this.writePending();
      fsync(fd, (error) => {
        if (error && this.fd === fd) this.failure ??= error;
      });
    } catch (error) {
      // Kept for the engine's next flushLocal(), which throws it (a full disk stops the run).
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    }
  }
}

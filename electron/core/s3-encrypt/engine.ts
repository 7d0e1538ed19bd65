// NOTE to the engineer building the plan, the local engine and the service (issue M): this file
// was created by the batch engine (batch/*) because it was needed before yours landed. Change it
// freely to fit your code; the batch engine only relies on what is marked "batch" below, and on
// the plan's input being { request, view } as plan-ami-copy.ts writes it.
//
// An engine runs a sealed s3-encrypt plan to its end: the local one copies each object in place
// from this process, the batch one hands the work to S3 Batch Operations. Both record what they
// need to resume in the run's journal, report progress, stop on the signal, and answer the
// contract's S3EncryptResult.
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { EncryptionTally, S3EncryptProgress, S3EncryptResult } from '../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../shared/plans/plan-document';

// What the batch engine keeps in the journal (batch): the ClientRequestToken it sends CreateJob
// before the job exists (so a crash between the call and the journal write cannot make a second
// job), the job id once S3 answered, and whether the app already confirmed it.
export interface BatchJournalRecord {
  readonly clientRequestToken: string;
  readonly jobId?: string;
  readonly confirmed?: boolean;
  readonly cancelRequested?: boolean;
}

// What the local engine keeps in the journal (local), one record per line, by the object's index
// in the plan's `objects`: a claim before objects are sent (every unit below `upTo` may have been
// copied: one not recorded done or failed is re-read with HeadObject on resume), each copy done
// (with the version id S3 gave the copy) or failed (in words), each original version deleted or
// kept after its key's copies (includeVersions).
export type LocalJournalRecord =
  | { readonly t: 'claim'; readonly upTo: number }
  | { readonly t: 'done'; readonly i: number; readonly v?: string; readonly already?: boolean }
  | { readonly t: 'failed'; readonly i: number; readonly code: string; readonly message: string }
  | { readonly t: 'deleted'; readonly i: number }
  | { readonly t: 'kept'; readonly i: number; readonly reason: string };

// The run's journal as an engine sees it. setBatch() and flushLocal() are durable when they return
// (fsync); appendLocal() is durable at the next flush, which the journal makes every few hundred
// records or 200 ms, so a copy is journalled only after S3 answered it.
export interface EngineJournal {
  readonly batch: () => BatchJournalRecord | undefined;
  readonly setBatch: (record: BatchJournalRecord) => void;
  readonly localRecords: () => readonly LocalJournalRecord[];
  readonly appendLocal: (record: LocalJournalRecord) => void;
  readonly flushLocal: () => void;
}

export interface EngineContext {
  readonly accountId: string;
  readonly region: string;
  readonly s3: S3Client;
  readonly s3control: S3ControlClient; // batch
  readonly iam: IAMClient; // batch: checks the role S3 assumes
  readonly signal: AbortSignal; // a cancel: the batch engine cancels the job (UpdateJobStatus)
  readonly onProgress: (progress: S3EncryptProgress) => void;
  readonly jobId: string; // the app's job id, for progress events
  // How often the batch engine asks DescribeJob (real ms; default 5,000).
  readonly pollMs?: number;
  // The bucket's (prefix's) encryption tally, read again after the run for the result's `after`
  // (the service's tally); runS3EncryptPlan calls it once the engine has ended, when the engine
  // did not answer `after` itself (the local engine does, from its copies' answers).
  readonly tallyAfter?: () => Promise<EncryptionTally[]>;
}

export interface S3EncryptEngine {
  run(plan: Plan, journal: EngineJournal, ctx: EngineContext): Promise<S3EncryptResult>;
}

export type BatchEngine = S3EncryptEngine;
export type LocalEngine = S3EncryptEngine;

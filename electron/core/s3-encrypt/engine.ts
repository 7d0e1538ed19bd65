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
import type { S3EncryptProgress, S3EncryptResult } from '../../../shared/domain/s3-encrypt';
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

// The run's journal as an engine sees it. write() must be durable when it returns (the migration
// journal's temporary file + rename).
export interface EngineJournal {
  readonly batch: () => BatchJournalRecord | undefined;
  readonly setBatch: (record: BatchJournalRecord) => void;
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
}

export interface S3EncryptEngine {
  run(plan: Plan, journal: EngineJournal, ctx: EngineContext): Promise<S3EncryptResult>;
}

export type BatchEngine = S3EncryptEngine;
export type LocalEngine = S3EncryptEngine;

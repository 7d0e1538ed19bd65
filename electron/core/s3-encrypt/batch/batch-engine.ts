// The batch engine: an s3-encrypt plan run by S3 Batch Operations (S3 user guide, "Performing
// object operations in bulk with Batch Operations"). It checks the role S3 assumes, creates the
// job (CreateJob, idempotent through the plan's ClientRequestToken, which the journal holds before
// the call), confirms it once S3 has prepared it (UpdateJobStatus Ready), follows it (DescribeJob;
// progress in objects), cancels it on cancel (UpdateJobStatus Cancelled), and reads the completion
// report for the tasks that failed. A resumed run finds the job id in the journal and follows the
// same job.
import {
  CreateJobCommand,
  DescribeJobCommand,
  UpdateJobStatusCommand,
  type JobDescriptor,
} from '@aws-sdk/client-s3-control';
import type { S3EncryptProgress, S3EncryptResult } from '../../../../shared/domain/s3-encrypt';
import type { Plan } from '../../../../shared/plans/plan-document';
import {
  s3BatchCreateJobInput,
  s3BatchJobSpec,
  s3EncryptPlanInput,
  type S3BatchJobSpec,
} from '../../../../shared/plans/render/s3-batch-job';
import { AppError } from '../../errors/app-error';
import type { BatchEngine, EngineContext, EngineJournal } from '../engine';
import { checkBatchRole } from './batch-role';
import { LISTED_FAILURES, readFailures } from './completion-report';

const DEFAULT_POLL_MS = 5_000;
// DescribeJob answers NotFound this many times in a row before the job is taken to be gone.
const NOT_FOUND_POLLS = 5;
const TERMINAL = new Set(['Complete', 'Cancelled', 'Failed']);
const PREPARING = new Set(['New', 'Preparing', 'Suspended']);

function specOf(plan: Plan): S3BatchJobSpec {
  try {
    return s3BatchJobSpec(plan);
  } catch (error) {
    throw new AppError(
      'invalid-plan',
      (error as Error).message,
      'Plan the bucket again with a role for the job.',
    );
  }
}

// Waits `ms` (real time) or until the signal fires, whichever is first.
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export class S3BatchEngine implements BatchEngine {
  async run(plan: Plan, journal: EngineJournal, ctx: EngineContext): Promise<S3EncryptResult> {
    const started = Date.now();
    const spec = specOf(plan);
    const record = journal.batch() ?? { clientRequestToken: spec.clientRequestToken };
    if (!journal.batch()) journal.setBatch(record);
    let jobId = record.jobId;
    if (!jobId && ctx.signal.aborted) return this.notStarted(spec, plan, Date.now() - started);
    if (!jobId) {
      await this.requireUsableRole(ctx, spec);
      const { JobId } = await ctx.s3control
        .send(new CreateJobCommand(s3BatchCreateJobInput(spec, true)))
        .catch((error: unknown) => {
          throw createJobError(error, spec);
        });
      if (!JobId) throw new AppError('batch-create-failed', 'S3 answered CreateJob without a job id.');
      jobId = JobId;
      journal.setBatch({ ...record, jobId });
    }
    const job = await this.follow(plan, journal, ctx, spec, jobId);
    return this.result(ctx, spec, job, jobId, Date.now() - started, plan);
  }

  // Cancelled before the job was created: nothing was done.
  private notStarted(spec: S3BatchJobSpec, plan: Plan, durationMs: number): S3EncryptResult {
    return {
      bucket: spec.bucket,
      engine: 'batch',
      copied: 0,
      bytesCopied: 0,
      skipped: skippedPlanned(plan),
      failed: [],
      failedCount: 0,
      cancelled: true,
      durationMs,
    };
  }

  // Refuses, before anything is created, a role S3 could not use.
  private async requireUsableRole(ctx: EngineContext, spec: S3BatchJobSpec): Promise<void> {
    const role = await checkBatchRole(ctx.iam, spec.roleArn, {
      bucket: spec.bucket,
      reportBucket: spec.reportBucket,
      kmsKeyArn: spec.kmsKeyArn,
    });
    if (role.status === 'missing' || role.status === 'lacks-permissions')
      throw new AppError(
        'batch-role',
        role.explanation,
        `Trust policy:\n${role.trustPolicy}\nPermissions policy:\n${role.permissionsPolicy}`,
      );
  }

  private async follow(
    plan: Plan,
    journal: EngineJournal,
    ctx: EngineContext,
    spec: S3BatchJobSpec,
    jobId: string,
  ): Promise<JobDescriptor> {
    const key = { AccountId: spec.accountId, JobId: jobId };
    const pollMs = ctx.pollMs ?? DEFAULT_POLL_MS;
    let notFound = 0;
    for (;;) {
      const answer = await ctx.s3control.send(new DescribeJobCommand(key)).catch((error: unknown) => {
        if (errorName(error) !== 'NotFoundException') throw error;
        // A job asked about right after CreateJob may not be known yet (S3 user guide,
        // "Troubleshooting Batch Operations", NoSuchJobException: timing issues); a few polls later
        // it is gone for good (deleted 90 days after it ended, or another account or region).
        notFound += 1;
        if (notFound <= NOT_FOUND_POLLS) return undefined;
        throw new AppError(
          'batch-job-gone',
          `S3 does not know Batch Operations job ${jobId} (jobs are deleted 90 days after they end, and are kept per account and region).`,
          'Plan the bucket again: a new plan creates a new job.',
        );
      });
      if (!answer) {
        await pause(pollMs, ctx.signal);
        continue;
      }
      notFound = 0;
      const Job = answer.Job ?? {};
      const status = Job.Status ?? 'New';
      this.report(ctx, plan, jobId, Job);
      if (TERMINAL.has(status)) return Job;
      const record = journal.batch() ?? { clientRequestToken: spec.clientRequestToken, jobId };
      if (ctx.signal.aborted && !record.cancelRequested && status !== 'Cancelling' && status !== 'Failing') {
        // JobStatusException: the job ended meanwhile; the next DescribeJob says how.
        await ctx.s3control
          .send(
            new UpdateJobStatusCommand({
              ...key,
              RequestedJobStatus: 'Cancelled',
              StatusUpdateReason: 'Cancelled in Envelope',
            }),
          )
          .catch((error: unknown) => {
            if (errorName(error) !== 'JobStatusException') throw error;
          });
        journal.setBatch({ ...record, cancelRequested: true });
        continue;
      }
      if (status === 'Suspended' && Job.SuspendedCause === 'AwaitingConfirmation' && !ctx.signal.aborted) {
        await ctx.s3control.send(new UpdateJobStatusCommand({ ...key, RequestedJobStatus: 'Ready' }));
        journal.setBatch({ ...record, confirmed: true });
        continue;
      }
      // After a cancel the job still has to reach Cancelled: keep polling, without the signal.
      await pause(pollMs, ctx.signal.aborted ? new AbortController().signal : ctx.signal);
    }
  }

  private report(ctx: EngineContext, plan: Plan, jobId: string, job: JobDescriptor): void {
    const progress = job.ProgressSummary ?? {};
    const status = job.Status ?? 'New';
    const total = progress.TotalNumberOfTasks ?? 0;
    const done = (progress.NumberOfTasksSucceeded ?? 0) + (progress.NumberOfTasksFailed ?? 0);
    const bytesTotal = bytesPlanned(plan);
    const event: S3EncryptProgress = {
      jobId: ctx.jobId,
      bucket: bucketOf(plan),
      engine: 'batch',
      phase: TERMINAL.has(status)
        ? 'batch-report'
        : PREPARING.has(status)
          ? 'batch-preparing'
          : 'batch-active',
      objectsDone: done,
      objectsTotal: total,
      // S3 reports tasks, not bytes: bytes follow the objects' share of the plan's bytes.
      bytesDone: total > 0 ? Math.round((bytesTotal * done) / total) : 0,
      bytesTotal,
      failed: progress.NumberOfTasksFailed ?? 0,
      batchJobId: jobId,
      batchStatus: status,
    };
    ctx.onProgress(event);
  }

  private async result(
    ctx: EngineContext,
    spec: S3BatchJobSpec,
    job: JobDescriptor,
    jobId: string,
    durationMs: number,
    plan: Plan,
  ): Promise<S3EncryptResult> {
    const progress = job.ProgressSummary ?? {};
    if (
      job.Status === 'Failed' &&
      (progress.NumberOfTasksSucceeded ?? 0) + (progress.NumberOfTasksFailed ?? 0) === 0
    ) {
      const reasons = (job.FailureReasons ?? []).map(
        (r) => `${r.FailureCode ?? ''}: ${r.FailureReason ?? ''}`,
      );
      throw new AppError(
        'batch-job-failed',
        `S3 Batch Operations job ${jobId} failed before copying anything: ${reasons.join('; ') || 'no reason given'}.`,
        'Fix what the reason names (the role, its trust policy, the report bucket) and run the plan again.',
      );
    }
    const report = await readFailures(ctx.s3, spec.reportBucket, spec.reportPrefix, jobId);
    const copied = progress.NumberOfTasksSucceeded ?? 0;
    const total = progress.TotalNumberOfTasks ?? 0;
    const failedCount = progress.NumberOfTasksFailed ?? report?.failures.length ?? 0;
    return {
      bucket: spec.bucket,
      engine: 'batch',
      copied,
      bytesCopied: total > 0 ? Math.round((bytesPlanned(plan) * copied) / total) : 0,
      skipped: skippedPlanned(plan),
      failed: (report?.failures ?? []).slice(0, LISTED_FAILURES),
      failedCount,
      cancelled: job.Status === 'Cancelled',
      batchJobId: jobId,
      ...(report ? { reportLocation: report.location } : {}),
      durationMs,
    };
  }
}

const errorName = (error: unknown): string => (error as { name?: string }).name ?? '';

// CreateJob's refusals in words (S3 user guide, "Granting permissions for Batch Operations": the
// caller needs s3:CreateJob and iam:PassRole on the role).
function createJobError(error: unknown, spec: S3BatchJobSpec): unknown {
  const name = errorName(error);
  const message = (error as { message?: string }).message ?? '';
  if (name === 'AccessDenied' || name === 'AccessDeniedException')
    return new AppError(
      'batch-access-denied',
      `S3 refused to create the Batch Operations job: ${message}`,
      `Your identity needs s3:CreateJob, and iam:PassRole on ${spec.roleArn}.`,
    );
  if (name === 'BadRequestException' || name === 'InvalidRequest')
    return new AppError('batch-create-refused', `S3 refused the Batch Operations job: ${message}`);
  return error;
}

// The plan view's numbers the result repeats.
const bucketOf = (plan: Plan): string => s3EncryptPlanInput(plan).view.bucket;
const bytesPlanned = (plan: Plan): number => s3EncryptPlanInput(plan).view.toCopy.bytes;
const skippedPlanned = (plan: Plan): number => s3EncryptPlanInput(plan).view.skipped.count;

// DescribeJob, ListJobs, UpdateJobStatus and UpdateJobPriority (S3 Control API reference). The
// job's Manifest, ManifestGenerator, Operation and Report are answered as CreateJob sent them.
import { requireAllowed } from '../authorize';
import { AwsError, type CallContext, type RestRequest, type RestResponse } from '../context';
import { isoTime } from '../s3/wire';
import { cancelJob } from './job-run';
import { TERMINAL, jobsOf, type BatchJob } from './job-model';
import { badRequest, controlAnswer, jobStatusError, noSuchJob } from './wire';

function progress(job: BatchJob, now: number): Record<string, unknown> {
  const active = job.activeMs + (job.activeSince !== undefined ? Math.max(0, now - job.activeSince) : 0);
  const failed = job.results.filter((r) => !r.succeeded).length;
  return {
    ...(job.tasks ? { TotalNumberOfTasks: job.tasks.length } : {}),
    NumberOfTasksSucceeded: job.results.length - failed,
    NumberOfTasksFailed: failed,
    Timers: { ElapsedTimeInActiveSeconds: Math.floor(active / 1000) },
  };
}

export function findJob(ctx: CallContext, id: string): BatchJob {
  const job = jobsOf(ctx.world).get(id);
  if (!job || job.accountId !== ctx.accountId || job.region !== ctx.region) throw noSuchJob();
  return job;
}

export function describeJob(ctx: CallContext, id: string): RestResponse {
  const job = findJob(ctx, id);
  requireAllowed(ctx, 's3:DescribeJob', job.arn);
  const now = ctx.clock.now();
  return controlAnswer('DescribeJobResult', {
    Job: {
      JobId: job.jobId,
      ConfirmationRequired: job.confirmationRequired,
      ...(job.description ? { Description: job.description } : {}),
      JobArn: job.arn,
      Status: job.status,
      ...(job.manifestXml ? { Manifest: job.manifestXml } : {}),
      Operation: job.operationXml,
      Priority: job.priority,
      ProgressSummary: progress(job, now),
      ...(job.statusUpdateReason ? { StatusUpdateReason: job.statusUpdateReason } : {}),
      ...(job.failureReasons.length > 0 ? { FailureReasons: { member: job.failureReasons } } : {}),
      Report: job.reportXml,
      CreationTime: isoTime(job.creationTime),
      ...(job.terminationDate !== undefined ? { TerminationDate: isoTime(job.terminationDate) } : {}),
      RoleArn: job.roleArn,
      ...(job.suspendedDate !== undefined ? { SuspendedDate: isoTime(job.suspendedDate) } : {}),
      ...(job.suspendedCause ? { SuspendedCause: job.suspendedCause } : {}),
      ...(job.generatorXml ? { ManifestGenerator: job.generatorXml } : {}),
    },
  });
}

const PAGE = 1000;

export function listJobs(ctx: CallContext, request: RestRequest): RestResponse {
  requireAllowed(ctx, 's3:ListJobs', '*');
  const q = request.query;
  const statuses = q.getAll('jobStatuses');
  const max = q.get('maxResults') === null ? PAGE : Number(q.get('maxResults'));
  if (!Number.isInteger(max) || max < 0 || max > PAGE)
    throw new AwsError('InvalidRequestException', 'maxResults must be an integer from 0 to 1000.', 400);
  const token = q.get('nextToken');
  const now = ctx.clock.now();
  const all = [...jobsOf(ctx.world).values()]
    .filter((j) => j.accountId === ctx.accountId && j.region === ctx.region)
    .filter((j) => statuses.length === 0 || statuses.includes(j.status))
    // Newest first; jobs ended over 90 days ago are no longer listed ("Listing jobs").
    .filter((j) => !TERMINAL.has(j.status) || now - (j.terminationDate ?? now) <= 90 * 86_400_000)
    .sort((a, b) => b.creationTime - a.creationTime || a.jobId.localeCompare(b.jobId));
  let start = 0;
  if (token !== null) {
    start = all.findIndex((j) => j.jobId === Buffer.from(token, 'base64url').toString('utf8')) + 1;
    if (start === 0)
      throw new AwsError('InvalidNextTokenException', 'The nextToken is not one ListJobs gave.', 400);
  }
  const page = all.slice(start, start + max);
  const more = start + max < all.length;
  return controlAnswer('ListJobsResult', {
    ...(more && page.length > 0
      ? { NextToken: Buffer.from(page[page.length - 1]!.jobId).toString('base64url') }
      : {}),
    Jobs: {
      member: page.map((j) => ({
        JobId: j.jobId,
        ...(j.description ? { Description: j.description } : {}),
        Operation: 'S3PutObjectCopy',
        Priority: j.priority,
        Status: j.status,
        CreationTime: isoTime(j.creationTime),
        ...(j.terminationDate !== undefined ? { TerminationDate: isoTime(j.terminationDate) } : {}),
        ProgressSummary: progress(j, now),
      })),
    },
  });
}

// Ready confirms a Suspended job (only a job awaiting confirmation); Cancelled stops any job that
// has not ended ("Updating job status").
export function updateJobStatus(ctx: CallContext, id: string, request: RestRequest): RestResponse {
  const job = findJob(ctx, id);
  requireAllowed(ctx, 's3:UpdateJobStatus', job.arn);
  const requested = request.query.get('requestedJobStatus');
  const reason = request.query.get('statusUpdateReason') ?? undefined;
  const now = ctx.clock.now();
  if (requested === 'Ready') {
    if (job.status !== 'Suspended')
      throw jobStatusError(
        `Job ${job.jobId} is ${job.status}; only a Suspended job can be confirmed (Ready).`,
      );
    job.status = 'Ready';
    job.statusSince = now;
    if (reason) job.statusUpdateReason = reason;
  } else if (requested === 'Cancelled') {
    if (TERMINAL.has(job.status) || job.status === 'Cancelling' || job.status === 'Failing')
      throw jobStatusError(`Job ${job.jobId} is ${job.status} and can no longer be cancelled.`);
    cancelJob(job, now, reason);
  } else throw badRequest('requestedJobStatus must be Ready or Cancelled.');
  return controlAnswer('UpdateJobStatusResult', {
    JobId: job.jobId,
    Status: job.status,
    ...(job.statusUpdateReason ? { StatusUpdateReason: job.statusUpdateReason } : {}),
  });
}

export function updateJobPriority(ctx: CallContext, id: string, request: RestRequest): RestResponse {
  const job = findJob(ctx, id);
  requireAllowed(ctx, 's3:UpdateJobPriority', job.arn);
  const priority = Number(request.query.get('priority'));
  if (!Number.isInteger(priority) || priority < 0 || priority > 2_147_483_647)
    throw badRequest('priority must be an integer from 0 to 2147483647.');
  job.priority = priority;
  return controlAnswer('UpdateJobPriorityResult', { JobId: job.jobId, Priority: priority });
}

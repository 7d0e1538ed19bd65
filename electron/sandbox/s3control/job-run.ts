// Batch Operations jobs on the simulated clock, brought up to date whenever S3 Control or S3 is
// called (like EC2's refresh.ts). Transitions follow the S3 user guide's job status table ("Tracking
// job status and completion reports"): New → Preparing (the manifest is read) → Suspended when
// confirmation is required, else Ready → Active (tasks run) → Completing → Complete; Cancelled
// through Cancelling; Failed through Failing when the manifest cannot be read, S3 cannot assume the
// role, or more than half the tasks failed once at least 1,000 were attempted ("Tracking job
// failures"). AWS publishes no durations or task rate: the sandbox's are below.
import { evaluateResourcePolicy, parsePolicy } from '../policy';
import type { CallContext } from '../context';
import { TERMINAL, jobsOf, type BatchJob, type JobStatus } from './job-model';
import { ManifestError, loadTasks } from './manifest';
import { writeReport } from './report';
import { roleSession, runTask } from './run-task';

export const JOB_TIMING = {
  newMs: 5_000,
  prepareMs: 30_000,
  readyMs: 5_000,
  completingMs: 10_000,
  cancellingMs: 5_000,
  tasksPerSecond: 1_000,
} as const;

const SERVICE = 'batchoperations.s3.amazonaws.com';

function moveTo(job: BatchJob, status: JobStatus, at: number): void {
  job.status = status;
  job.statusSince = at;
  if (TERMINAL.has(status)) job.terminationDate = at;
}

function fail(ctx: CallContext, job: BatchJob, at: number, code: string, reason: string): void {
  job.failureReasons.push({ FailureCode: code, FailureReason: reason });
  moveTo(job, 'Failed', at);
  writeReport(ctx, job);
}

// S3 assumes the role as the service principal: the role must exist and its trust policy allow
// batchoperations.s3.amazonaws.com to call sts:AssumeRole ("Granting permissions for Batch
// Operations", trust policy).
function roleTrustsBatchOperations(ctx: CallContext, job: BatchJob): boolean {
  const role = ctx.world.principals.get(job.roleArn);
  if (!role?.trustPolicy) return false;
  const parsed = parsePolicy(role.trustPolicy);
  if (!parsed.ok) return false;
  const decision = evaluateResourcePolicy(parsed.policy, {
    caller: { type: 'service', service: SERVICE },
    action: 'sts:AssumeRole',
    resource: role.arn,
    context: {},
  });
  return !decision.explicitDeny && decision.directAllow !== undefined;
}

function prepare(ctx: CallContext, job: BatchJob, at: number): void {
  if (!roleTrustsBatchOperations(ctx, job)) {
    fail(
      ctx,
      job,
      at,
      'AccessDenied',
      `Unable to assume role ${job.roleArn}: it must exist and its trust policy must allow ${SERVICE} to call sts:AssumeRole.`,
    );
    return;
  }
  try {
    job.tasks = loadTasks(roleSession(ctx, job), job);
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    fail(ctx, job, at, error.code, error.message);
    return;
  }
  if (job.confirmationRequired) {
    moveTo(job, 'Suspended', at);
    job.suspendedDate = at;
    job.suspendedCause = 'AwaitingConfirmation';
  } else moveTo(job, 'Ready', at);
}

// Runs the tasks due by `now`; answers when the last ran (or undefined while some remain).
function runDue(ctx: CallContext, job: BatchJob, now: number): number | undefined {
  const tasks = job.tasks ?? [];
  const start = job.activeSince ?? now;
  const due = Math.min(tasks.length, Math.floor(((now - start) / 1000) * JOB_TIMING.tasksPerSecond));
  const role = roleSession(ctx, job);
  // Counted as they run (a job may have 100,000 tasks; recounting each time is quadratic).
  let failed = job.results.filter((r) => !r.succeeded).length;
  while (job.results.length < due) {
    const result = runTask(role, job, tasks[job.results.length]!);
    job.results.push(result);
    if (!result.succeeded) failed += 1;
    if (job.results.length >= 1_000 && failed * 2 > job.results.length) {
      job.failureReasons.push({
        FailureCode: 'TaskFailureThresholdExceeded',
        FailureReason: `More than 50% of ${job.results.length} tasks failed.`,
      });
      return -1;
    }
  }
  if (job.results.length < tasks.length) return undefined;
  return start + Math.ceil((tasks.length / JOB_TIMING.tasksPerSecond) * 1000);
}

function step(ctx: CallContext, job: BatchJob, now: number): boolean {
  const since = job.statusSince;
  switch (job.status) {
    case 'New':
      if (now < since + JOB_TIMING.newMs) return false;
      moveTo(job, 'Preparing', since + JOB_TIMING.newMs);
      return true;
    case 'Preparing':
      if (now < since + JOB_TIMING.prepareMs) return false;
      prepare(ctx, job, since + JOB_TIMING.prepareMs);
      return true;
    case 'Ready':
      if (now < since + JOB_TIMING.readyMs) return false;
      moveTo(job, 'Active', since + JOB_TIMING.readyMs);
      job.activeSince = job.statusSince;
      return true;
    case 'Active': {
      const done = runDue(ctx, job, now);
      if (done === undefined) return false;
      job.activeMs += Math.max(0, (done < 0 ? now : done) - (job.activeSince ?? now));
      job.activeSince = undefined;
      if (done < 0) {
        moveTo(job, 'Failing', now);
        return true;
      }
      moveTo(job, 'Completing', done);
      return true;
    }
    case 'Completing':
      if (now < since + JOB_TIMING.completingMs) return false;
      moveTo(job, 'Complete', since + JOB_TIMING.completingMs);
      writeReport(ctx, job);
      return true;
    case 'Failing':
      moveTo(job, 'Failed', since);
      writeReport(ctx, job);
      return true;
    case 'Cancelling':
      if (now < since + JOB_TIMING.cancellingMs) return false;
      moveTo(job, 'Cancelled', since + JOB_TIMING.cancellingMs);
      writeReport(ctx, job);
      return true;
    default:
      return false;
  }
}

export function advanceJobs(ctx: CallContext): void {
  const now = ctx.clock.now();
  for (const job of jobsOf(ctx.world).values()) {
    while (!TERMINAL.has(job.status) && step(ctx, job, now));
  }
}

// UpdateJobStatus's Cancelled: the tasks that ran stay done; the rest never run.
export function cancelJob(job: BatchJob, now: number, reason?: string): void {
  if (job.activeSince !== undefined) job.activeMs += now - job.activeSince;
  job.activeSince = undefined;
  if (reason) job.statusUpdateReason = reason;
  moveTo(job, 'Cancelling', now);
}

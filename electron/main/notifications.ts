// Desktop notifications when a job finishes, fails or waits for the user. jobNotices() is the pure part: from two
// consecutive job snapshots, the jobs that just reached done or failed (a cancel is the user's own
// doing and is not announced; jobs found interrupted at start-up were never seen running).
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';

export interface JobNotice {
  readonly jobId: string;
  readonly title: string;
  readonly body: string;
}

export function jobNotices(previous: readonly JobSnapshot[], next: readonly JobSnapshot[]): JobNotice[] {
  const wasActive = new Set(previous.filter((job) => !isTerminalJobState(job.state)).map((job) => job.id));
  const notices: JobNotice[] = [];
  for (const job of next) {
    if (!wasActive.has(job.id)) continue;
    if (job.state === 'done') notices.push(doneNotice(job));
    if (job.state === 'failed') {
      notices.push({
        jobId: job.id,
        title: 'Job failed',
        body: job.error ? `${job.title}: ${job.error.message}` : job.title,
      });
    }
  }
  return notices;
}

// A replace migration that paused for the user's confirmation ended its job, but is not finished:
// say what it waits for (the job's last progress title names the instance and its replacement).
function doneNotice(job: JobSnapshot): JobNotice {
  const status = (job.result as { status?: unknown } | undefined)?.status;
  if (status === 'awaiting-confirmation') {
    return { jobId: job.id, title: 'Your confirmation is needed', body: job.progress.title || job.title };
  }
  return { jobId: job.id, title: 'Job finished', body: job.title };
}

export interface NotifierDeps {
  readonly isSupported: () => boolean;
  // Shows one notification; onClick runs when the person clicks it.
  readonly show: (notice: JobNotice, onClick: () => void) => void;
  readonly onOpenJob: (jobId: string) => void;
}

// Returns the listener main feeds with each jobs:changed snapshot.
export function createJobNotifier(
  deps: NotifierDeps,
  initial: readonly JobSnapshot[] = [],
): (jobs: readonly JobSnapshot[]) => void {
  let previous = initial;
  return (jobs) => {
    const notices = jobNotices(previous, jobs);
    previous = jobs;
    if (!deps.isSupported()) return;
    for (const notice of notices) deps.show(notice, () => deps.onOpenJob(notice.jobId));
  };
}

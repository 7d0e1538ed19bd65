// One job as the jobs panel shows it: progress bar (value is a fraction 0..1, shown in percent),
// its state, and a cancel button while it can still be cancelled.
import Button from '@cloudscape-design/components/button';
import ProgressBar, { type ProgressBarProps } from '@cloudscape-design/components/progress-bar';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';
import { hrefForJob } from '../routing/job-route';
import { JobStateIndicator } from './job-state-indicator';
import { progressDescription } from './jobs/progress-description';

export interface JobProgressProps {
  readonly job: JobSnapshot;
  readonly onCancel: (id: string) => void;
}

const barStatus = (job: JobSnapshot): ProgressBarProps.Status => {
  if (job.state === 'done') return 'success';
  if (job.state === 'failed' || job.state === 'cancelled') return 'error';
  return 'in-progress';
};

const resultText = (job: JobSnapshot): string => {
  if (job.state === 'done') return 'Done';
  if (job.state === 'cancelled') return 'Cancelled';
  // The real error: its code, message and what to do next (never a bare "Failed" when it is known).
  return job.error
    ? `${job.error.code}: ${job.error.message}${job.error.hint ? ` ${job.error.hint}` : ''}`
    : 'Failed';
};

export function JobProgress({ job, onCancel }: JobProgressProps) {
  const result = resultText(job);
  // A finished bar says how it ended (its result text); the description does not say it again.
  const description = progressDescription(job, isTerminalJobState(job.state) ? result : '', true);
  return (
    <SpaceBetween size="xxs">
      <ProgressBar
        label={job.title}
        {...(description ? { description } : {})}
        value={Math.round(job.progress.value * 100)}
        status={barStatus(job)}
        resultText={result}
        ariaLabel={`Progress of ${job.title}`}
      />
      {/* A finished job's bar already says how it ended and links to its result; a running one
          shows its state and cancel. */}
      {isTerminalJobState(job.state) && (
        <Link href={hrefForJob(job.id)} ariaLabel={`Open the result of ${job.title}`}>
          Open result
        </Link>
      )}
      {!isTerminalJobState(job.state) && (
        <SpaceBetween direction="horizontal" size="s" alignItems="center">
          <JobStateIndicator job={job} />
          <Button variant="inline-link" ariaLabel={`Cancel ${job.title}`} onClick={() => onCancel(job.id)}>
            Cancel
          </Button>
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}

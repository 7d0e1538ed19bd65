import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { JobSnapshot, JobState } from '../../shared/domain/jobs';

const indicator: Record<JobState, { type: StatusIndicatorProps.Type; text: string }> = {
  queued: { type: 'pending', text: 'Queued' },
  running: { type: 'in-progress', text: 'Running' },
  done: { type: 'success', text: 'Done' },
  failed: { type: 'error', text: 'Failed' },
  cancelled: { type: 'stopped', text: 'Cancelled' },
};

const isInterrupted = (job: JobSnapshot) => job.interrupted === true && job.state !== 'done';

// The word the indicator shows, for the text beside it not to repeat it.
export const jobStateText = (job: JobSnapshot): string =>
  isInterrupted(job) ? 'Interrupted' : indicator[job.state].text;

export function JobStateIndicator({ job }: { readonly job: JobSnapshot }) {
  if (isInterrupted(job)) {
    return <StatusIndicator type="warning">Interrupted</StatusIndicator>;
  }
  const { type, text } = indicator[job.state];
  return <StatusIndicator type={type}>{text}</StatusIndicator>;
}

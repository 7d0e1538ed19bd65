// The Jobs table's progress cell: the bar with its percentage and the last step's title, which the
// State column beside it does not repeat ("Done" is said once).
import ProgressBar from '@cloudscape-design/components/progress-bar';
import type { JobSnapshot } from '../../../shared/domain/jobs';
import { jobStateText } from '../job-state-indicator';
import { progressDescription } from './progress-description';

// Wide enough for the bar and its percentage to read as a bar, not a stub (CSS px).
export const JOB_PROGRESS_MIN_WIDTH = 200;

export function JobProgressCell({ job }: { readonly job: JobSnapshot }) {
  const description = progressDescription(job, jobStateText(job), false);
  return (
    <ProgressBar
      value={Math.round(job.progress.value * 100)}
      {...(description ? { description } : {})}
      ariaLabel={`Progress of ${job.title}`}
    />
  );
}

// The jobs panel's content: every job with its progress, state and cancel, newest first as main
// sends them, and a button that forgets finished ones.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { selectJobs, useJobsStore } from '../stores/jobs-store';
import { ErrorAlert } from './error-alert';
import { JobProgress } from './job-progress';

export function JobList() {
  const jobs = useJobsStore(selectJobs);
  const loadState = useJobsStore((state) => state.jobs);
  const cancel = useJobsStore((state) => state.cancel);
  const clearFinished = useJobsStore((state) => state.clearFinished);
  const onCancel = (id: string) => void cancel(id);
  return (
    <SpaceBetween size="l">
      {loadState.status === 'error' && <ErrorAlert error={loadState.error} />}
      {jobs.length === 0 ? (
        <Box color="text-body-secondary">
          No jobs yet. Scans, AMI copies and migrations appear here while they run.
        </Box>
      ) : (
        jobs.map((job) => <JobProgress key={job.id} job={job} onCancel={onCancel} />)
      )}
      <Button onClick={() => void clearFinished()} disabled={jobs.length === 0}>
        Clear finished
      </Button>
    </SpaceBetween>
  );
}

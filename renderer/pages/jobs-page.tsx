// Every job, running or finished (history survives a restart), with progress and cancel.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';
import { ErrorAlert } from '../components/error-alert';
import { JobStateIndicator } from '../components/job-state-indicator';
import { selectJobs, useJobsStore } from '../stores/jobs-store';

const time = (ms: number | undefined) => (ms === undefined ? '-' : new Date(ms).toLocaleString());

export function JobsPage() {
  const jobs = useJobsStore(selectJobs);
  const loadState = useJobsStore((state) => state.jobs);
  const cancel = useJobsStore((state) => state.cancel);
  const clearFinished = useJobsStore((state) => state.clearFinished);

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          counter={`(${jobs.length})`}
          description="Scans, copies and migrations, running and finished."
          actions={<Button onClick={() => void clearFinished()}>Clear finished</Button>}
        >
          Jobs
        </Header>
      }
    >
      <SpaceBetween size="l">
        {loadState.status === 'error' && <ErrorAlert error={loadState.error} />}
        <Table<JobSnapshot>
          variant="container"
          trackBy="id"
          items={[...jobs]}
          loading={loadState.status === 'loading'}
          loadingText="Loading jobs"
          empty={<Box color="text-body-secondary">No jobs yet.</Box>}
          columnDefinitions={[
            { id: 'title', header: 'Job', cell: (job) => job.title, isRowHeader: true },
            { id: 'kind', header: 'Kind', cell: (job) => job.kind },
            { id: 'state', header: 'State', cell: (job) => <JobStateIndicator job={job} /> },
            {
              id: 'progress',
              header: 'Progress',
              cell: (job) => (
                <ProgressBar
                  value={Math.round(job.progress.value * 100)}
                  description={job.progress.title}
                  ariaLabel={`Progress of ${job.title}`}
                />
              ),
            },
            { id: 'created', header: 'Started', cell: (job) => time(job.createdAt) },
            { id: 'ended', header: 'Ended', cell: (job) => time(job.endedAt) },
            {
              id: 'actions',
              header: 'Actions',
              cell: (job) =>
                isTerminalJobState(job.state) ? (
                  job.error ? (
                    <Box>
                      <Box variant="code">{job.error.code}</Box> {job.error.message}
                      {job.error.hint && <Box color="text-body-secondary">{job.error.hint}</Box>}
                    </Box>
                  ) : (
                    '-'
                  )
                ) : (
                  <Button
                    variant="inline-link"
                    ariaLabel={`Cancel ${job.title}`}
                    onClick={() => void cancel(job.id)}
                  >
                    Cancel
                  </Button>
                ),
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}

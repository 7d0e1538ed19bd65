// Every job, running or finished (history survives a restart), with progress and cancel.
import Box from '@cloudscape-design/components/box';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';
import { formatTime } from '../../shared/format/time';
import { jobKindLabel } from '../../shared/labels/jobs';
import { ErrorAlert } from '../components/error-alert';
import { JobStateIndicator } from '../components/job-state-indicator';
import { JobProgressCell, JOB_PROGRESS_MIN_WIDTH } from '../components/jobs/job-progress-cell';
import { JobResult } from '../components/jobs/job-result';
import { useColumnPreferences } from '../components/use-column-preferences';
import { hrefForJob, useOpenedJobId } from '../routing/job-route';
import { selectJobs, useJobsStore } from '../stores/jobs-store';

const time = (ms: number | undefined) => (ms === undefined ? '-' : formatTime(ms));

// The table's columns as the Preferences dialog names them. Kind is hidden by default: the job's
// title says what it is, and without it the columns fit a 1280 px window (issue 20).
const JOB_COLUMNS = [
  { id: 'title', label: 'Job' },
  { id: 'kind', label: 'Kind' },
  { id: 'state', label: 'State' },
  { id: 'progress', label: 'Progress' },
  { id: 'created', label: 'Started' },
  { id: 'ended', label: 'Ended' },
  { id: 'actions', label: 'Actions' },
] as const;
const JOBS_HIDDEN_BY_DEFAULT = ['kind'] as const;

export function JobsPage() {
  const columnPreferences = useColumnPreferences('jobs', JOB_COLUMNS, JOBS_HIDDEN_BY_DEFAULT);
  const jobs = useJobsStore(selectJobs);
  const loadState = useJobsStore((state) => state.jobs);
  const cancel = useJobsStore((state) => state.cancel);
  const clearFinished = useJobsStore((state) => state.clearFinished);
  const openedId = useOpenedJobId();
  const opened = openedId === undefined ? undefined : jobs.find((job) => job.id === openedId);

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
        {opened && <JobResult job={opened} />}
        {openedId !== undefined && !opened && loadState.status === 'ready' && (
          <Alert type="info" header="This job is no longer in the history">
            {openedId} was cleared from the finished jobs (or kept only the last 200). Its resources are
            unchanged; look them up in Inventory.
          </Alert>
        )}
        <Table<JobSnapshot>
          wrapLines
          columnDisplay={columnPreferences.columnDisplay}
          preferences={columnPreferences.preferences}
          variant="container"
          trackBy="id"
          items={[...jobs]}
          loading={loadState.status === 'loading'}
          loadingText="Loading jobs"
          empty={<Box color="text-body-secondary">No jobs yet.</Box>}
          columnDefinitions={[
            {
              id: 'title',
              header: 'Job',
              // Every job opens its result (steps, error, and what it made) at its own address.
              cell: (job) => (
                <Link href={hrefForJob(job.id)} ariaLabel={`Open the result of ${job.title}`}>
                  {job.title}
                </Link>
              ),
              isRowHeader: true,
            },
            { id: 'kind', header: 'Kind', cell: (job) => jobKindLabel(job.kind) },
            // Room for "Cancelled" beside its icon (px): a squeezed status breaks mid-word.
            { id: 'state', header: 'State', minWidth: 140, cell: (job) => <JobStateIndicator job={job} /> },
            {
              id: 'progress',
              header: 'Progress',
              minWidth: JOB_PROGRESS_MIN_WIDTH,
              cell: (job) => <JobProgressCell job={job} />,
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

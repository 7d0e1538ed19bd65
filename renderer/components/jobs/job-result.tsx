// A job's result, opened from the Jobs table or the jobs panel (#/jobs/<id>): a copy's new AMI,
// block devices and keys (with its cleanup or deregister actions), a migration's live view, a scan's
// or a diagnostics run's counts, and for every job its steps and its error with what to do.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { JobSnapshot, JobStep, StepState } from '../../../shared/domain/jobs';
import { hrefFor, navigate } from '../../routing/routes';
import { useMigrationStore } from '../../stores/migration-store';
import { CopyRun } from '../ami-copy/copy-run';
import { ErrorAlert } from '../error-alert';
import { S3EncryptRun } from '../s3-encrypt/s3-encrypt-run';
import { JobStateIndicator } from '../job-state-indicator';
import { MigrationStatusIndicator } from '../migration/migration-status-indicator';
import {
  diagnosticsJobResultSchema,
  migrationJobResultSchema,
  scanJobResultSchema,
} from './job-result-parts';

const stepStatus: Record<StepState, 'pending' | 'in-progress' | 'success' | 'error' | 'stopped'> = {
  pending: 'pending',
  running: 'in-progress',
  done: 'success',
  failed: 'error',
  skipped: 'stopped',
  cancelled: 'stopped',
};
const stepWords: Record<StepState, string> = {
  pending: 'Not started',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

function Steps({ steps }: { readonly steps: readonly JobStep[] }) {
  if (steps.length === 0) return null;
  return (
    <Table<JobStep>
      variant="embedded"
      header={<Header variant="h3">Steps</Header>}
      items={[...steps]}
      trackBy="id"
      wrapLines
      columnDefinitions={[
        { id: 'title', header: 'Step', cell: (s) => s.title, isRowHeader: true },
        {
          id: 'state',
          header: 'State',
          cell: (s) => <StatusIndicator type={stepStatus[s.state]}>{stepWords[s.state]}</StatusIndicator>,
        },
        { id: 'detail', header: 'Detail', cell: (s) => s.detail ?? '—' },
      ]}
    />
  );
}

function KindResult({ job }: { readonly job: JobSnapshot }) {
  const migration = migrationJobResultSchema.safeParse(job.result);
  if (job.kind === 'migration' && migration.success) {
    const { migrationId } = migration.data;
    return (
      <SpaceBetween size="s" direction="horizontal" alignItems="center">
        <Box>
          Migration <strong>{migrationId}</strong>:{' '}
          <MigrationStatusIndicator status={migration.data.status} />
        </Box>
        <Button
          onClick={() => {
            void useMigrationStore.getState().open(migrationId);
            navigate('migrate');
          }}
        >
          Open {migrationId}
        </Button>
      </SpaceBetween>
    );
  }
  const scan = scanJobResultSchema.safeParse(job.result);
  if (job.kind === 'inventory-scan' && scan.success) {
    return (
      <SpaceBetween size="s">
        <KeyValuePairs
          columns={Math.min(4, Math.max(1, scan.data.regions.length))}
          items={scan.data.regions.map((r) => ({
            label: r.region,
            value:
              r.source === 'missing'
                ? 'Not read (no answer and nothing cached)'
                : `${r.resources} resources${r.source === 'cache' ? ' (from the cache)' : ''}`,
          }))}
        />
        <Button href={hrefFor('inventory')}>Open Inventory</Button>
      </SpaceBetween>
    );
  }
  const findings = diagnosticsJobResultSchema.safeParse(job.result);
  if (job.kind === 'diagnostics' && findings.success) {
    const c = findings.data;
    return (
      <SpaceBetween size="s">
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Critical', value: String(c.critical) },
            { label: 'High', value: String(c.high) },
            { label: 'Medium', value: String(c.medium) },
            { label: 'Low and info', value: String(c.low + c.info) },
          ]}
        />
        <Button href={hrefFor('diagnostics')}>Open Diagnostics</Button>
      </SpaceBetween>
    );
  }
  return null;
}

export function JobResult({ job }: { readonly job: JobSnapshot }) {
  // A copy's own view already shows its result, partial copy and actions; it is reused as is.
  if (job.kind === 'ami-copy') {
    return (
      <SpaceBetween size="s">
        <CopyRun jobId={job.id} />
        <Steps steps={job.steps} />
      </SpaceBetween>
    );
  }
  // An S3 re-encryption's run view is its report once it has ended.
  if (job.kind === 's3-encrypt') {
    return (
      <SpaceBetween size="s">
        <S3EncryptRun jobId={job.id} />
        <Steps steps={job.steps} />
      </SpaceBetween>
    );
  }
  return (
    <Container
      header={
        <Header variant="h2" actions={<Button href={hrefFor('jobs')}>Close</Button>}>
          {job.title} <JobStateIndicator job={job} />
        </Header>
      }
    >
      <SpaceBetween size="m">
        {job.error ? <ErrorAlert error={job.error} /> : null}
        <KindResult job={job} />
        <Steps steps={job.steps} />
      </SpaceBetween>
    </Container>
  );
}

// One re-encryption run, live: objects and bytes copied as progress bars, failures so far and the
// S3 Batch Operations job's status (s3Encrypt:progress); Cancel asks first. When it ends, the
// report. The Jobs page shows the same view for a job of kind 's3-encrypt'.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { isTerminalJobState } from '../../../shared/domain/jobs';
import {
  s3EncryptResultSchema,
  type S3EncryptPlanView,
  type S3EncryptProgress,
} from '../../../shared/domain/s3-encrypt';
import { s3PhaseLabels } from '../../../shared/labels/s3-encrypt';
import { selectJobs, useJobsStore } from '../../stores/jobs-store';
import { useS3EncryptStore } from '../../stores/s3-encrypt-store';
import { ConfirmModal } from '../ami-copy/confirm-modal';
import { ErrorAlert } from '../error-alert';
import { JobStateIndicator } from '../job-state-indicator';
import { formatBytes, formatCount, objectsText } from './amounts';
import { S3EncryptReport } from './s3-encrypt-report';

const percent = (done: number, total: number): number =>
  total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;

function LiveProgress({ progress }: { readonly progress: S3EncryptProgress }) {
  return (
    <SpaceBetween size="s">
      <Box>{s3PhaseLabels[progress.phase]}</Box>
      <ProgressBar
        label="Objects"
        value={percent(progress.objectsDone, progress.objectsTotal)}
        description={`${formatCount(progress.objectsDone)} of ${objectsText(progress.objectsTotal)}`}
      />
      <ProgressBar
        label="Bytes"
        value={percent(progress.bytesDone, progress.bytesTotal)}
        description={`${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`}
      />
      <Box color={progress.failed > 0 ? 'text-status-error' : 'text-body-secondary'}>
        {progress.failed > 0 ? `${objectsText(progress.failed)} failed so far` : 'No failures so far'}
      </Box>
      {progress.batchJobId ? (
        <Box>
          S3 Batch Operations job {progress.batchJobId}: {progress.batchStatus ?? 'status not read yet'}
        </Box>
      ) : null}
    </SpaceBetween>
  );
}

export function S3EncryptRun(props: {
  readonly jobId: string;
  readonly skipped?: S3EncryptPlanView['skipped'];
}) {
  const { jobId } = props;
  const job = useJobsStore((s) => selectJobs(s).find((j) => j.id === jobId));
  const progress = useS3EncryptStore((s) => s.progress[jobId]);
  const cancel = useJobsStore((s) => s.cancel);
  const [asking, setAsking] = useState(false);
  const running = job ? !isTerminalJobState(job.state) : true;
  const result = s3EncryptResultSchema.safeParse(job?.result);
  return (
    <Container
      header={
        <Header
          variant="h2"
          actions={running ? <Button onClick={() => setAsking(true)}>Cancel run…</Button> : null}
        >
          {job?.title ?? `Run ${jobId}`} {job ? <JobStateIndicator job={job} /> : null}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {running && progress ? <LiveProgress progress={progress} /> : null}
        {running && !progress ? (
          <ProgressBar
            label={job?.progress.title ?? 'Starting'}
            value={Math.round((job?.progress.value ?? 0) * 100)}
            description={job?.progress.detail}
          />
        ) : null}
        {job?.error ? <ErrorAlert error={job.error} /> : null}
        {!running && result.success ? (
          <S3EncryptReport result={result.data} {...(props.skipped ? { skipped: props.skipped } : {})} />
        ) : null}
      </SpaceBetween>
      <ConfirmModal
        visible={asking}
        header="Cancel this run?"
        confirmText="Cancel run"
        onDismiss={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void cancel(jobId);
        }}
      >
        The run stops after the objects being copied now. Objects already copied stay under the new key; a
        Batch Operations job is cancelled in S3.
      </ConfirmModal>
    </Container>
  );
}

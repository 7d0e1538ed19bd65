// One running copy: a ProgressBar per snapshot, the AMI's state and the time left; Cancel asks
// first. A cancelled or failed copy offers to clean up its partial AMI and snapshots, after a
// second confirmation; a finished one shows its result.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { copyResultSchema, formatDuration, partialCopySchema } from '../../../shared/domain/ami-copy';
import { useAmiCopyStore } from '../../stores/ami-copy-store';
import { selectJobs, useJobsStore } from '../../stores/jobs-store';
import { ErrorAlert } from '../error-alert';
import { ConfirmModal } from './confirm-modal';
import { CopyResult } from './copy-result';

export function CopyRun({ jobId }: { readonly jobId: string }) {
  const job = useJobsStore((s) => selectJobs(s).find((j) => j.id === jobId));
  const progress = useAmiCopyStore((s) => s.progress[jobId]);
  const notice = useAmiCopyStore((s) => s.notices[jobId]);
  const cancel = useAmiCopyStore((s) => s.cancel);
  const cleanup = useAmiCopyStore((s) => s.cleanup);
  const [asking, setAsking] = useState<'cancel' | 'cleanup' | undefined>();
  const [cleaning, setCleaning] = useState(false);
  // A partial copy cleaned up is gone: the alert no longer offers to clean it up.
  const cleaned = notice?.kind === 'success';
  const state = job?.state ?? 'running';
  const result = copyResultSchema.safeParse(job?.result);
  const partial = partialCopySchema.safeParse(job?.result);
  const running = state === 'running' || state === 'queued';
  return (
    <Container
      header={
        <Header
          variant="h3"
          description={
            progress ? `AMI ${progress.imageId ?? '(not yet created)'}: ${progress.imageState}` : 'Starting'
          }
          actions={running ? <Button onClick={() => setAsking('cancel')}>Cancel copy</Button> : null}
        >
          {job?.title ?? jobId}{' '}
          <StatusIndicator
            type={
              state === 'done'
                ? 'success'
                : state === 'failed'
                  ? 'error'
                  : state === 'cancelled'
                    ? 'stopped'
                    : 'in-progress'
            }
          >
            {state}
          </StatusIndicator>
        </Header>
      }
    >
      <SpaceBetween size="s">
        {running && progress ? (
          <Box color="text-body-secondary">
            {Math.round(progress.fraction * 100)}% done
            {progress.secondsLeft === undefined ? '' : `, about ${formatDuration(progress.secondsLeft)} left`}
          </Box>
        ) : null}
        {(progress?.snapshots ?? []).map((s) => (
          <ProgressBar
            key={s.snapshotId}
            label={`${s.device} → ${s.snapshotId} (${s.sizeGiB} GiB)`}
            value={Math.round(s.fraction * 100)}
            status={s.state === 'error' ? 'error' : s.state === 'completed' ? 'success' : 'in-progress'}
            resultText={s.state === 'error' ? (s.message ?? 'Failed') : 'Copied and encrypted'}
          />
        ))}
        {job?.error ? <ErrorAlert error={job.error} /> : null}
        {partial.success && !running && !cleaned ? (
          <Alert
            type="warning"
            header="A partial copy is left"
            action={
              <Button loading={cleaning} onClick={() => setAsking('cleanup')}>
                Clean up
              </Button>
            }
          >
            {partial.data.imageId ?? 'No AMI'} and {partial.data.snapshotIds.length} snapshot(s) in{' '}
            {partial.data.destRegion} are kept until you clean them up.
          </Alert>
        ) : null}
        {result.success && state === 'done' ? <CopyResult jobId={jobId} result={result.data} /> : null}
        {notice?.kind === 'success' ? <Alert type="success">{notice.text}</Alert> : null}
        {notice?.kind === 'error' ? <ErrorAlert error={notice.error} /> : null}
      </SpaceBetween>
      <ConfirmModal
        visible={asking === 'cancel'}
        header="Cancel this copy?"
        confirmText="Cancel copy"
        onDismiss={() => setAsking(undefined)}
        onConfirm={() => {
          setAsking(undefined);
          void cancel(jobId);
        }}
      >
        The copy stops. Its partial AMI and snapshots are kept, and you will be offered to clean them up.
      </ConfirmModal>
      <ConfirmModal
        visible={asking === 'cleanup'}
        header="Clean up the partial copy?"
        confirmText="Deregister and delete"
        onDismiss={() => setAsking(undefined)}
        onConfirm={() => {
          setAsking(undefined);
          setCleaning(true);
          void cleanup(jobId).finally(() => setCleaning(false));
        }}
      >
        Deregisters {partial.success ? (partial.data.imageId ?? 'the partial AMI') : 'the partial AMI'} and
        deletes its snapshots
        {partial.success ? ` (${partial.data.snapshotIds.join(', ')})` : ''}. This cannot be undone.
      </ConfirmModal>
    </Container>
  );
}

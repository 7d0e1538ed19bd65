// A finished (or cancelled) run's report: what was copied, skipped and failed (each failure in
// words), the S3 Batch Operations job and its completion report, and the encryption read back after
// the run, drawn as the same chart as before it.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { z } from 'zod';
import { formatDuration } from '../../../shared/domain/ami-copy';
import type {
  failedObjectSchema,
  S3EncryptPlanView,
  S3EncryptResult,
} from '../../../shared/domain/s3-encrypt';
import { formatBytes, objectsText } from './amounts';
import { EncryptionTallyChart } from './encryption-tally-chart';
import { SkippedObjects } from './skipped-objects';

type FailedObject = z.infer<typeof failedObjectSchema>;

export function S3EncryptReport(props: {
  readonly result: S3EncryptResult;
  // The reviewed plan's skipped objects with their reasons, when the page still has the plan.
  readonly skipped?: S3EncryptPlanView['skipped'];
}) {
  const { result } = props;
  return (
    <SpaceBetween size="l">
      {result.cancelled ? (
        <Alert type="warning" header="The run was cancelled">
          Objects copied before the cancel stay under the new key; the rest keep their encryption.
        </Alert>
      ) : null}
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Copied', value: `${objectsText(result.copied)}, ${formatBytes(result.bytesCopied)}` },
          { label: 'Skipped', value: objectsText(result.skipped) },
          { label: 'Failed', value: objectsText(result.failedCount) },
          { label: 'Took', value: formatDuration(Math.round(result.durationMs / 1000)) },
          { label: 'Engine', value: result.engine === 'batch' ? 'S3 Batch Operations' : 'In the app' },
          ...(result.batchJobId ? [{ label: 'Batch Operations job', value: result.batchJobId }] : []),
          ...(result.reportLocation ? [{ label: 'Completion report', value: result.reportLocation }] : []),
        ]}
      />
      <Table<FailedObject>
        variant="embedded"
        ariaLabels={{ tableLabel: 'Failed objects' }}
        header={
          <Header variant="h3" counter={`(${result.failedCount})`}>
            Failed objects
          </Header>
        }
        items={result.failed}
        trackBy={(o) => `${o.key} ${o.versionId ?? ''}`}
        wrapLines
        empty={<Box color="text-body-secondary">No object failed.</Box>}
        footer={
          result.failed.length < result.failedCount ? (
            <Box variant="small">
              The first {result.failed.length} of {result.failedCount}
              {result.reportLocation ? `; the completion report at ${result.reportLocation} lists all.` : '.'}
            </Box>
          ) : undefined
        }
        columnDefinitions={[
          { id: 'key', header: 'Key', cell: (o) => o.key, isRowHeader: true },
          { id: 'version', header: 'Version', cell: (o) => o.versionId ?? '—' },
          { id: 'why', header: 'What went wrong', cell: (o) => o.message },
        ]}
      />
      {props.skipped ? <SkippedObjects skipped={props.skipped} /> : null}
      {result.after ? (
        <div>
          <Header variant="h3">Encryption after the run</Header>
          <EncryptionTallyChart
            tallies={result.after}
            ariaLabel={`Objects in ${result.bucket} after the run`}
          />
        </div>
      ) : null}
    </SpaceBetween>
  );
}

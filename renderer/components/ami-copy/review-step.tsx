// Wizard step 4: the sealed plan as a person reads it: the key of each region, every copy with its
// size and estimate, the total time (encryption makes a full copy) and the seeds' warnings.
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Table from '@cloudscape-design/components/table';
import { useAmiCopyStore } from '../../stores/ami-copy-store';
import { ErrorAlert } from '../error-alert';
import { EstimateNote } from '../estimate-note';
import { PlanExportButtons } from '../plans/plan-export-buttons';
import { PreflightTable } from '../plans/preflight-table';
import { formatDuration as formatSeconds } from '../../../shared/domain/ami-copy';

export function ReviewStep() {
  const plan = useAmiCopyStore((s) => s.plan);
  if (plan.status === 'loading' || plan.status === 'idle') return <Spinner size="large" />;
  if (plan.status === 'error') return <ErrorAlert error={plan.error} />;
  const { view, plan: document } = plan.value;
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header variant="h3" actions={<PlanExportButtons plan={document} label="Export the copy plan" />}>
            Plan
          </Header>
        }
      >
        <ColumnLayout columns={3} variant="text-grid">
          <div>
            <Box variant="awsui-key-label">Total size</Box>
            <div>{view.totalGiB} GiB</div>
          </div>
          <div>
            <Box variant="awsui-key-label">Estimated time</Box>
            <div>
              about {formatSeconds(view.estimatedSeconds)} (at {view.copyRateGiBPerHour} GiB/h; encryption
              makes a full copy)
            </div>
            <EstimateNote />
          </div>
          <div>
            <Box variant="awsui-key-label">Plan SHA-256</Box>
            <Box variant="code">{document.sha256.slice(0, 16)}…</Box>
          </div>
        </ColumnLayout>
      </Container>
      {view.keys.map((k) => (
        <Alert key={k.region} type="info" header={`Key in ${k.region}`}>
          {k.summary}
        </Alert>
      ))}
      <Table
        wrapLines
        items={view.copies}
        trackBy="index"
        header={<Header variant="h3">Copies</Header>}
        columnDefinitions={[
          { id: 'source', header: 'Source', cell: (c) => `${c.sourceImageId} (${c.sourceName})` },
          { id: 'to', header: 'To', cell: (c) => c.destRegion },
          { id: 'name', header: 'New name', cell: (c) => c.name },
          // Room for the header's word and a value (px): a squeezed column breaks "Estimate" mid-word.
          { id: 'size', header: 'Size', minWidth: 90, cell: (c) => `${c.totalGiB} GiB` },
          { id: 'time', header: 'Estimate', minWidth: 110, cell: (c) => formatSeconds(c.estimatedSeconds) },
        ]}
      />
      <PreflightTable preflight={document.preflight} />
      <Alert type="warning" header="Before you copy">
        <ul>
          {view.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </Alert>
    </SpaceBetween>
  );
}

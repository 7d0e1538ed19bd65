// The sealed plan, as reviewed: its facts, objects by encryption, what changes, what is skipped,
// the cost, the Batch Operations role, the preflight and the exports. Run sends this very plan
// (any change to the form takes it away first) and stays off while the preflight has a denial or
// S3 Batch Operations has no role able to run the job.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { runBlocker, useS3EncryptStore } from '../../stores/s3-encrypt-store';
import { ErrorAlert } from '../error-alert';
import { PlanExportButtons } from '../plans/plan-export-buttons';
import { PreflightTable } from '../plans/preflight-table';
import { BatchRolePanel } from './batch-role-panel';
import { EncryptionTallyChart } from './encryption-tally-chart';
import { ListingProgress } from './listing-progress';
import { PlanChanges, PlanCost, PlanSummary } from './plan-facts';
import { SkippedObjects } from './skipped-objects';

export function PlanReview() {
  const plan = useS3EncryptStore((s) => s.plan);
  const bucket = useS3EncryptStore((s) => s.bucket);
  const startError = useS3EncryptStore((s) => s.startError);
  const start = useS3EncryptStore((s) => s.start);
  if (plan.status === 'idle') return null;
  if (plan.status === 'loading') {
    return (
      <Container header={<Header variant="h2">Plan</Header>}>
        <ListingProgress label={`Reading the objects of ${bucket} for the plan`} />
      </Container>
    );
  }
  if (plan.status === 'error') return <ErrorAlert error={plan.error} />;
  const { view, plan: document } = plan.value;
  const blocker = runBlocker(plan.value);
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`Plan ${document.sha256.slice(0, 12)}…, sealed; Run carries out exactly this plan.`}
          actions={<PlanExportButtons plan={document} label="Export the re-encryption plan" />}
        >
          Plan
        </Header>
      }
    >
      <SpaceBetween size="l">
        <PlanSummary view={view} />
        <EncryptionTallyChart tallies={view.tallies} ariaLabel={`Objects in ${view.bucket} by encryption`} />
        <PlanChanges changes={view.changes} />
        <SkippedObjects skipped={view.skipped} />
        <PlanCost cost={view.cost} />
        {view.batchRole ? <BatchRolePanel role={view.batchRole} /> : null}
        <PreflightTable preflight={document.preflight} />
        {startError ? <ErrorAlert error={startError} /> : null}
        <SpaceBetween direction="horizontal" size="s" alignItems="center">
          <Button variant="primary" disabled={blocker !== undefined} onClick={() => void start()}>
            Run
          </Button>
          {blocker ? <Box color="text-status-error">{blocker}</Box> : null}
        </SpaceBetween>
      </SpaceBetween>
    </Container>
  );
}

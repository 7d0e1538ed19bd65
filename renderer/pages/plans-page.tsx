// Plans: import a plan (validated offline), review its summary, check drift, export, run.
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { DriftPanel } from '../components/plans/drift-panel';
import { PlanActions } from '../components/plans/plan-actions';
import { OfflinePlanPanel } from '../components/plans/offline-plan-panel';
import { PlanImportPanel } from '../components/plans/plan-import-panel';
import { PlanSummaryPanel } from '../components/plans/plan-summary-panel';
import { usePlansStore } from '../stores/plans-store';

export function PlansPage() {
  const imported = usePlansStore((s) => s.imported);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Review a plan offline, check it against the live account, export it for a change board, run it."
        >
          Plans
        </Header>
      }
    >
      <SpaceBetween size="l">
        <PlanImportPanel />
        <OfflinePlanPanel />
        {imported.status === 'valid' ? (
          <>
            <PlanSummaryPanel plan={imported.plan} summary={imported.summary} />
            <DriftPanel />
            <PlanActions kind={imported.plan.kind} />
          </>
        ) : null}
      </SpaceBetween>
    </ContentLayout>
  );
}

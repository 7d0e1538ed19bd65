// A plan's steps (or rollback steps) as a table.
import Table from '@cloudscape-design/components/table';
import { stepPhaseLabels } from '../../../shared/labels/plan-facts';
import type { PlanStep } from '../../../shared/plans/plan-document';
import { formatSeconds } from '../../../shared/plans/render/timeline';

export function PlanStepsTable(props: { readonly steps: readonly PlanStep[]; readonly label: string }) {
  return (
    <Table
      wrapLines
      variant="embedded"
      ariaLabels={{ tableLabel: props.label }}
      items={props.steps.map((s, i) => ({ ...s, n: i + 1 }))}
      trackBy="id"
      empty="No steps."
      columnDefinitions={[
        { id: 'n', header: '#', cell: (s) => s.n },
        { id: 'title', header: 'Step', cell: (s) => s.title },
        { id: 'action', header: 'Action', cell: (s) => s.action },
        { id: 'phase', header: 'Phase', cell: (s) => stepPhaseLabels[s.phase] },
        { id: 'region', header: 'Region', cell: (s) => s.region },
        { id: 'estimate', header: 'Estimate', cell: (s) => formatSeconds(s.estimatedSeconds) },
      ]}
    />
  );
}

// What a reviewer reads: kind, account, regions, who made it, the downtime, warnings, the steps,
// the rollback and the facts with their read time (and the cache's age when they came from it).
import Alert from '@cloudscape-design/components/alert';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { formatTime } from '../../../shared/format/time';
import {
  describeFactAttributes,
  factResourceLabels,
  planKindLabels,
} from '../../../shared/labels/plan-facts';
import type { Plan } from '../../../shared/plans/plan-document';
import type { PlanSummary } from '../../../shared/plans/plan-summary';
import { formatSeconds } from '../../../shared/plans/render/timeline';
import { ArnText } from '../arn-text';
import { EstimateNote } from '../estimate-note';
import { PlanStepsTable } from './plan-steps-table';

export function PlanSummaryPanel(props: { readonly plan: Plan; readonly summary: PlanSummary }) {
  const { plan, summary } = props;
  const factSource =
    summary.source === 'cache'
      ? `from cached inventory, ${summary.factAgeHours ?? '?'} h old`
      : `read live at ${formatTime(summary.oldestFactAt ?? plan.createdAt)}`;
  return (
    <Container header={<Header variant="h2">{plan.title}</Header>}>
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Kind', value: planKindLabels[plan.kind] },
            { label: 'Account', value: plan.accountId },
            { label: 'Regions', value: plan.regions.join(', ') },
            {
              label: 'Made by',
              value: (
                <>
                  {plan.createdBy.startsWith('arn:') ? <ArnText arn={plan.createdBy} /> : plan.createdBy} at{' '}
                  {formatTime(plan.createdAt)}
                </>
              ),
            },
            { label: 'Expected downtime', value: formatSeconds(plan.expectedDowntimeSeconds ?? 0) },
            { label: 'Estimated duration', value: formatSeconds(plan.estimatedSeconds) },
            { label: 'Facts', value: `${summary.facts}, ${factSource}` },
            {
              label: 'SHA-256 seal',
              value: `${summary.sha256.slice(0, 16)}… (not changed by accident; says nothing about who made it)`,
            },
          ]}
        />
        {/* The durations above are AWS time; the sandbox account says how much faster it runs. */}
        <EstimateNote />
        {plan.warnings.map((w) => (
          <Alert key={w} type="warning">
            {w}
          </Alert>
        ))}
        <Header variant="h3">Steps</Header>
        <PlanStepsTable steps={plan.steps} label="Steps" />
        <Header variant="h3">Rollback</Header>
        <PlanStepsTable steps={plan.rollback} label="Rollback steps" />
        <Header variant="h3">Facts the plan relied on</Header>
        <Table
          wrapLines
          variant="embedded"
          ariaLabels={{ tableLabel: 'Facts' }}
          items={plan.facts.map((f) => ({ ...f, key: `${f.resource}/${f.id}` }))}
          trackBy="key"
          columnDefinitions={[
            { id: 'resource', header: 'Resource', cell: (f) => factResourceLabels[f.resource] },
            { id: 'id', header: 'Id', cell: (f) => f.id },
            {
              id: 'attributes',
              header: 'Attributes',
              cell: (f) => describeFactAttributes(f.attributes),
            },
            { id: 'readAt', header: 'Read at', cell: (f) => formatTime(f.readAt) },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}

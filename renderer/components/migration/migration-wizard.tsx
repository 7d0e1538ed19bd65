// Choose instances (from the inventory), a strategy (swap recommended for running instances with
// unencrypted volumes, rekey for encrypted ones; replace for cluster members, node by node), the
// target key, review the plan, run.
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import type { InstanceRecord } from '../../../shared/domain/inventory';
import type { MigrationStrategy } from '../../../shared/domain/migration';
import { keysByArn, selectInventory, useInventoryStore } from '../../stores/inventory-store';
import { useMigrationStore } from '../../stores/migration-store';
import { ErrorAlert } from '../error-alert';
import { KeyBadge } from '../inventory/key-badge';
import { PreflightTable } from '../plans/preflight-table';
import { deniedRows } from '../../../shared/domain/preflight';
import { stepPhaseLabels } from '../../../shared/labels/plan-facts';
import { PlanExportButtons } from '../plans/plan-export-buttons';
import { EstimateNote } from '../estimate-note';
import { instanceOption } from './instance-options';

const STRATEGIES: { value: MigrationStrategy; label: string; description: string }[] = [
  {
    value: 'swap',
    label: 'Swap in place (least downtime)',
    description: 'Same instance, IPs and ENIs; stopped for about a minute or two',
  },
  {
    value: 'rekey',
    label: 'Re-key (encrypted volumes to another key)',
    description: 'Like swap, for volumes already encrypted',
  },
  {
    value: 'replace',
    label: 'Replace from an encrypted AMI (node by node)',
    description:
      'New instances from an encrypted image; you confirm each swap. For clusters that can lose a member',
  },
];

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function recommend(instances: readonly InstanceRecord[]): MigrationStrategy {
  return instances.every((i) => i.encryption === 'all') && instances.length > 0 ? 'rekey' : 'swap';
}

export function MigrationWizard() {
  const inventory = useInventoryStore(selectInventory);
  const { selected, kmsKeyRef, strategy, review, setSelected, setKey, setStrategy, plan, start } =
    useMigrationStore();
  const instances = inventory?.regions.flatMap((r) => r.instances) ?? [];
  const keys = keysByArn(inventory);
  const chosen = instances.filter((i) => selected.includes(i.id));
  const recommended = recommend(chosen);
  // The form is locked while the plan is made and while Run starts it: what is reviewed is what runs.
  const locked = review.status === 'planning' || (review.status === 'ready' && review.starting === true);
  return (
    <Container header={<Header variant="h2">New migration</Header>}>
      <SpaceBetween size="m">
        <FormField label="Instances">
          <Multiselect
            selectedOptions={chosen.map((i) => ({ value: i.id, label: i.name ?? i.id }))}
            options={instances.map((i) => instanceOption(i, strategy))}
            disabled={locked}
            onChange={({ detail }) => setSelected(detail.selectedOptions.map((o) => o.value ?? ''))}
            placeholder="Choose instances"
          />
        </FormField>
        <FormField label="Strategy" description={`Recommended: ${recommended}`}>
          <Select
            selectedOption={STRATEGIES.find((s) => s.value === strategy) ?? null}
            options={STRATEGIES}
            disabled={locked}
            onChange={({ detail }) =>
              setStrategy((detail.selectedOption.value ?? 'swap') as MigrationStrategy)
            }
          />
        </FormField>
        <FormField label="KMS key" description="Key id, key ARN, alias name or alias ARN">
          <SpaceBetween direction="horizontal" size="xs">
            <Input
              value={kmsKeyRef}
              onChange={({ detail }) => setKey(detail.value)}
              disabled={locked}
              placeholder="alias/my-cmk"
            />
            {review.status === 'ready' && <KeyBadge keyRef={String(review.plan.input.keyArn)} keys={keys} />}
          </SpaceBetween>
        </FormField>
        <SpaceBetween direction="horizontal" size="xs">
          <Button
            loading={review.status === 'planning'}
            disabled={selected.length === 0 || kmsKeyRef === '' || locked}
            onClick={() => void plan()}
          >
            Review plan
          </Button>
          <Button
            variant="primary"
            loading={review.status === 'ready' && review.starting === true}
            disabled={review.status !== 'ready' || deniedRows(review.plan.preflight).length > 0}
            onClick={() => void start()}
          >
            Run
          </Button>
        </SpaceBetween>
        {review.status === 'refused' && <ErrorAlert error={review.error} />}
        {review.status === 'ready' && (
          <SpaceBetween size="xs">
            <Header
              variant="h3"
              description={`${review.plan.steps.length} steps · ${review.plan.rollback.length} rollback steps · plan ${review.plan.sha256.slice(0, 12)}`}
            >
              {review.plan.title}
            </Header>
            <PlanExportButtons plan={review.plan} label="Export the reviewed plan" />
            <EstimateNote />
            <Box variant="strong">
              {review.plan.input.strategy === 'replace'
                ? 'No downtime of its own: each original stops only after you confirm its replacement'
                : `Expected downtime: ${formatSeconds(review.plan.expectedDowntimeSeconds ?? 0)} per instance`}
            </Box>
            {review.plan.warnings.length > 0 && (
              <ul aria-label="Warnings">
                {review.plan.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
            <PreflightTable preflight={review.plan.preflight} />
            <Table
              wrapLines
              variant="embedded"
              ariaLabels={{ tableLabel: 'Plan steps' }}
              items={review.plan.steps}
              trackBy="id"
              columnDefinitions={[
                { id: 'title', header: 'Step', cell: (s) => s.title },
                { id: 'phase', header: 'Phase', cell: (s) => stepPhaseLabels[s.phase] },
                { id: 'action', header: 'AWS call', cell: (s) => s.action },
                { id: 'est', header: 'Estimate', cell: (s) => formatSeconds(s.estimatedSeconds) },
              ]}
            />
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}

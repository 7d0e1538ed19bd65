// Choose instances (from the inventory), a strategy (swap recommended for running instances with
// unencrypted volumes, rekey for encrypted ones), the target key, review the plan, run.
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Multiselect from '@cloudscape-design/components/multiselect';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { InstanceRecord } from '../../../shared/domain/inventory';
import type { MigrationStrategy } from '../../../shared/domain/migration';
import { keysByArn, selectInventory, useInventoryStore } from '../../stores/inventory-store';
import { useMigrationStore } from '../../stores/migration-store';
import { KeyBadge } from '../inventory/key-badge';

const STRATEGIES: { value: MigrationStrategy; label: string; disabled?: boolean }[] = [
  { value: 'swap', label: 'Swap in place (least downtime)' },
  { value: 'rekey', label: 'Re-key (encrypted volumes to another key)' },
  { value: 'replace', label: 'Replace from an encrypted AMI (not yet available)', disabled: true },
];

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
  return (
    <Container header={<Header variant="h2">New migration</Header>}>
      <SpaceBetween size="m">
        <FormField label="Instances">
          <Multiselect
            selectedOptions={chosen.map((i) => ({ value: i.id, label: i.name ?? i.id }))}
            options={instances.map((i) => ({
              value: i.id,
              label: i.name ?? i.id,
              description: `${i.id} · ${i.type} · ${i.state} · volumes ${i.encryption}`,
            }))}
            onChange={({ detail }) => setSelected(detail.selectedOptions.map((o) => o.value ?? ''))}
            placeholder="Choose instances"
          />
        </FormField>
        <FormField label="Strategy" description={`Recommended: ${recommended}`}>
          <Select
            selectedOption={STRATEGIES.find((s) => s.value === strategy) ?? null}
            options={STRATEGIES}
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
              placeholder="alias/my-cmk"
            />
            {review.status === 'ready' && <KeyBadge keyRef={String(review.plan.input.keyArn)} keys={keys} />}
          </SpaceBetween>
        </FormField>
        <SpaceBetween direction="horizontal" size="xs">
          <Button
            loading={review.status === 'planning'}
            disabled={selected.length === 0 || kmsKeyRef === ''}
            onClick={() => void plan()}
          >
            Review plan
          </Button>
          <Button variant="primary" disabled={review.status !== 'ready'} onClick={() => void start()}>
            Run
          </Button>
        </SpaceBetween>
        {review.status === 'ready' && (
          <SpaceBetween size="xs">
            <Header variant="h3">{review.plan.title}</Header>
            <div>
              Expected downtime: {review.plan.expectedDowntimeSeconds ?? 0} s · {review.plan.steps.length}{' '}
              steps · {review.plan.rollback.length} rollback steps
            </div>
            <ul>
              {review.plan.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}

// Plans built with no network: a migration planned from the cached inventory of the selected
// account and region. The plan states its source and age; its drift is checked before it runs.
import { useState } from 'react';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { parseKeyReference } from '../../../shared/kms/key-reference';
import { usePlansStore } from '../../stores/plans-store';

const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

export function OfflinePlanPanel() {
  const planOffline = usePlansStore((s) => s.planOffline);
  const [instances, setInstances] = useState('');
  const [keyRef, setKeyRef] = useState('');
  const ids = instances.split(/[\s,]+/).filter(Boolean);
  const badId = ids.find((id) => !INSTANCE_ID.test(id));
  const key = keyRef.trim() === '' ? undefined : parseKeyReference(keyRef);
  const ready = ids.length > 0 && !badId && key?.ok === true;
  return (
    <Container>
      <ExpandableSection headerText="Plan a migration offline, from the cached inventory">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void planOffline({ instanceIds: ids, kmsKeyRef: keyRef.trim(), strategy: 'swap' });
          }}
        >
          <SpaceBetween size="m">
            <FormField
              label="Instances"
              description="Instance ids of the selected region, separated by spaces or commas."
              errorText={badId ? `“${badId}” is not an instance id (i-0123456789abcdef0).` : undefined}
            >
              <Input
                value={instances}
                onChange={({ detail }) => setInstances(detail.value)}
                ariaLabel="Instances to plan"
              />
            </FormField>
            <FormField
              label="KMS key"
              errorText={key && !key.ok ? key.error.message : undefined}
              constraintText={key && !key.ok ? key.error.hint : 'Key id, key ARN, alias name or alias ARN'}
            >
              <Input
                value={keyRef}
                onChange={({ detail }) => setKeyRef(detail.value)}
                ariaLabel="Key to plan with"
              />
            </FormField>
            <Button formAction="submit" disabled={!ready}>
              Plan from the cache
            </Button>
          </SpaceBetween>
        </form>
      </ExpandableSection>
    </Container>
  );
}

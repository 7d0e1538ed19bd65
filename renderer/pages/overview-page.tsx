import { useEffect } from 'react';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Inventory } from '../../shared/domain/inventory';
import { IdentitySummary } from '../components/identity-summary';
import { EncryptionChart } from '../components/inventory/encryption-chart';
import { OfflineAlert } from '../components/inventory/offline-alert';
import { selectInventory, useInventoryStore } from '../stores/inventory-store';

export function OverviewPage() {
  const inventory = useInventoryStore(selectInventory);
  const open = useInventoryStore((s) => s.open);
  useEffect(() => {
    void open();
  }, [open]);
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="Move EC2 instances, AMIs and S3 buckets to KMS encryption at rest.">
          Overview
        </Header>
      }
    >
      <SpaceBetween size="l">
        <IdentitySummary />
        {inventory ? (
          <InventorySummary inventory={inventory} />
        ) : (
          <Box variant="p">Reading the inventory…</Box>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}

function InventorySummary({ inventory }: { readonly inventory: Inventory }) {
  const sum = (pick: (r: Inventory['regions'][number]) => number) =>
    inventory.regions.reduce((n, r) => n + pick(r), 0);
  const unencryptedVolumes = sum((r) => r.volumes.filter((v) => !v.encrypted).length);
  const unencryptedSnapshots = sum((r) => r.snapshots.filter((s) => !s.encrypted).length);
  const exposed = sum((r) => r.instances.filter((i) => i.encryption !== 'all').length);
  const byDefault = inventory.regions
    .map((r) => `${r.region}: ${r.ebsDefaults?.encryptionByDefault ? 'on' : 'off'}`)
    .join(', ');
  return (
    <SpaceBetween size="l">
      <OfflineAlert inventory={inventory} />
      <Container header={<Header variant="h2">At a glance</Header>}>
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Unencrypted volumes', value: unencryptedVolumes.toLocaleString() },
            { label: 'Unencrypted snapshots', value: unencryptedSnapshots.toLocaleString() },
            { label: 'Instances not fully encrypted', value: exposed.toLocaleString() },
            { label: 'EBS encryption by default', value: byDefault || '—' },
          ]}
        />
      </Container>
      <Container header={<Header variant="h2">Encrypted versus unencrypted, per region and kind</Header>}>
        <EncryptionChart inventory={inventory} />
      </Container>
    </SpaceBetween>
  );
}

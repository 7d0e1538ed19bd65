import { useEffect } from 'react';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { ErrorAlert } from '../components/error-alert';
import { InventoryTabs } from '../components/inventory/inventory-tabs';
import { useInventoryStore } from '../stores/inventory-store';
import { valueOf } from '../stores/load-state';

export function InventoryPage() {
  const state = useInventoryStore((s) => s.inventory);
  const open = useInventoryStore((s) => s.open);
  const scan = useInventoryStore((s) => s.scan);
  useEffect(() => {
    void open();
  }, [open]);
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Every instance, volume, snapshot, AMI, KMS key and bucket, and the key that protects it."
          actions={<Button onClick={() => void scan()}>Scan again</Button>}
        >
          Inventory
        </Header>
      }
    >
      {state.status === 'error' ? (
        <ErrorAlert error={state.error} />
      ) : (
        // The tables show (empty, loading) before the inventory arrives, so that its arrival
        // only adds rows to what is already on screen.
        <InventoryTabs inventory={valueOf(state)} />
      )}
    </ContentLayout>
  );
}

import { useEffect, useMemo, useState } from 'react';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import type { Inventory, RegionInventory } from '../../shared/domain/inventory';
import { ErrorAlert } from '../components/error-alert';
import {
  instanceColumns,
  snapshotColumns,
  volumeColumns,
  type InRegion,
} from '../components/inventory/ec2-columns';
import { OfflineAlert } from '../components/inventory/offline-alert';
import { bucketColumns, imageColumns, keyColumns } from '../components/inventory/other-columns';
import { ResourceTable } from '../components/inventory/resource-table';
import { VolumeDetail } from '../components/inventory/volume-detail';
import { keysByArn, useInventoryStore } from '../stores/inventory-store';

type Kind = 'instances' | 'volumes' | 'snapshots' | 'images' | 'keys' | 'buckets';

const rows = <K extends Kind>(inventory: Inventory, kind: K): InRegion<RegionInventory[K][number]>[] =>
  inventory.regions.flatMap((r) =>
    (r[kind] as RegionInventory[K][number][]).map((item) => ({ ...item, region: r.region })),
  );

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
      ) : state.status === 'ready' ? (
        <InventoryTabs inventory={state.value} />
      ) : (
        <Spinner size="large" />
      )}
    </ContentLayout>
  );
}

export function InventoryTabs({ inventory }: { readonly inventory: Inventory }) {
  const keys = useMemo(() => keysByArn(inventory), [inventory]);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const tables = useMemo(
    () => ({
      instances: rows(inventory, 'instances'),
      volumes: rows(inventory, 'volumes'),
      snapshots: rows(inventory, 'snapshots'),
      images: rows(inventory, 'images'),
      keys: rows(inventory, 'keys'),
      buckets: rows(inventory, 'buckets'),
    }),
    [inventory],
  );
  const selected = tables.volumes.find((v) => v.id === selectedId);
  return (
    <SpaceBetween size="m">
      <OfflineAlert inventory={inventory} />
      <Tabs
        tabs={[
          {
            id: 'volumes',
            label: `Volumes (${tables.volumes.length})`,
            content: (
              <SpaceBetween size="m">
                <ResourceTable
                  title="Volumes"
                  items={tables.volumes}
                  columns={volumeColumns(keys)}
                  trackBy={(v) => v.id}
                  selected={selected}
                  onSelect={(v) => setSelectedId(v?.id)}
                />
                {selected ? <VolumeDetail volume={selected} keys={keys} /> : null}
              </SpaceBetween>
            ),
          },
          {
            id: 'instances',
            label: `Instances (${tables.instances.length})`,
            content: (
              <ResourceTable
                title="Instances"
                items={tables.instances}
                columns={instanceColumns()}
                trackBy={(i) => i.id}
              />
            ),
          },
          {
            id: 'snapshots',
            label: `Snapshots (${tables.snapshots.length})`,
            content: (
              <ResourceTable
                title="Snapshots"
                items={tables.snapshots}
                columns={snapshotColumns(keys)}
                trackBy={(s) => s.id}
              />
            ),
          },
          {
            id: 'images',
            label: `AMIs (${tables.images.length})`,
            content: (
              <ResourceTable
                title="AMIs"
                items={tables.images}
                columns={imageColumns()}
                trackBy={(i) => `${i.region}/${i.id}`}
              />
            ),
          },
          {
            id: 'keys',
            label: `KMS keys (${tables.keys.length})`,
            content: (
              <ResourceTable
                title="KMS keys"
                items={tables.keys}
                columns={keyColumns(keys)}
                trackBy={(k) => k.arn}
              />
            ),
          },
          {
            id: 'buckets',
            label: `Buckets (${tables.buckets.length})`,
            content: (
              <ResourceTable
                title="Buckets"
                items={tables.buckets}
                columns={bucketColumns(keys)}
                trackBy={(b) => b.name}
              />
            ),
          },
        ]}
      />
    </SpaceBetween>
  );
}

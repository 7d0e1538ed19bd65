// The Inventory page's tabs, one resource table each. Only the active tab's rows are built
// (Cloudscape renders the active tab alone), and columns, row lists and callbacks are memoized per
// inventory so that a re-render of the page does not re-render 10,000-row tables (P3).
import { useCallback, useMemo, useState } from 'react';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import type { Inventory, KeyRecord, RegionInventory } from '../../../shared/domain/inventory';
import { findKey, keyLabel } from '../../../shared/kms/key-reference';
import { keysByArn } from '../../stores/inventory-store';
import {
  instanceColumns,
  instanceColumnsHidden,
  snapshotColumns,
  snapshotColumnsHidden,
  volumeColumns,
  volumeColumnsHidden,
  type InRegion,
} from './ec2-columns';
import { OfflineAlert } from './offline-alert';
import { bucketColumns, imageColumns, imageColumnsHidden, keyColumns } from './other-columns';
import { ResourceTable } from './resource-table';
import { VolumeDetail } from './volume-detail';

type Kind = 'instances' | 'volumes' | 'snapshots' | 'images' | 'keys' | 'buckets';
type Row<K extends Kind> = InRegion<RegionInventory[K][number]>;

const rows = <K extends Kind>(inventory: Inventory | undefined, kind: K): Row<K>[] =>
  (inventory?.regions ?? []).flatMap((r) =>
    (r[kind] as RegionInventory[K][number][]).map((item) => ({ ...item, region: r.region })),
  );
const count = (inventory: Inventory | undefined, kind: Kind): string =>
  inventory ? ` (${inventory.regions.reduce((n, r) => n + r[kind].length, 0)})` : '';

// The filter also matches the alias a row shows for its key ARN.
const keyAlias =
  (keys: ReadonlyMap<string, KeyRecord>) =>
  (item: { readonly kmsKeyId?: string | undefined; readonly region: string }): string => {
    const key = findKey(keys, item.kmsKeyId, { region: item.region });
    return key ? keyLabel(key) : '';
  };

interface TabProps {
  // Undefined while it loads: the table shows its loading state.
  readonly inventory: Inventory | undefined;
  readonly keys: ReadonlyMap<string, KeyRecord>;
}

function VolumesTab({ inventory, keys }: TabProps) {
  const items = useMemo(() => rows(inventory, 'volumes'), [inventory]);
  const columns = useMemo(() => volumeColumns(keys), [keys]);
  const searchExtra = useMemo(() => keyAlias(keys), [keys]);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const selected = useMemo(() => items.find((v) => v.id === selectedId), [items, selectedId]);
  const onSelect = useCallback((v: Row<'volumes'> | undefined) => setSelectedId(v?.id), []);
  return (
    <SpaceBetween size="m">
      <ResourceTable
        loading={!inventory}
        title="Volumes"
        items={items}
        columns={columns}
        selected={selected}
        onSelect={onSelect}
        searchExtra={searchExtra}
        hiddenByDefault={volumeColumnsHidden}
      />
      {selected ? <VolumeDetail volume={selected} keys={keys} /> : null}
    </SpaceBetween>
  );
}

function InstancesTab({ inventory }: TabProps) {
  const items = useMemo(() => rows(inventory, 'instances'), [inventory]);
  const columns = useMemo(() => instanceColumns(), []);
  return (
    <ResourceTable
      loading={!inventory}
      title="Instances"
      items={items}
      columns={columns}
      hiddenByDefault={instanceColumnsHidden}
    />
  );
}

function SnapshotsTab({ inventory, keys }: TabProps) {
  const items = useMemo(() => rows(inventory, 'snapshots'), [inventory]);
  const columns = useMemo(() => snapshotColumns(keys), [keys]);
  const searchExtra = useMemo(() => keyAlias(keys), [keys]);
  return (
    <ResourceTable
      loading={!inventory}
      title="Snapshots"
      items={items}
      columns={columns}
      searchExtra={searchExtra}
      hiddenByDefault={snapshotColumnsHidden}
    />
  );
}

function ImagesTab({ inventory, keys }: TabProps) {
  const items = useMemo(() => rows(inventory, 'images'), [inventory]);
  const columns = useMemo(() => imageColumns(keys), [keys]);
  return (
    <ResourceTable
      loading={!inventory}
      title="AMIs"
      items={items}
      columns={columns}
      hiddenByDefault={imageColumnsHidden}
    />
  );
}

function KeysTab({ inventory, keys }: TabProps) {
  const items = useMemo(() => rows(inventory, 'keys'), [inventory]);
  const columns = useMemo(() => keyColumns(keys), [keys]);
  return <ResourceTable loading={!inventory} title="KMS keys" items={items} columns={columns} />;
}

function BucketsTab({ inventory, keys }: TabProps) {
  const items = useMemo(() => rows(inventory, 'buckets'), [inventory]);
  const columns = useMemo(() => bucketColumns(keys), [keys]);
  return <ResourceTable loading={!inventory} title="Buckets" items={items} columns={columns} />;
}

const TABS: readonly { id: Kind; label: string; Content: (props: TabProps) => React.JSX.Element }[] = [
  { id: 'volumes', label: 'Volumes', Content: VolumesTab },
  { id: 'instances', label: 'Instances', Content: InstancesTab },
  { id: 'snapshots', label: 'Snapshots', Content: SnapshotsTab },
  { id: 'images', label: 'AMIs', Content: ImagesTab },
  { id: 'keys', label: 'KMS keys', Content: KeysTab },
  { id: 'buckets', label: 'Buckets', Content: BucketsTab },
];

export function InventoryTabs({ inventory }: { readonly inventory: Inventory | undefined }) {
  const keys = useMemo(() => keysByArn(inventory), [inventory]);
  const tabs = useMemo(
    () =>
      TABS.map(({ id, label, Content }) => ({
        id,
        label: `${label}${count(inventory, id)}`,
        content: <Content inventory={inventory} keys={keys} />,
      })),
    [inventory, keys],
  );
  return (
    <SpaceBetween size="m">
      {inventory ? <OfflineAlert inventory={inventory} /> : null}
      <Tabs tabs={tabs} />
    </SpaceBetween>
  );
}

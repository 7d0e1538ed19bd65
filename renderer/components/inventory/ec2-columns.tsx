// Columns of the instance, volume and snapshot tables (the fields the seeds look at).
import Badge from '@cloudscape-design/components/badge';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type {
  InstanceRecord,
  KeyRecord,
  SnapshotRecord,
  VolumeRecord,
} from '../../../shared/domain/inventory';
import { encryptionSummaryLabels } from '../../../shared/labels/inventory';
import { breakable } from '../breakable-text';
import { KeyBadge } from './key-badge';

export type InRegion<T> = T & { readonly region: string };

// Cells that depend on one value return the same element for the same value: when a filter or a
// sort puts another row in a table line, React then skips those cells (P3).
const encrypted = <StatusIndicator type="success">Encrypted</StatusIndicator>;
const notEncrypted = <StatusIndicator type="warning">Not encrypted</StatusIndicator>;
export const encryptedCell = (isEncrypted: boolean) => (isEncrypted ? encrypted : notEncrypted);

// One KeyBadge element per key reference, for the columns built over one key map.
export function keyBadgeCells(
  keys: ReadonlyMap<string, KeyRecord>,
): (keyRef: string | undefined) => React.JSX.Element {
  const cells = new Map<string | undefined, React.JSX.Element>();
  return (keyRef) => {
    let cell = cells.get(keyRef);
    if (!cell) {
      cell = <KeyBadge keyRef={keyRef} keys={keys} />;
      cells.set(keyRef, cell);
    }
    return cell;
  };
}

// The table lays its columns out to its width (lines wrap, nothing scrolls sideways at 1280 px);
// a key column keeps room for an alias with its state, in px.
const KEY_MIN_WIDTH = 150;
// Room for "Not encrypted" beside its icon: a squeezed status breaks mid-word.
const ENCRYPTED_MIN_WIDTH = 170;

// Columns the Preferences dialog offers that the tables do not show by default: the rest fit
// beside each other at 1280 px with the navigation open.
export const instanceColumnsHidden: readonly string[] = ['type', 'imageId', 'az'];
export const volumeColumnsHidden: readonly string[] = ['name', 'type', 'az', 'state'];
export const snapshotColumnsHidden: readonly string[] = ['volume', 'size'];

const summaryColor = { all: 'green', partial: 'blue', none: 'red', unknown: 'grey' } as const;

export function instanceColumns(): TableProps.ColumnDefinition<InRegion<InstanceRecord>>[] {
  return [
    { id: 'id', header: 'Instance ID', cell: (i) => breakable(i.id), sortingField: 'id', isRowHeader: true },
    { id: 'name', header: 'Name', cell: (i) => breakable(i.name), sortingField: 'name' },
    { id: 'state', header: 'State', cell: (i) => breakable(i.state), sortingField: 'state' },
    { id: 'type', header: 'Type', cell: (i) => breakable(i.type), sortingField: 'type' },
    {
      id: 'encryption',
      header: 'Encryption',
      cell: (i) => <Badge color={summaryColor[i.encryption]}>{encryptionSummaryLabels[i.encryption]}</Badge>,
      sortingField: 'encryption',
    },
    {
      id: 'devices',
      header: 'Volumes',
      cell: (i) => breakable(i.devices.map((d) => `${d.device}=${d.volumeId}`).join(', ')),
    },
    { id: 'imageId', header: 'AMI', cell: (i) => breakable(i.imageId), sortingField: 'imageId' },
    { id: 'az', header: 'AZ', cell: (i) => breakable(i.az), sortingField: 'az' },
    { id: 'region', header: 'Region', cell: (i) => breakable(i.region), sortingField: 'region' },
  ];
}

export function volumeColumns(
  keys: ReadonlyMap<string, KeyRecord>,
): TableProps.ColumnDefinition<InRegion<VolumeRecord>>[] {
  const keyBadge = keyBadgeCells(keys);
  return [
    {
      id: 'id',
      header: 'Volume ID',
      cell: (v) => breakable(v.id),
      sortingField: 'id',
      isRowHeader: true,
    },
    { id: 'name', header: 'Name', cell: (v) => breakable(v.name), sortingField: 'name' },
    { id: 'size', header: 'Size', cell: (v) => breakable(`${v.sizeGiB} GiB`), sortingField: 'sizeGiB' },
    { id: 'type', header: 'Type', cell: (v) => breakable(v.type), sortingField: 'type' },
    { id: 'az', header: 'AZ', cell: (v) => breakable(v.az), sortingField: 'az' },
    {
      id: 'encrypted',
      header: 'Encrypted',
      cell: (v) => encryptedCell(v.encrypted),
      sortingField: 'encrypted',
      minWidth: ENCRYPTED_MIN_WIDTH,
    },
    {
      id: 'kmsKey',
      header: 'KMS key',
      cell: (v) => keyBadge(v.kmsKeyId),
      sortingField: 'kmsKeyId',
      minWidth: KEY_MIN_WIDTH,
    },
    {
      id: 'attached',
      header: 'Attached to',
      cell: (v) => breakable(v.attachments.map((a) => `${a.instanceId} (${a.device})`).join(', ')),
    },
    { id: 'state', header: 'State', cell: (v) => breakable(v.state), sortingField: 'state' },
    { id: 'region', header: 'Region', cell: (v) => breakable(v.region), sortingField: 'region' },
  ];
}

export function snapshotColumns(
  keys: ReadonlyMap<string, KeyRecord>,
): TableProps.ColumnDefinition<InRegion<SnapshotRecord>>[] {
  const keyBadge = keyBadgeCells(keys);
  return [
    {
      id: 'id',
      header: 'Snapshot',
      cell: (s) => breakable(s.id),
      sortingField: 'id',
      isRowHeader: true,
    },
    { id: 'volume', header: 'Volume', cell: (s) => breakable(s.volumeId), sortingField: 'volumeId' },
    { id: 'size', header: 'Size', cell: (s) => breakable(`${s.sizeGiB} GiB`), sortingField: 'sizeGiB' },
    {
      id: 'progress',
      header: 'Progress',
      cell: (s) => breakable(`${s.state} ${s.progress}`),
      sortingField: 'progress',
    },
    {
      id: 'encrypted',
      header: 'Encrypted',
      cell: (s) => encryptedCell(s.encrypted),
      sortingField: 'encrypted',
      minWidth: ENCRYPTED_MIN_WIDTH,
    },
    {
      id: 'kmsKey',
      header: 'KMS Key ID',
      cell: (s) => keyBadge(s.kmsKeyId),
      sortingField: 'kmsKeyId',
      minWidth: KEY_MIN_WIDTH,
    },
    { id: 'description', header: 'Description', cell: (s) => breakable(s.description) },
    { id: 'region', header: 'Region', cell: (s) => breakable(s.region), sortingField: 'region' },
  ];
}

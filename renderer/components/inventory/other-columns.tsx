// Columns of the AMI, key and bucket tables.
import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { BucketRecord, ImageRecord, KeyRecord } from '../../../shared/domain/inventory';
import { blockDeviceKeyText, formatBlockDevices } from '../../../shared/inventory/block-device';
import { keyManagerLabels } from '../../../shared/labels/inventory';
import type { InRegion } from './ec2-columns';
import { hrefForBucket } from '../../routing/s3-route';
import { breakable } from '../breakable-text';
import { KeyBadge } from './key-badge';

// Columns the Preferences dialog offers that the AMI table does not show by default (the rest fit
// beside each other at 1280 px with the navigation open).
export const imageColumnsHidden: readonly string[] = ['owner', 'state'];

// An AMI's keys, beside its block devices: each encrypted device's snapshot key (DescribeImages
// never says it; the scan reads the snapshots), or plainly unknown with the reason.
function ImageKeys({ image, keys }: { image: InRegion<ImageRecord>; keys: ReadonlyMap<string, KeyRecord> }) {
  const encrypted = image.blockDevices.filter((d) => d.encrypted && !d.virtualName);
  if (encrypted.length === 0) return <Box color="text-status-inactive">—</Box>;
  return (
    <SpaceBetween size="xxxs">
      {encrypted.map((d) =>
        d.kmsKeyId ? (
          <KeyBadge key={d.device} keyRef={d.kmsKeyId} keys={keys} region={image.region} />
        ) : (
          <StatusIndicator key={d.device} type="warning">
            {`${d.device}: ${blockDeviceKeyText(d) ?? ''}`}
          </StatusIndicator>
        ),
      )}
    </SpaceBetween>
  );
}

export function imageColumns(
  keys: ReadonlyMap<string, KeyRecord>,
): TableProps.ColumnDefinition<InRegion<ImageRecord>>[] {
  return [
    { id: 'id', header: 'AMI', cell: (i) => breakable(i.id), sortingField: 'id', isRowHeader: true },
    { id: 'name', header: 'Name', cell: (i) => i.name, sortingField: 'name' },
    {
      id: 'blockDevices',
      header: 'Block devices',
      cell: (i) => breakable(formatBlockDevices(i.blockDevices)),
    },
    { id: 'kmsKey', header: 'KMS key (from snapshots)', cell: (i) => <ImageKeys image={i} keys={keys} /> },
    {
      id: 'visibility',
      header: 'Visibility',
      cell: (i) =>
        i.isPublic ? <Badge color="red">public</Badge> : i.owned ? 'private' : <Badge>shared with you</Badge>,
    },
    { id: 'owner', header: 'Owner', cell: (i) => breakable(i.ownerId), sortingField: 'ownerId' },
    { id: 'state', header: 'State', cell: (i) => breakable(i.state), sortingField: 'state' },
    { id: 'region', header: 'Region', cell: (i) => breakable(i.region), sortingField: 'region' },
  ];
}

export function keyColumns(
  keys: ReadonlyMap<string, KeyRecord>,
): TableProps.ColumnDefinition<InRegion<KeyRecord>>[] {
  return [
    {
      id: 'key',
      header: 'Key',
      cell: (k) => <KeyBadge keyRef={k.arn} keys={keys} />,
      sortingField: 'keyId',
      isRowHeader: true,
    },
    { id: 'aliases', header: 'Aliases', cell: (k) => breakable(k.aliases.join(', ')) },
    { id: 'spec', header: 'Spec', cell: (k) => breakable(k.spec), sortingField: 'spec' },
    {
      id: 'manager',
      header: 'Managed by',
      cell: (k) => keyManagerLabels[k.manager],
      sortingField: 'manager',
    },
    {
      id: 'rotation',
      header: 'Rotation',
      cell: (k) => (k.rotation === undefined ? '—' : k.rotation ? 'on' : 'off'),
    },
    { id: 'region', header: 'Region', cell: (k) => breakable(k.region), sortingField: 'region' },
  ];
}

export function bucketColumns(
  keys: ReadonlyMap<string, KeyRecord>,
): TableProps.ColumnDefinition<InRegion<BucketRecord>>[] {
  return [
    { id: 'name', header: 'Bucket', cell: (b) => b.name, sortingField: 'name', isRowHeader: true },
    {
      id: 'encryption',
      header: 'Default encryption',
      cell: (b) =>
        b.encryption ? (
          <StatusIndicator type="success">
            {b.encryption.algorithm === 'AES256' ? 'SSE-S3' : b.encryption.algorithm}
          </StatusIndicator>
        ) : (
          <StatusIndicator type="warning">None</StatusIndicator>
        ),
    },
    {
      id: 'kmsKey',
      header: 'KMS key',
      cell: (b) => <KeyBadge keyRef={b.encryption?.kmsKeyId} keys={keys} region={b.region} />,
    },
    {
      id: 'versioning',
      header: 'Versioning',
      cell: (b) => breakable(b.versioning),
      sortingField: 'versioning',
    },
    { id: 'region', header: 'Region', cell: (b) => breakable(b.region), sortingField: 'region' },
    {
      id: 'objects',
      header: 'Objects',
      // The default encryption above governs only new objects; this opens the ones already there.
      cell: (b) => (
        <Link href={hrefForBucket(b.name)} ariaLabel={`Re-encrypt the objects of ${b.name}`}>
          Re-encrypt objects…
        </Link>
      ),
    },
  ];
}

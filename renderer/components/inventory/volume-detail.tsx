// The seeds' block for one volume ("Volume ID / Snapshot / Encrypted / KMS Key ID"), shown below
// the volume table for the selected row and refreshed with every re-read of the inventory.
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import type { KeyRecord, VolumeRecord } from '../../../shared/domain/inventory';
import { keyIdOf } from '../../../shared/kms/key-reference';
import { encryptedCell } from './ec2-columns';
import { KeyBadge } from './key-badge';

export function VolumeDetail({
  volume,
  keys,
}: {
  readonly volume: VolumeRecord;
  readonly keys: ReadonlyMap<string, KeyRecord>;
}) {
  return (
    <Container header={<Header variant="h2">{volume.name ?? volume.id}</Header>}>
      <KeyValuePairs
        columns={4}
        items={[
          { label: 'Volume ID', value: volume.id },
          { label: 'Snapshot', value: volume.snapshotId ?? '—' },
          { label: 'Encrypted', value: encryptedCell(volume.encrypted) },
          { label: 'KMS Key ID', value: volume.kmsKeyId ? keyIdOf(volume.kmsKeyId) : '—' },
          { label: 'KMS key', value: <KeyBadge keyRef={volume.kmsKeyId} keys={keys} /> },
          { label: 'Size', value: `${volume.sizeGiB} GiB ${volume.type}` },
          { label: 'State', value: volume.state },
          {
            label: 'Attached to',
            value:
              volume.attachments.map((a) => `${a.instanceId} (${a.device}, ${a.state})`).join(', ') || '—',
          },
        ]}
      />
    </Container>
  );
}

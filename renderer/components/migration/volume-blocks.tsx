// Per volume, the seeds' block (Volume ID, Snapshot, Encrypted, KMS Key ID) for the original and
// its replacement, side by side; the KMS Key ID is the full key id, as the EC2 console shows it.
import ColumnLayout from '@cloudscape-design/components/column-layout';
import type { JournalVolume } from '../../../shared/domain/migration';
import { keyIdOf } from '../../../shared/kms/key-reference';

function Block({
  title,
  volumeId,
  snapshotId,
  encrypted,
  keyArn,
}: {
  readonly title: string;
  readonly volumeId: string | undefined;
  readonly snapshotId: string | undefined;
  readonly encrypted: boolean;
  readonly keyArn: string | undefined;
}) {
  return (
    <pre aria-label={title}>
      {`${title}\nVolume ID: ${volumeId ?? '—'}\n Snapshot: ${snapshotId ?? '—'}\n Encrypted: ${encrypted ? 'Encrypted' : 'Not encrypted'}\n KMS Key ID: ${keyArn ? keyIdOf(keyArn) : '—'}`}
    </pre>
  );
}

export function VolumeBlocks({
  volume,
  keyArn,
}: {
  readonly volume: JournalVolume;
  readonly keyArn: string;
}) {
  return (
    <ColumnLayout columns={2}>
      <Block
        title={`${volume.device} original`}
        volumeId={volume.originalVolumeId}
        snapshotId={volume.onlineSnapshotId}
        encrypted={volume.originalEncrypted}
        keyArn={volume.originalKmsKeyArn}
      />
      <Block
        title={`${volume.device} replacement`}
        volumeId={volume.replacementVolumeId}
        snapshotId={volume.finalSnapshotId}
        encrypted={volume.replacementVolumeId !== undefined}
        keyArn={volume.replacementVolumeId ? (volume.replacementKmsKeyArn ?? keyArn) : undefined}
      />
    </ColumnLayout>
  );
}

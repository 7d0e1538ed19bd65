import { describe, expect, it } from 'vitest';
import { defaultRates } from '../../../electron/sandbox/config';
import { ec2Fixture, field, items, launch } from './fixture';

const HOUR = 3_600_000;

function snapshot(f: ReturnType<typeof ec2Fixture>, id: string, region?: string): Record<string, unknown> {
  const s = items(f.call('DescribeSnapshots', { 'SnapshotId.1': id }, region).snapshotSet)[0];
  if (!s) throw new Error(`no snapshot ${id}`);
  return s;
}

// A running instance with a 100 GiB gp3 root volume writing 2 GiB per hour.
function runningVolume(f: ReturnType<typeof ec2Fixture>): string {
  const instanceId = launch(f, {
    'BlockDeviceMapping.1.DeviceName': '/dev/xvda',
    'BlockDeviceMapping.1.Ebs.VolumeSize': '100',
  });
  f.advance(defaultRates.instanceStartMs);
  const volumeId = f.world.instances.get(instanceId)?.blockDevices[0]?.volumeId ?? '';
  const volume = f.world.volumes.get(volumeId);
  if (volume) volume.writeRateGiBPerHour = 2;
  return volumeId;
}

describe('snapshots', () => {
  it('takes a full first snapshot and incremental later ones, with NN% progress', () => {
    const f = ec2Fixture();
    const volumeId = runningVolume(f);
    const first = field<string>(f.call('CreateSnapshot', { VolumeId: volumeId }), 'snapshotId');
    expect(f.world.snapshots.get(first)?.dataGiB).toBe(100);
    expect(snapshot(f, first)).toMatchObject({
      status: 'pending',
      progress: '0%',
      volumeId,
      volumeSize: 100,
    });
    const fullMs = (100 / defaultRates.snapshotGiBPerSecond) * 1000;
    f.advance(fullMs / 2);
    expect(snapshot(f, first).progress).toBe('50%');
    f.advance(fullMs / 2);
    expect(snapshot(f, first)).toMatchObject({ status: 'completed', progress: '100%' });

    f.advance(3 * HOUR);
    const second = field<string>(f.call('CreateSnapshot', { VolumeId: volumeId }), 'snapshotId');
    const data = f.world.snapshots.get(second)?.dataGiB ?? 0;
    // 2 GiB/h over the 3 h plus the first snapshot's ≈ 16.7 min, counted from its start.
    expect(data).toBeCloseTo(2 * (3 + fullMs / HOUR), 5);
  });

  it('does not count writes while the instance is stopped', () => {
    const f = ec2Fixture();
    const volumeId = runningVolume(f);
    f.call('CreateSnapshot', { VolumeId: volumeId });
    const instanceId = f.world.volumes.get(volumeId)?.attachments[0]?.instanceId ?? '';
    f.call('StopInstances', { 'InstanceId.1': instanceId });
    f.advance(10 * HOUR);
    const next = field<string>(f.call('CreateSnapshot', { VolumeId: volumeId }), 'snapshotId');
    expect(f.world.snapshots.get(next)?.dataGiB ?? 99).toBeLessThan(0.1);
  });

  it('copies fully when encrypting, incrementally within a lineage and key, as vol-ffffffff', () => {
    const f = ec2Fixture();
    const volumeId = runningVolume(f);
    const cmk = f.key('Enabled', 'eu-west-1');
    const s1 = field<string>(f.call('CreateSnapshot', { VolumeId: volumeId }), 'snapshotId');
    f.advance(HOUR);
    const copy1 = field<string>(
      f.call(
        'CopySnapshot',
        { SourceRegion: 'us-east-1', SourceSnapshotId: s1, Encrypted: 'true', KmsKeyId: cmk.arn },
        'eu-west-1',
      ),
      'snapshotId',
    );
    expect(snapshot(f, copy1, 'eu-west-1')).toMatchObject({
      volumeId: 'vol-ffffffff',
      encrypted: true,
      kmsKeyId: cmk.arn,
      description: `[Copied ${s1} from us-east-1]`,
    });
    expect(f.world.snapshots.get(copy1)?.dataGiB).toBe(100);
    f.advance(2 * HOUR);
    const s2 = field<string>(f.call('CreateSnapshot', { VolumeId: volumeId }), 'snapshotId');
    f.advance(HOUR);
    const copy2 = field<string>(
      f.call(
        'CopySnapshot',
        { SourceRegion: 'us-east-1', SourceSnapshotId: s2, Encrypted: 'true', KmsKeyId: cmk.arn },
        'eu-west-1',
      ),
      'snapshotId',
    );
    expect(f.world.snapshots.get(copy2)?.dataGiB).toBeLessThan(10);
    const otherKey = f.key('Enabled', 'eu-west-1');
    const copy3 = field<string>(
      f.call(
        'CopySnapshot',
        { SourceRegion: 'us-east-1', SourceSnapshotId: s2, Encrypted: 'true', KmsKeyId: otherKey.arn },
        'eu-west-1',
      ),
      'snapshotId',
    );
    expect(f.world.snapshots.get(copy3)?.dataGiB).toBe(100);
  });

  it('refuses the 21st concurrent CopySnapshot into a region', () => {
    const f = ec2Fixture();
    const image = f.image({ sizeGiB: 500 });
    const source = image.blockDevices[0]?.ebs?.snapshotId ?? '';
    for (let n = 0; n < 20; n++)
      f.call('CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: source }, 'us-west-2');
    expect(
      f.fail('CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: source }, 'us-west-2'),
    ).toMatchObject({
      code: 'ResourceLimitExceeded',
      message: 'Too many snapshot copies in progress. The limit is 20 for this destination region.',
    });
    // Another destination region has its own 20.
    expect(
      f.call('CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: source }, 'eu-west-1').snapshotId,
    ).toBeTruthy();
  });

  it('accepts a copy under a disabled key or one that does not resolve, and errs it afterwards', () => {
    // EC2 API reference, CopySnapshot KmsKeyId: authenticated asynchronously, the call "can appear
    // to complete, but eventually fails"; Snapshot.StateMessage carries why.
    const f = ec2Fixture();
    const source = f.image().blockDevices[0]?.ebs?.snapshotId ?? '';
    const disabled = f.key('Disabled');
    const copyParams = { SourceRegion: 'us-east-1', SourceSnapshotId: source, Encrypted: 'true' };
    const refused = field<string>(
      f.call('CopySnapshot', { ...copyParams, KmsKeyId: disabled.arn }),
      'snapshotId',
    );
    f.advance(60_000);
    expect(snapshot(f, refused)).toMatchObject({
      status: 'error',
      statusMessage: 'The KMS key provided is in an incorrect state',
    });
    const copy = field<string>(
      f.call('CopySnapshot', { ...copyParams, KmsKeyId: '0f0e0d0c-0b0a-4908-8706-050403020100' }),
      'snapshotId',
    );
    expect(snapshot(f, copy).status).toBe('pending');
    f.advance(60_000);
    expect(snapshot(f, copy)).toMatchObject({
      status: 'error',
      statusMessage: 'Given key ID is not accessible',
    });
  });

  it('paginates, filters by owner and refuses to delete a snapshot an AMI uses', () => {
    const f = ec2Fixture();
    const mine = f.image();
    f.image({ ownerId: '210987654321', isPublic: true });
    expect(items(f.call('DescribeSnapshots', { 'Owner.1': 'self' }).snapshotSet)).toHaveLength(1);
    expect(items(f.call('DescribeSnapshots').snapshotSet)).toHaveLength(2);
    expect(
      f.fail('DescribeSnapshots', { MaxResults: '1001', 'SnapshotId.1': 'snap-0123456789abcdef0' }).code,
    ).toBe('InvalidParameterCombination');
    const used = mine.blockDevices[0]?.ebs?.snapshotId ?? '';
    expect(f.fail('DeleteSnapshot', { SnapshotId: used }).code).toBe('InvalidSnapshot.InUse');
    expect(f.fail('DescribeSnapshots', { 'SnapshotId.1': 'snap-0123456789abcdef0' })).toMatchObject({
      code: 'InvalidSnapshot.NotFound',
      message: "The snapshot 'snap-0123456789abcdef0' does not exist.",
    });
  });
});

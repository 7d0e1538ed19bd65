import { describe, expect, it } from 'vitest';
import { defaultRates } from '../../../electron/sandbox/config';
import { ec2Fixture, field, items, launch } from './fixture';

const AZ = 'us-east-1a';

function createVolume(f: ReturnType<typeof ec2Fixture>, params: Record<string, string> = {}): string {
  return field<string>(f.call('CreateVolume', { AvailabilityZone: AZ, Size: '10', ...params }), 'volumeId');
}

function volume(f: ReturnType<typeof ec2Fixture>, id: string): Record<string, unknown> {
  const v = items(f.call('DescribeVolumes', { 'VolumeId.1': id }).volumeSet)[0];
  if (!v) throw new Error(`no volume ${id}`);
  return v;
}

describe('volumes', () => {
  it('goes creating → available after volumeCreateMs', () => {
    const f = ec2Fixture();
    const id = createVolume(f);
    expect(volume(f, id).status).toBe('creating');
    f.advance(defaultRates.volumeCreateMs);
    expect(volume(f, id)).toMatchObject({
      status: 'available',
      size: 10,
      volumeType: 'gp2',
      encrypted: false,
      iops: 100,
    });
  });

  it('attaches and detaches through attaching/attached and detaching', () => {
    const f = ec2Fixture();
    const instanceId = launch(f);
    const id = createVolume(f);
    f.advance(defaultRates.instanceStartMs);
    const attach = f.call('AttachVolume', { VolumeId: id, InstanceId: instanceId, Device: '/dev/sdf' });
    expect(attach.status).toBe('attaching');
    expect(volume(f, id).status).toBe('in-use');
    f.advance(defaultRates.attachMs);
    expect(items(volume(f, id).attachmentSet)[0]).toMatchObject({
      status: 'attached',
      instanceId,
      device: '/dev/sdf',
    });
    expect(f.fail('DeleteVolume', { VolumeId: id })).toMatchObject({
      code: 'VolumeInUse',
      message: `Volume ${id} is currently attached to ${instanceId}`,
    });
    expect(f.call('DetachVolume', { VolumeId: id }).status).toBe('detaching');
    f.advance(defaultRates.detachMs);
    expect(volume(f, id)).toMatchObject({ status: 'available', attachmentSet: { item: [] } });
    expect(f.call('DeleteVolume', { VolumeId: id })).toEqual({ return: true });
    expect(f.fail('DescribeVolumes', { 'VolumeId.1': id })).toMatchObject({
      code: 'InvalidVolume.NotFound',
      message: `The volume '${id}' does not exist.`,
    });
  });

  it('refuses attachments EC2 refuses', () => {
    const f = ec2Fixture();
    const instanceId = launch(f);
    f.advance(defaultRates.instanceStartMs);
    const other = createVolume(f, { AvailabilityZone: 'us-east-1b' });
    const creating = createVolume(f);
    expect(f.fail('AttachVolume', { VolumeId: other, InstanceId: instanceId, Device: '/dev/sdg' }).code).toBe(
      'InvalidVolume.ZoneMismatch',
    );
    expect(
      f.fail('AttachVolume', { VolumeId: creating, InstanceId: instanceId, Device: '/dev/sdg' }),
    ).toMatchObject({
      code: 'IncorrectState',
      message: `${creating} is not 'available'.`,
    });
    f.advance(defaultRates.volumeCreateMs);
    expect(
      f.fail('AttachVolume', { VolumeId: creating, InstanceId: instanceId, Device: '/dev/xvda' }).code,
    ).toBe('InvalidParameterValue');
    f.call('AttachVolume', { VolumeId: creating, InstanceId: instanceId, Device: '/dev/sdg' });
    expect(
      f.fail('AttachVolume', { VolumeId: creating, InstanceId: instanceId, Device: '/dev/sdh' }).code,
    ).toBe('VolumeInUse');
    const root = f.world.instances.get(instanceId)?.blockDevices[0]?.volumeId ?? '';
    expect(f.fail('DetachVolume', { VolumeId: root })).toMatchObject({ code: 'IncorrectState' });
    expect(f.fail('DescribeVolumes', { 'VolumeId.1': 'vol-xyz' }).code).toBe('InvalidVolumeID.Malformed');
  });

  it('paginates with AWS bounds and refuses ids with MaxResults', () => {
    const f = ec2Fixture();
    for (let n = 0; n < 7; n++) createVolume(f);
    expect(f.fail('DescribeVolumes', { MaxResults: '4' })).toMatchObject({ code: 'InvalidParameterValue' });
    const first = f.call('DescribeVolumes', { MaxResults: '5' });
    expect(items(first.volumeSet)).toHaveLength(5);
    const second = f.call('DescribeVolumes', { MaxResults: '5', NextToken: String(first.nextToken) });
    expect(items(second.volumeSet)).toHaveLength(2);
    expect(second.nextToken).toBeUndefined();
    const id = field<string>(items(first.volumeSet)[0], 'volumeId');
    expect(f.fail('DescribeVolumes', { 'VolumeId.1': id, MaxResults: '5' })).toMatchObject({
      code: 'InvalidParameterCombination',
      message: 'The parameter volumeSet cannot be used with the parameter maxResults',
    });
  });

  it('filters by tags, state and wildcards, and rejects unknown filters', () => {
    const f = ec2Fixture();
    const tagged = createVolume(f, {
      'TagSpecification.1.ResourceType': 'volume',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': 'etcd-data-1',
    });
    createVolume(f);
    const byTag = f.call('DescribeVolumes', { 'Filter.1.Name': 'tag:Name', 'Filter.1.Value.1': 'etcd-*' });
    expect(items(byTag.volumeSet).map((v) => v.volumeId)).toEqual([tagged]);
    const byKey = f.call('DescribeVolumes', {
      'Filter.1.Name': 'tag-key',
      'Filter.1.Value.1': 'Name',
      'Filter.2.Name': 'status',
      'Filter.2.Value.1': 'creating',
    });
    expect(items(byKey.volumeSet)).toHaveLength(1);
    expect(f.fail('DescribeVolumes', { 'Filter.1.Name': 'bogus', 'Filter.1.Value.1': 'x' }).code).toBe(
      'InvalidParameterValue',
    );
  });

  it('returns the same volume for a repeated ClientToken', () => {
    const f = ec2Fixture();
    const a = createVolume(f, { ClientToken: 'tok-1' });
    const b = createVolume(f, { ClientToken: 'tok-1' });
    expect(b).toBe(a);
    expect(f.world.volumes.size).toBe(1);
  });
});

describe('volume encryption', () => {
  it('encrypts under aws/ebs created on first use, or the region default key', () => {
    const f = ec2Fixture();
    const id = createVolume(f, { Encrypted: 'true' });
    const v = volume(f, id);
    expect(v.encrypted).toBe(true);
    const awsEbs = [...f.world.kmsAliases.values()].find((a) => a.aliasName === 'alias/aws/ebs');
    expect(String(v.kmsKeyId)).toContain(awsEbs?.targetKeyId ?? 'missing');

    const cmk = f.key();
    f.call('EnableEbsEncryptionByDefault');
    f.call('ModifyEbsDefaultKmsKeyId', { KmsKeyId: cmk.keyId });
    const byDefault = volume(f, createVolume(f, { Encrypted: 'false' }));
    expect(byDefault).toMatchObject({ encrypted: true, kmsKeyId: cmk.arn });
  });

  it('keeps an encrypted snapshot encrypted and may encrypt an unencrypted one', () => {
    const f = ec2Fixture();
    const cmk = f.key();
    const enc = f.image({ encrypted: true, kmsKeyArn: cmk.arn });
    const plain = f.image();
    const encSnap = enc.blockDevices[0]?.ebs?.snapshotId ?? '';
    const plainSnap = plain.blockDevices[0]?.ebs?.snapshotId ?? '';
    expect(volume(f, createVolume(f, { SnapshotId: encSnap, Size: '8' }))).toMatchObject({
      encrypted: true,
      kmsKeyId: cmk.arn,
    });
    expect(
      volume(f, createVolume(f, { SnapshotId: plainSnap, Encrypted: 'true', Size: '8' })).encrypted,
    ).toBe(true);
    expect(volume(f, createVolume(f, { SnapshotId: plainSnap, Size: '8' })).encrypted).toBe(false);
    expect(f.fail('CreateVolume', { AvailabilityZone: AZ, Size: '10', KmsKeyId: cmk.keyId }).code).toBe(
      'InvalidParameterDependency',
    );
    expect(f.fail('CreateVolume', { AvailabilityZone: AZ, SnapshotId: plainSnap, Size: '4' }).code).toBe(
      'InvalidParameterValue',
    );
  });

  it('accepts a disabled, pending-deletion or unknown key and drops the volume afterwards', () => {
    // EC2 API reference, CreateVolume KmsKeyId: the key is authenticated asynchronously, so the
    // call "can appear to complete, but eventually fails".
    const f = ec2Fixture();
    for (const state of ['Disabled', 'PendingDeletion'] as const) {
      const key = f.key(state);
      const id = createVolume(f, { Encrypted: 'true', KmsKeyId: key.arn });
      expect(volume(f, id)).toMatchObject({ status: 'creating', kmsKeyId: key.arn });
      f.advance(defaultRates.volumeCreateMs);
      expect(volume(f, id).status).toBe('deleted');
      f.advance(60 * 60_000);
      expect(f.fail('DescribeVolumes', { 'VolumeId.1': id }).code).toBe('InvalidVolume.NotFound');
    }
    // A key whose policy lets nobody use it through EC2: accepted too, dropped the same way.
    const locked = f.key();
    locked.policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }],
    });
    const denied = createVolume(f, { Encrypted: 'true', KmsKeyId: locked.arn });
    expect(volume(f, denied).status).toBe('creating');
    f.advance(defaultRates.volumeCreateMs);
    expect(volume(f, denied).status).toBe('deleted');
    const id = createVolume(f, { Encrypted: 'true', KmsKeyId: '0f0e0d0c-0b0a-4908-8706-050403020100' });
    expect(volume(f, id).status).toBe('creating');
    f.advance(defaultRates.volumeCreateMs);
    expect(volume(f, id).status).toBe('deleted');
  });
});

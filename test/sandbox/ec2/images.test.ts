import { describe, expect, it } from 'vitest';
import { defaultRates } from '../../../electron/sandbox/config';
import { ec2Fixture, field, items, launch, OTHER_ACCOUNT } from './fixture';

function image(f: ReturnType<typeof ec2Fixture>, id: string, region?: string): Record<string, unknown> {
  const i = items(f.call('DescribeImages', { 'ImageId.1': id }, region).imagesSet)[0];
  if (!i) throw new Error(`no image ${id}`);
  return i;
}

describe('images', () => {
  it('CreateImage stays pending until its snapshots complete plus imageRegisterMs', () => {
    const f = ec2Fixture();
    const instanceId = launch(f);
    f.advance(defaultRates.instanceStartMs);
    const imageId = field<string>(
      f.call('CreateImage', { InstanceId: instanceId, Name: 'controller-backup' }),
      'imageId',
    );
    const created = image(f, imageId);
    expect(created).toMatchObject({
      imageState: 'pending',
      name: 'controller-backup',
      imageOwnerId: '123456789012',
      isPublic: false,
    });
    const snapshotId = field<string>(items(created.blockDeviceMapping)[0], 'ebs', 'snapshotId');
    expect(f.world.snapshots.get(snapshotId)?.description).toBe(
      `Created by CreateImage(${instanceId}) for ${imageId}`,
    );
    f.advance((8 / defaultRates.snapshotGiBPerSecond) * 1000);
    expect(image(f, imageId).imageState).toBe('pending');
    f.advance(defaultRates.imageRegisterMs);
    expect(image(f, imageId).imageState).toBe('available');
    expect(f.fail('CreateImage', { InstanceId: instanceId, Name: 'controller-backup' }).code).toBe(
      'InvalidAMIName.Duplicate',
    );
  });

  it('CopyImage copies every snapshot encrypted under the requested key', () => {
    const f = ec2Fixture();
    const source = f.image({
      ownerId: OTHER_ACCOUNT,
      isPublic: true,
      name: 'avi-controller-22.1',
      sizeGiB: 100,
    });
    const cmk = f.key();
    const copyId = field<string>(
      f.call('CopyImage', {
        SourceImageId: source.imageId,
        SourceRegion: 'us-east-1',
        Name: 'controller-encrypted',
        Encrypted: 'true',
        KmsKeyId: cmk.arn,
        ClientToken: 'copy-1',
      }),
      'imageId',
    );
    expect(
      f.call('CopyImage', {
        SourceImageId: source.imageId,
        SourceRegion: 'us-east-1',
        Name: 'controller-encrypted',
        ClientToken: 'copy-1',
      }).imageId,
    ).toBe(copyId);
    const copy = image(f, copyId);
    const ebs = field<Record<string, unknown>>(items(copy.blockDeviceMapping)[0], 'ebs');
    expect(copy).toMatchObject({
      imageState: 'pending',
      imageOwnerId: '123456789012',
      sourceImageId: source.imageId,
    });
    expect(ebs).toMatchObject({ encrypted: true, volumeSize: 100 });
    // DescribeImages carries no Ebs.KmsKeyId (EbsBlockDevice: RunInstances/RequestSpotInstances only);
    // the key is on the snapshot.
    expect(ebs).not.toHaveProperty('kmsKeyId');
    const described = items(
      f.call('DescribeSnapshots', { 'SnapshotId.1': String(ebs.snapshotId) }).snapshotSet,
    )[0];
    expect(described).toMatchObject({ encrypted: true, kmsKeyId: cmk.arn });
    const snapshot = f.world.snapshots.get(String(ebs.snapshotId));
    expect(snapshot).toMatchObject({ volumeId: 'vol-ffffffff', dataGiB: 100, encrypted: true });
    f.advance((100 / defaultRates.copyGiBPerSecond) * 1000 + defaultRates.imageRegisterMs);
    expect(image(f, copyId).imageState).toBe('available');
  });

  it('CopyImage under a disabled or pending-deletion key is accepted, then fails with a reason', () => {
    // EC2 API reference, CopyImage KmsKeyId: AWS authenticates the key asynchronously, so the call
    // "can appear to complete, but eventually fails".
    const f = ec2Fixture();
    const source = f.image({ sizeGiB: 8 });
    for (const [n, state] of (['Disabled', 'PendingDeletion'] as const).entries()) {
      const key = f.key(state);
      const copyId = field<string>(
        f.call('CopyImage', {
          SourceImageId: source.imageId,
          SourceRegion: 'us-east-1',
          Name: `copy-${n}`,
          Encrypted: 'true',
          KmsKeyId: key.arn,
        }),
        'imageId',
      );
      expect(image(f, copyId).imageState).toBe('pending');
      f.advance(60_000);
      const failed = image(f, copyId);
      expect(failed.imageState).toBe('failed');
      expect(field<string>(failed, 'stateReason', 'message')).toBe(
        'The KMS key provided is in an incorrect state',
      );
      const snapshotId = f.world.images.get(copyId)?.blockDevices[0]?.ebs?.snapshotId ?? '';
      expect(f.world.snapshots.get(snapshotId)?.state).toBe('error');
    }
  });

  it('DescribeImages and DescribeImageAttribute say Encrypted but never the key', () => {
    // EC2 API reference, EbsBlockDevice: KmsKeyId "is only supported on BlockDeviceMapping objects
    // called by RunInstances, RequestSpotFleet, and RequestSpotInstances".
    const f = ec2Fixture();
    const key = f.key();
    const ami = f.image({ encrypted: true, kmsKeyArn: key.arn });
    const mapping = items(image(f, ami.imageId).blockDeviceMapping);
    const attribute = items(
      f.call('DescribeImageAttribute', { ImageId: ami.imageId, Attribute: 'blockDeviceMapping' })
        .blockDeviceMapping,
    );
    for (const bd of [...mapping, ...attribute]) {
      const ebs = field<Record<string, unknown>>(bd, 'ebs');
      expect(ebs.encrypted).toBe(true);
      expect(ebs).not.toHaveProperty('kmsKeyId');
      const snap = items(
        f.call('DescribeSnapshots', { 'SnapshotId.1': String(ebs.snapshotId) }).snapshotSet,
      )[0];
      expect(snap?.kmsKeyId).toBe(key.arn);
    }
    expect(mapping.length).toBeGreaterThan(0);
  });

  it('refuses to make an AMI with encrypted snapshots public, and manages launch permissions', () => {
    const f = ec2Fixture();
    const plain = f.image();
    const encrypted = f.image({ encrypted: true, kmsKeyArn: f.key().arn });
    expect(
      f.fail('ModifyImageAttribute', { ImageId: encrypted.imageId, 'LaunchPermission.Add.1.Group': 'all' }),
    ).toMatchObject({
      code: 'UnsupportedOperation',
      message: 'Encrypted snapshots can’t be shared publicly. Specify another snapshot.',
    });
    f.call('ModifyImageAttribute', {
      ImageId: plain.imageId,
      Attribute: 'launchPermission',
      OperationType: 'add',
      'UserGroup.1': 'all',
      'UserId.1': OTHER_ACCOUNT,
    });
    const perms = f.call('DescribeImageAttribute', { ImageId: plain.imageId, Attribute: 'launchPermission' });
    expect(items(perms.launchPermission)).toEqual([{ group: 'all' }, { userId: OTHER_ACCOUNT }]);
    expect(image(f, plain.imageId).isPublic).toBe(true);
    f.call('ModifyImageAttribute', { ImageId: plain.imageId, 'LaunchPermission.Remove.1.Group': 'all' });
    expect(image(f, plain.imageId).isPublic).toBe(false);
  });

  it('refuses to share an AMI under aws/ebs with another account', () => {
    const f = ec2Fixture();
    const managed = f.key('Enabled', 'us-east-1', 'AWS');
    const ami = f.image({ encrypted: true, kmsKeyArn: managed.arn });
    expect(
      f.fail('ModifyImageAttribute', { ImageId: ami.imageId, 'LaunchPermission.Add.1.UserId': OTHER_ACCOUNT })
        .code,
    ).toBe('InvalidParameter');
  });

  it('describes by owner, name wildcard and public visibility; deregisters', () => {
    const f = ec2Fixture();
    const mine = f.image({ name: 'avi-se-1234' });
    f.image({ ownerId: OTHER_ACCOUNT, isPublic: true, name: 'avi-controller' });
    f.image({ ownerId: OTHER_ACCOUNT, isPublic: false, name: 'private-other' });
    expect(items(f.call('DescribeImages', { 'Owner.1': 'self' }).imagesSet).map((i) => i.imageId)).toEqual([
      mine.imageId,
    ]);
    expect(items(f.call('DescribeImages').imagesSet)).toHaveLength(2);
    expect(
      items(f.call('DescribeImages', { 'Filter.1.Name': 'name', 'Filter.1.Value.1': 'avi-*' }).imagesSet),
    ).toHaveLength(2);
    expect(
      items(f.call('DescribeImages', { 'Filter.1.Name': 'is-public', 'Filter.1.Value.1': 'true' }).imagesSet),
    ).toHaveLength(1);
    expect(f.fail('DescribeImages', { 'ImageId.1': 'ami-0123456789abcdef0' })).toMatchObject({
      code: 'InvalidAMIID.NotFound',
      message: "The image id '[ami-0123456789abcdef0]' does not exist",
    });
    expect(f.fail('DescribeImages', { 'ImageId.1': 'ami-12' }).code).toBe('InvalidAMIID.Malformed');
    expect(f.fail('DescribeImages', { MaxResults: '0' }).code).toBe('InvalidParameterValue');
    f.call('DeregisterImage', { ImageId: mine.imageId });
    // DescribeImages API reference: recently deregistered images stay listed for a short interval
    // (deregistered-images.test.ts follows the rest); nothing can use it any more.
    expect(items(f.call('DescribeImages', { 'ImageId.1': mine.imageId }).imagesSet)[0]?.imageState).toBe(
      'deregistered',
    );
    expect(f.fail('DeregisterImage', { ImageId: mine.imageId }).code).toBe('InvalidAMIID.NotFound');
  });
});

describe('encryption defaults, tags, regions, templates, types', () => {
  it('reports and changes the region default key', () => {
    const f = ec2Fixture();
    expect(f.call('GetEbsEncryptionByDefault').ebsEncryptionByDefault).toBe(false);
    expect(f.call('EnableEbsEncryptionByDefault')).toEqual({ ebsEncryptionByDefault: true });
    // The AWS CLI reference's examples: get answers alias/aws/ebs until a key is chosen, modify
    // and reset answer key ARNs (reset: the AWS managed key's).
    expect(f.call('GetEbsDefaultKmsKeyId').kmsKeyId).toBe('alias/aws/ebs');
    const cmk = f.key();
    expect(f.call('ModifyEbsDefaultKmsKeyId', { KmsKeyId: cmk.keyId }).kmsKeyId).toBe(cmk.arn);
    expect(f.call('GetEbsDefaultKmsKeyId').kmsKeyId).toBe(cmk.arn);
    const reset = String(f.call('ResetEbsDefaultKmsKeyId').kmsKeyId);
    expect(reset).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/);
    const awsEbs = [...f.world.kmsAliases.values()].find((a) => a.aliasName === 'alias/aws/ebs');
    expect(reset).toBe(`arn:aws:kms:us-east-1:123456789012:key/${awsEbs?.targetKeyId}`);
    expect(f.call('GetEbsDefaultKmsKeyId').kmsKeyId).toBe('alias/aws/ebs');
    expect(f.call('GetEbsEncryptionByDefault', {}, 'eu-west-1').ebsEncryptionByDefault).toBe(false);
    expect(f.call('DisableEbsEncryptionByDefault')).toEqual({ ebsEncryptionByDefault: false });
  });

  it('tags resources and describes tags with filters', () => {
    const f = ec2Fixture();
    const ami = f.image();
    f.call('CreateTags', { 'ResourceId.1': ami.imageId, 'Tag.1.Key': 'team', 'Tag.1.Value': 'lb' });
    const tags = f.call('DescribeTags', { 'Filter.1.Name': 'resource-type', 'Filter.1.Value.1': 'image' });
    expect(items(tags.tagSet)).toEqual([
      { resourceId: ami.imageId, resourceType: 'image', key: 'team', value: 'lb' },
    ]);
    expect(
      f.fail('CreateTags', { 'ResourceId.1': 'vol-0123456789abcdef0', 'Tag.1.Key': 'a', 'Tag.1.Value': 'b' })
        .code,
    ).toBe('InvalidVolume.NotFound');
  });

  it('lists regions, zones and instance types', () => {
    const f = ec2Fixture();
    const regions = items(f.call('DescribeRegions').regionInfo).map((r) => r.regionName);
    expect(regions).toContain('eu-west-1');
    expect(regions).not.toContain('af-south-1');
    expect(
      items(f.call('DescribeRegions', { AllRegions: 'true' }).regionInfo).map((r) => r.regionName),
    ).toContain('af-south-1');
    expect(items(f.call('DescribeAvailabilityZones').availabilityZoneInfo)).toHaveLength(3);
    const m1 = items(f.call('DescribeInstanceTypes', { 'InstanceType.1': 'm1.small' }).instanceTypeSet)[0];
    // EBS user guide, "Supported instance types": every current and previous generation type.
    expect(field(m1, 'ebsInfo', 'encryptionSupport')).toBe('supported');
    expect(f.fail('DescribeInstanceTypes', { 'InstanceType.1': 'x9.huge' })).toMatchObject({
      code: 'InvalidInstanceType',
      message: 'The following supplied instance types do not exist: [x9.huge]',
    });
  });

  it('describes launch templates and their versions', () => {
    const f = ec2Fixture();
    f.world.launchTemplates.set('lt-0123456789abcdef0', {
      launchTemplateId: 'lt-0123456789abcdef0',
      launchTemplateName: 'kublr-master',
      accountId: '123456789012',
      region: 'us-east-1',
      createTime: 0,
      tags: [],
      versions: [
        {
          versionNumber: 1,
          createTime: 0,
          isDefault: true,
          data: { imageId: 'ami-0123456789abcdef0', instanceType: 't3.large', blockDeviceMappings: [] },
        },
        {
          versionNumber: 2,
          createTime: 1,
          isDefault: false,
          data: {
            instanceType: 't3.large',
            blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: true } }],
          },
        },
      ],
    });
    const t = items(
      f.call('DescribeLaunchTemplates', { 'LaunchTemplateName.1': 'kublr-master' }).launchTemplates,
    )[0];
    expect(t).toMatchObject({ defaultVersionNumber: 1, latestVersionNumber: 2 });
    const latest = items(
      f.call('DescribeLaunchTemplateVersions', {
        LaunchTemplateId: 'lt-0123456789abcdef0',
        'LaunchTemplateVersion.1': '$Latest',
      }).launchTemplateVersionSet,
    );
    expect(latest.map((v) => v.versionNumber)).toEqual([2]);
    expect(f.fail('DescribeLaunchTemplates', { 'LaunchTemplateId.1': 'lt-0aaaaaaaaaaaaaaaa' }).code).toBe(
      'InvalidLaunchTemplateId.NotFound',
    );
  });
});

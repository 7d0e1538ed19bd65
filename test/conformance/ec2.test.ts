// EC2 conformance: the real AWS CLI v2 against the sandbox, for every EC2 operation the sandbox
// serves, asserting that the CLI parses each answer and that the fields tell the world's truth.
// The clock is frozen (speed 0) and moved with the control API, so transitional states are seen.
import { describe, expect, it } from 'vitest';
import { defaultRates } from '../../electron/sandbox/config';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../helpers/sandbox';
import { seedImage } from '../sandbox/ec2/fixture';

const sandbox = withSandbox({ speed: 0 });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ec2 = (...args: string[]) => runAwsCli<Record<string, any>>(['ec2', ...args], sandbox.env);
const advance = (ms: number) => sandbox.control.advanceClock(ms);

describe('aws ec2 against the sandbox', () => {
  it('regions, zones and instance types', async () => {
    const regions = await ec2('describe-regions');
    expect(regions.Regions.map((r: { RegionName: string }) => r.RegionName)).toContain('us-east-1');
    expect(regions.Regions[0]).toHaveProperty('Endpoint');
    const zones = await ec2('describe-availability-zones');
    expect(zones.AvailabilityZones[0]).toMatchObject({
      ZoneName: 'us-east-1a',
      State: 'available',
      RegionName: 'us-east-1',
    });
    const types = await ec2('describe-instance-types', '--instance-types', 'm1.small', 't3.micro');
    const m1 = types.InstanceTypes.find((t: { InstanceType: string }) => t.InstanceType === 'm1.small');
    // EBS user guide, "Supported instance types": every current and previous generation type.
    expect(m1.EbsInfo.EncryptionSupport).toBe('supported');
  });

  it('instances, volumes, snapshots, images, tags and attributes', async () => {
    const ami = seedImage(sandbox.handle.world, { name: 'controller-base' });
    const run = await ec2(
      'run-instances',
      '--image-id',
      ami.imageId,
      '--instance-type',
      't3.micro',
      '--count',
      '1',
      '--tag-specifications',
      'ResourceType=instance,Tags=[{Key=Name,Value=ctrl-1}]',
      '--client-token',
      'cli-run-1',
    );
    const instanceId = run.Instances[0].InstanceId as string;
    expect(run.Instances[0]).toMatchObject({
      ImageId: ami.imageId,
      State: { Code: 0, Name: 'pending' },
      InstanceType: 't3.micro',
    });
    advance(defaultRates.instanceStartMs);
    const described = await ec2('describe-instances', '--filters', 'Name=tag:Name,Values=ctrl-*');
    const instance = described.Reservations[0].Instances[0];
    expect(instance).toMatchObject({
      InstanceId: instanceId,
      State: { Name: 'running' },
      Placement: { AvailabilityZone: 'us-east-1a' },
    });
    expect(instance.BlockDeviceMappings[0].Ebs.VolumeId).toMatch(/^vol-/);
    expect(instance.Tags).toEqual([{ Key: 'Name', Value: 'ctrl-1' }]);
    const status = await ec2('describe-instance-status', '--instance-ids', instanceId);
    expect(status.InstanceStatuses[0]).toMatchObject({
      InstanceId: instanceId,
      InstanceState: { Name: 'running' },
      InstanceStatus: { Status: 'ok' },
    });

    const created = await ec2(
      'create-volume',
      '--availability-zone',
      'us-east-1a',
      '--size',
      '20',
      '--volume-type',
      'gp3',
    );
    expect(created).toMatchObject({
      State: 'creating',
      Size: 20,
      VolumeType: 'gp3',
      Iops: 3000,
      Throughput: 125,
      Encrypted: false,
    });
    const volumeId = created.VolumeId as string;
    advance(defaultRates.volumeCreateMs);
    const attach = await ec2(
      'attach-volume',
      '--volume-id',
      volumeId,
      '--instance-id',
      instanceId,
      '--device',
      '/dev/sdf',
    );
    expect(attach).toMatchObject({
      State: 'attaching',
      Device: '/dev/sdf',
      InstanceId: instanceId,
      VolumeId: volumeId,
    });
    advance(defaultRates.attachMs);
    const volumes = await ec2(
      'describe-volumes',
      '--filters',
      `Name=attachment.instance-id,Values=${instanceId}`,
      'Name=encrypted,Values=false',
    );
    expect(volumes.Volumes).toHaveLength(2);
    expect(
      volumes.Volumes.find((v: { VolumeId: string }) => v.VolumeId === volumeId).Attachments[0].State,
    ).toBe('attached');
    await ec2(
      'modify-instance-attribute',
      '--instance-id',
      instanceId,
      '--block-device-mappings',
      'DeviceName=/dev/sdf,Ebs={DeleteOnTermination=true}',
    );
    const detach = await ec2('detach-volume', '--volume-id', volumeId);
    expect(detach.State).toBe('detaching');
    advance(defaultRates.detachMs);

    const snap = await ec2('create-snapshot', '--volume-id', volumeId, '--description', 'cli snapshot');
    expect(snap).toMatchObject({
      State: 'pending',
      Progress: '0%',
      VolumeId: volumeId,
      VolumeSize: 20,
      Description: 'cli snapshot',
    });
    advance((20 / defaultRates.snapshotGiBPerSecond) * 1000 * 0.5);
    const half = await ec2('describe-snapshots', '--snapshot-ids', snap.SnapshotId);
    expect(half.Snapshots[0]).toMatchObject({ State: 'pending', Progress: '50%', OwnerId: '123456789012' });
    advance((20 / defaultRates.snapshotGiBPerSecond) * 1000 * 0.5);
    const mine = await ec2('describe-snapshots', '--owner-ids', 'self');
    expect(mine.Snapshots.find((s: { SnapshotId: string }) => s.SnapshotId === snap.SnapshotId).State).toBe(
      'completed',
    );
    const copy = await ec2(
      'copy-snapshot',
      '--source-region',
      'us-east-1',
      '--source-snapshot-id',
      snap.SnapshotId,
      '--encrypted',
    );
    const copied = await ec2('describe-snapshots', '--snapshot-ids', copy.SnapshotId);
    expect(copied.Snapshots[0]).toMatchObject({
      VolumeId: 'vol-ffffffff',
      Encrypted: true,
      State: 'pending',
    });
    expect(copied.Snapshots[0].KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    advance((20 / defaultRates.copyGiBPerSecond) * 1000);
    await ec2('delete-snapshot', '--snapshot-id', copy.SnapshotId);
    await ec2('delete-snapshot', '--snapshot-id', snap.SnapshotId);
    await ec2('delete-volume', '--volume-id', volumeId);

    const image = await ec2('create-image', '--instance-id', instanceId, '--name', 'ctrl-backup');
    expect((await ec2('describe-images', '--image-ids', image.ImageId)).Images[0]).toMatchObject({
      State: 'pending',
      Name: 'ctrl-backup',
    });
    advance((8 / defaultRates.snapshotGiBPerSecond) * 1000 + defaultRates.imageRegisterMs);
    const own = await ec2('describe-images', '--owners', 'self', '--filters', 'Name=name,Values=ctrl-*');
    expect(own.Images[0]).toMatchObject({
      ImageId: image.ImageId,
      State: 'available',
      Public: false,
      OwnerId: '123456789012',
    });
    await ec2(
      'modify-image-attribute',
      '--image-id',
      image.ImageId,
      '--launch-permission',
      'Add=[{Group=all}]',
    );
    const perms = await ec2(
      'describe-image-attribute',
      '--image-id',
      image.ImageId,
      '--attribute',
      'launchPermission',
    );
    expect(perms).toMatchObject({ ImageId: image.ImageId, LaunchPermissions: [{ Group: 'all' }] });
    const copiedImage = await ec2(
      'copy-image',
      '--source-image-id',
      image.ImageId,
      '--source-region',
      'us-east-1',
      '--name',
      'ctrl-enc',
      '--encrypted',
    );
    advance((8 / defaultRates.copyGiBPerSecond) * 1000 + defaultRates.imageRegisterMs);
    const enc = (await ec2('describe-images', '--image-ids', copiedImage.ImageId)).Images[0];
    expect(enc).toMatchObject({ State: 'available', Name: 'ctrl-enc' });
    expect(enc.BlockDeviceMappings[0].Ebs.Encrypted).toBe(true);
    const refused = await runAwsCliRaw(
      [
        'ec2',
        'modify-image-attribute',
        '--image-id',
        copiedImage.ImageId,
        '--launch-permission',
        'Add=[{Group=all}]',
      ],
      sandbox.env,
    );
    expect(refused.stderr).toContain('UnsupportedOperation');
    await ec2('deregister-image', '--image-id', copiedImage.ImageId);

    await ec2('create-tags', '--resources', image.ImageId, '--tags', 'Key=team,Value=lb');
    const tags = await ec2('describe-tags', '--filters', `Name=resource-id,Values=${image.ImageId}`);
    expect(tags.Tags).toEqual([
      { Key: 'team', ResourceId: image.ImageId, ResourceType: 'image', Value: 'lb' },
    ]);

    const stop = await ec2('stop-instances', '--instance-ids', instanceId);
    expect(stop.StoppingInstances[0]).toMatchObject({
      CurrentState: { Name: 'stopping' },
      PreviousState: { Name: 'running' },
    });
    advance(defaultRates.instanceStopMs);
    const start = await ec2('start-instances', '--instance-ids', instanceId);
    expect(start.StartingInstances[0]).toMatchObject({
      CurrentState: { Code: 0, Name: 'pending' },
      PreviousState: { Code: 80, Name: 'stopped' },
    });
    advance(defaultRates.instanceStartMs);
    const terminate = await ec2('terminate-instances', '--instance-ids', instanceId);
    expect(terminate.TerminatingInstances[0]).toMatchObject({
      InstanceId: instanceId,
      CurrentState: { Code: 32, Name: 'shutting-down' },
      PreviousState: { Code: 16, Name: 'running' },
    });
  }, 240_000); // about 35 CLI runs of ~1 s each on a shared machine

  it('encryption by default and the default key', async () => {
    expect(await ec2('get-ebs-encryption-by-default')).toMatchObject({ EbsEncryptionByDefault: false });
    expect(await ec2('enable-ebs-encryption-by-default')).toEqual({ EbsEncryptionByDefault: true });
    // As the CLI reference's get-ebs-default-kms-key-id example answers before a key is chosen.
    expect((await ec2('get-ebs-default-kms-key-id')).KmsKeyId).toBe('alias/aws/ebs');
    const key = await runAwsCli<{ KeyMetadata: { KeyId: string; Arn: string } }>(
      ['kms', 'create-key'],
      sandbox.env,
    );
    expect((await ec2('modify-ebs-default-kms-key-id', '--kms-key-id', key.KeyMetadata.KeyId)).KmsKeyId).toBe(
      key.KeyMetadata.Arn,
    );
    const vol = await ec2('create-volume', '--availability-zone', 'us-east-1b', '--size', '1');
    expect(vol).toMatchObject({ Encrypted: true, KmsKeyId: key.KeyMetadata.Arn });
    // The reset example answers a key ARN: the AWS managed key's, which DescribeKey confirms.
    const reset = (await ec2('reset-ebs-default-kms-key-id')).KmsKeyId as string;
    expect(reset).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    const awsEbs = await runAwsCli<{ KeyMetadata: { Arn: string; KeyManager: string } }>(
      ['kms', 'describe-key', '--key-id', 'alias/aws/ebs'],
      sandbox.env,
    );
    expect(awsEbs.KeyMetadata).toMatchObject({ Arn: reset, KeyManager: 'AWS' });
    expect(await ec2('disable-ebs-encryption-by-default')).toEqual({ EbsEncryptionByDefault: false });
  });

  it('launch templates', async () => {
    sandbox.handle.world.launchTemplates.set('lt-0a1b2c3d4e5f60718', {
      launchTemplateId: 'lt-0a1b2c3d4e5f60718',
      launchTemplateName: 'kublr-node',
      accountId: '123456789012',
      region: 'us-east-1',
      createTime: Date.UTC(2024, 5, 1),
      tags: [],
      versions: [
        {
          versionNumber: 1,
          createTime: Date.UTC(2024, 5, 1),
          isDefault: true,
          data: {
            instanceType: 't3.large',
            blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { volumeSizeGiB: 50, encrypted: false } }],
          },
        },
      ],
    });
    const templates = await ec2('describe-launch-templates', '--launch-template-names', 'kublr-node');
    expect(templates.LaunchTemplates[0]).toMatchObject({
      LaunchTemplateId: 'lt-0a1b2c3d4e5f60718',
      DefaultVersionNumber: 1,
      LatestVersionNumber: 1,
    });
    const versions = await ec2(
      'describe-launch-template-versions',
      '--launch-template-id',
      'lt-0a1b2c3d4e5f60718',
      '--versions',
      '$Latest',
    );
    expect(versions.LaunchTemplateVersions[0].LaunchTemplateData).toMatchObject({
      InstanceType: 't3.large',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 50, Encrypted: false } }],
    });
  });

  it('errors and dry runs come back as EC2 writes them', async () => {
    const missing = await runAwsCliRaw(
      ['ec2', 'describe-volumes', '--volume-ids', 'vol-0123456789abcdef0'],
      sandbox.env,
    );
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toContain('(InvalidVolume.NotFound) when calling the DescribeVolumes operation');
    expect(missing.stderr).toContain(": The volume 'vol-0123456789abcdef0' does not exist.");
    const dry = await runAwsCliRaw(
      ['ec2', 'create-volume', '--availability-zone', 'us-east-1a', '--size', '1', '--dry-run'],
      sandbox.env,
    );
    expect(dry.stderr).toContain('(DryRunOperation) when calling the CreateVolume operation');
    expect(dry.stderr).toContain(': Request would have succeeded, but DryRun flag is set.');
  });
});

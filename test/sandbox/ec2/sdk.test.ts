// EC2 through the real @aws-sdk/client-ec2 (no mocks): the SDK's parser, paginators and waiters
// accept the sandbox's answers.
import {
  CopySnapshotCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
  EC2ServiceException,
  RunInstancesCommand,
  paginateDescribeVolumes,
  waitUntilInstanceRunning,
  waitUntilSnapshotCompleted,
  waitUntilVolumeAvailable,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { withSandbox } from '../../helpers/sandbox';
import { seedImage } from './fixture';

const sandbox = withSandbox();

describe('EC2 through the SDK', () => {
  it('creates, waits for, paginates and copies', async () => {
    const ec2 = new EC2Client(sandbox.sdkConfig);
    const ami = seedImage(sandbox.handle.world, { name: 'sdk-base' });
    const run = await ec2.send(
      new RunInstancesCommand({ ImageId: ami.imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
    );
    const instanceId = run.Instances?.[0]?.InstanceId ?? '';
    await waitUntilInstanceRunning(
      { client: ec2, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { InstanceIds: [instanceId] },
    );

    const ids: string[] = [];
    for (let n = 0; n < 7; n++) {
      const v = await ec2.send(
        new CreateVolumeCommand({
          AvailabilityZone: 'us-east-1a',
          Size: 4,
          TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'batch', Value: 'sdk' }] }],
        }),
      );
      ids.push(v.VolumeId ?? '');
      expect(v.CreateTime).toBeInstanceOf(Date);
    }
    await waitUntilVolumeAvailable(
      { client: ec2, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { VolumeIds: ids },
    );
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeVolumes(
      { client: ec2, pageSize: 5 },
      { Filters: [{ Name: 'tag:batch', Values: ['sdk'] }] },
    )) {
      pages++;
      seen.push(...(page.Volumes ?? []).map((v) => v.VolumeId ?? ''));
    }
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual([...ids].sort());

    const snap = await ec2.send(new CreateSnapshotCommand({ VolumeId: ids[0] }));
    expect(snap.StartTime).toBeInstanceOf(Date);
    await waitUntilSnapshotCompleted(
      { client: ec2, maxWaitTime: 60, minDelay: 1, maxDelay: 1 },
      { SnapshotIds: [snap.SnapshotId ?? ''] },
    );
    const copy = await ec2.send(
      new CopySnapshotCommand({
        SourceRegion: 'us-east-1',
        SourceSnapshotId: snap.SnapshotId,
        Encrypted: true,
      }),
    );
    const described = await ec2.send(new DescribeSnapshotsCommand({ SnapshotIds: [copy.SnapshotId ?? ''] }));
    expect(described.Snapshots?.[0]).toMatchObject({
      VolumeId: 'vol-ffffffff',
      Encrypted: true,
      OwnerId: '123456789012',
    });
  });

  it('surfaces EC2 errors as typed exceptions', async () => {
    const ec2 = new EC2Client(sandbox.sdkConfig);
    const error = await ec2
      .send(new DescribeVolumesCommand({ VolumeIds: ['vol-0123456789abcdef0'] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EC2ServiceException);
    expect(error).toMatchObject({
      name: 'InvalidVolume.NotFound',
      message: "The volume 'vol-0123456789abcdef0' does not exist.",
    });
    const dry = await ec2
      .send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 1, DryRun: true }))
      .catch((e: unknown) => e);
    expect(dry).toMatchObject({ name: 'DryRunOperation', $metadata: { httpStatusCode: 412 } });
  });
});

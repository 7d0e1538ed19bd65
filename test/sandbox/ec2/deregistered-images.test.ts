// A deregistered AMI as the DescribeImages API reference describes it: listed in state
// 'deregistered' for a short interval, then an empty answer for its id, then (once no instance
// references it) InvalidAMIID.NotFound. Nothing else can use it meanwhile.
import { describe, expect, it } from 'vitest';
import {
  DEREGISTERED_FORGOTTEN_MS,
  DEREGISTERED_VISIBLE_MS,
} from '../../../electron/sandbox/ec2/deregistered-images';
import { defaultRates } from '../../../electron/sandbox/config';
import { ec2Fixture, field, items } from './fixture';

const byId = (f: ReturnType<typeof ec2Fixture>, id: string) =>
  items(f.call('DescribeImages', { 'ImageId.1': id }).imagesSet);
const mine = (f: ReturnType<typeof ec2Fixture>) =>
  items(f.call('DescribeImages', { 'Owner.1': 'self' }).imagesSet).map((i) => [i.imageId, i.imageState]);

describe('deregistered images', () => {
  it('are listed as deregistered for a while, then answer empty, then are not found', () => {
    const f = ec2Fixture();
    const image = f.image({ name: 'old-build' });
    const other = f.image({ name: 'kept' });
    expect(f.call('DeregisterImage', { ImageId: image.imageId })).toEqual({ return: true });

    expect(byId(f, image.imageId).map((i) => i.imageState)).toEqual(['deregistered']);
    expect(mine(f)).toContainEqual([image.imageId, 'deregistered']);
    const available = items(
      f.call('DescribeImages', {
        'Owner.1': 'self',
        'Filter.1.Name': 'state',
        'Filter.1.Value.1': 'available',
      }).imagesSet,
    );
    expect(available.map((i) => i.imageId)).toEqual([other.imageId]);

    f.advance(DEREGISTERED_VISIBLE_MS);
    expect(byId(f, image.imageId)).toEqual([]);
    expect(mine(f)).toEqual([[other.imageId, 'available']]);
    // Named together with a live image, only the live one comes back, without an error.
    const both = f.call('DescribeImages', { 'ImageId.1': image.imageId, 'ImageId.2': other.imageId });
    expect(items(both.imagesSet).map((i) => i.imageId)).toEqual([other.imageId]);

    f.advance(DEREGISTERED_FORGOTTEN_MS);
    expect(f.fail('DescribeImages', { 'ImageId.1': image.imageId }).code).toBe('InvalidAMIID.NotFound');
  });

  it('stay an empty answer while an instance launched from them runs', () => {
    const f = ec2Fixture();
    const image = f.image();
    const out = f.call('RunInstances', {
      ImageId: image.imageId,
      InstanceType: 't3.micro',
      MinCount: '1',
      MaxCount: '1',
    });
    const instanceId = field<string>(items(out.instancesSet)[0], 'instanceId');
    f.call('DeregisterImage', { ImageId: image.imageId });
    f.advance(DEREGISTERED_FORGOTTEN_MS * 3);
    expect(byId(f, image.imageId)).toEqual([]);
    f.call('TerminateInstances', { 'InstanceId.1': instanceId });
    f.advance(defaultRates.instanceStopMs * 2);
    expect(f.fail('DescribeImages', { 'ImageId.1': image.imageId }).code).toBe('InvalidAMIID.NotFound');
  });

  it('cannot be launched, copied or deregistered again; their snapshots and name are free', () => {
    const f = ec2Fixture();
    const image = f.image({ name: 'reused-name' });
    f.call('DeregisterImage', { ImageId: image.imageId });
    expect(f.fail('DeregisterImage', { ImageId: image.imageId }).code).toBe('InvalidAMIID.NotFound');
    expect(
      f.fail('RunInstances', {
        ImageId: image.imageId,
        InstanceType: 't3.micro',
        MinCount: '1',
        MaxCount: '1',
      }).code,
    ).toBe('InvalidAMIID.NotFound');
    expect(
      f.fail('CopyImage', { SourceImageId: image.imageId, SourceRegion: 'us-east-1', Name: 'copy' }).code,
    ).toBe('InvalidAMIID.NotFound');
    const snapshotId = image.blockDevices[0]?.ebs?.snapshotId ?? '';
    expect(f.call('DeleteSnapshot', { SnapshotId: snapshotId })).toEqual({ return: true });
    expect(f.image({ name: 'reused-name' }).name).toBe('reused-name');
  });
});

import { describe, expect, it } from 'vitest';
import { AwsError } from '../../electron/sandbox/context';
import { paginate } from '../../electron/sandbox/protocol/paginate';
import {
  readBlockDeviceMappings,
  readFilters,
  readList,
  readMemberList,
  readTagSpecifications,
  requireParam,
} from '../../electron/sandbox/protocol/query-params';

describe('query-params', () => {
  const params = {
    'VolumeId.1': 'vol-a',
    'VolumeId.2': 'vol-b',
    'VolumeId.4': 'vol-gap',
    'Filter.1.Name': 'encrypted',
    'Filter.1.Value.1': 'false',
    'Filter.2.Name': 'tag:Name',
    'Filter.2.Value.1': 'x',
    'Filter.2.Value.2': 'y',
    'TagSpecification.1.ResourceType': 'volume',
    'TagSpecification.1.Tag.1.Key': 'Name',
    'TagSpecification.1.Tag.1.Value': 'data',
    'BlockDeviceMapping.1.DeviceName': '/dev/sda1',
    'BlockDeviceMapping.1.Ebs.Encrypted': 'true',
    'BlockDeviceMapping.1.Ebs.KmsKeyId': 'alias/k',
    'BlockDeviceMapping.1.Ebs.VolumeSize': '40',
    'BlockDeviceMapping.2.DeviceName': '/dev/sdb',
    'BlockDeviceMapping.2.VirtualName': 'ephemeral0',
    'ActionNames.member.1': 'ec2:CreateVolume',
    'ActionNames.member.2': 'kms:CreateGrant',
  };

  it('reads EC2 lists up to the first gap', () => {
    expect(readList(params, 'VolumeId')).toEqual(['vol-a', 'vol-b']);
  });

  it('reads filters, tag specifications and block device mappings', () => {
    expect(readFilters(params)).toEqual([
      { name: 'encrypted', values: ['false'] },
      { name: 'tag:Name', values: ['x', 'y'] },
    ]);
    expect(readTagSpecifications(params)).toEqual([
      { resourceType: 'volume', tags: [{ Key: 'Name', Value: 'data' }] },
    ]);
    const [root, ephemeral] = readBlockDeviceMappings(params);
    expect(root).toMatchObject({
      deviceName: '/dev/sda1',
      ebs: { encrypted: true, kmsKeyId: 'alias/k', volumeSize: 40 },
    });
    expect(ephemeral).toMatchObject({ deviceName: '/dev/sdb', virtualName: 'ephemeral0', ebs: undefined });
  });

  it('reads awsQuery member lists', () => {
    expect(readMemberList(params, 'ActionNames')).toEqual(['ec2:CreateVolume', 'kms:CreateGrant']);
  });

  it('refuses a missing required parameter with MissingParameter', () => {
    expect(() => requireParam(params, 'InstanceId')).toThrow(AwsError);
    expect(() => requireParam(params, 'InstanceId')).toThrow(/InstanceId/);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 12 }, (_, i) => i);
  const bounds = { scope: 'ec2:DescribeVolumes', min: 5, max: 500 };

  it('returns everything without a page size and pages with opaque tokens', () => {
    expect(paginate(items, undefined, undefined, bounds)).toEqual({ items });
    const first = paginate(items, 5, undefined, bounds);
    expect(first.items).toEqual([0, 1, 2, 3, 4]);
    const second = paginate(items, 5, first.nextToken, bounds);
    const third = paginate(items, 5, second.nextToken, bounds);
    expect(third).toEqual({ items: [10, 11] });
  });

  it('validates MaxResults like EC2 and clamps above the maximum', () => {
    expect(() => paginate(items, 1, undefined, bounds)).toThrow(/Expecting a value greater than 5/);
    expect(paginate(items, 5000, undefined, { ...bounds, max: 10 }).items).toHaveLength(10);
    expect(() => paginate(items, 5000, undefined, { ...bounds, aboveMax: 'reject' })).toThrow(AwsError);
  });

  it('refuses garbage tokens and tokens of another operation', () => {
    const { nextToken } = paginate(items, 5, undefined, bounds);
    expect(() => paginate(items, 5, 'garbage', bounds)).toThrow(/pagination token/);
    expect(() => paginate(items, 5, nextToken, { ...bounds, scope: 'ec2:DescribeSnapshots' })).toThrow(
      AwsError,
    );
  });
});

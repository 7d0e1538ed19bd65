// The seeds' block-device line, and the key beside it (an AMI's key is its snapshot's).
import { describe, expect, it } from 'vitest';
import {
  blockDeviceKeyText,
  formatBlockDevice,
  formatBlockDeviceWithKey,
} from '../../../shared/inventory/block-device';

const ARN = 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const base = {
  device: '/dev/sda1',
  snapshotId: 'snap-091b3e473091b8a0d',
  sizeGiB: 64,
  deleteOnTermination: true,
  volumeType: 'standard',
};

describe('block-device line', () => {
  it('keeps the seed form exactly and shows the key beside it', () => {
    const device = { ...base, encrypted: true, kmsKeyId: ARN };
    expect(formatBlockDevice(device)).toBe('/dev/sda1=snap-091b3e473091b8a0d:64:true:standard:encrypted');
    expect(formatBlockDeviceWithKey(device)).toBe(
      '/dev/sda1=snap-091b3e473091b8a0d:64:true:standard:encrypted (key 1234abcd-12ab-34cd-56ef-1234567890ab)',
    );
    expect(formatBlockDeviceWithKey(device, () => 'alias/avi-cmk')).toMatch(/\(key alias\/avi-cmk\)$/);
  });

  it('says plainly when the key is unknown, and nothing for unencrypted or instance store', () => {
    const unknown = {
      ...base,
      encrypted: true,
      kmsKeyUnknown: 'its snapshot is not visible to this account',
    };
    expect(blockDeviceKeyText(unknown)).toBe('key unknown: its snapshot is not visible to this account');
    expect(blockDeviceKeyText({ ...base, encrypted: false })).toBeUndefined();
    expect(formatBlockDeviceWithKey({ device: '/dev/sdb', virtualName: 'ephemeral0' })).toBe(
      '/dev/sdb=ephemeral0',
    );
  });
});

// Block devices in the form the EC2 console printed and the seeds quote:
// `/dev/sda1=snap-091b3e473091b8a0d:64:true:standard:encrypted`
// (device=snapshot:size GiB:delete on termination:volume type:encryption), and
// `/dev/sdb=ephemeral0` for instance store.
import type { BlockDevice, EncryptionSummary } from '../domain/inventory';
import { keyIdOf } from '../kms/key-reference';

export function formatBlockDevice(device: BlockDevice): string {
  if (device.virtualName) return `${device.device}=${device.virtualName}`;
  const parts = [
    device.snapshotId ?? '',
    device.sizeGiB === undefined ? '' : String(device.sizeGiB),
    device.deleteOnTermination === undefined ? '' : String(device.deleteOnTermination),
    device.volumeType ?? '',
    device.encrypted ? 'encrypted' : 'unencrypted',
  ];
  return `${device.device}=${parts.join(':')}`;
}

export function formatBlockDevices(devices: readonly BlockDevice[]): string {
  return devices.map(formatBlockDevice).join(', ');
}

// The key shown beside an encrypted device's line: the key as `label` names it (an AMI's key is
// its snapshot's), or plainly unknown with the reason when the snapshot could not be read.
export function blockDeviceKeyText(
  device: BlockDevice,
  label: (keyRef: string) => string = keyIdOf,
): string | undefined {
  if (!device.encrypted || device.virtualName) return undefined;
  if (device.kmsKeyId) return `key ${label(device.kmsKeyId)}`;
  return `key unknown: ${device.kmsKeyUnknown ?? 'not read'}`;
}

// The seed's line with the key beside it: `/dev/sda1=snap-…:64:true:standard:encrypted (key …)`.
export function formatBlockDeviceWithKey(
  device: BlockDevice,
  label: (keyRef: string) => string = keyIdOf,
): string {
  const key = blockDeviceKeyText(device, label);
  return key ? `${formatBlockDevice(device)} (${key})` : formatBlockDevice(device);
}

// all / partial / none over a list of encryption flags ('unknown' when one is missing).
export function summarizeEncryption(flags: readonly (boolean | undefined)[]): EncryptionSummary {
  if (flags.length === 0) return 'none';
  if (flags.some((f) => f === undefined)) return 'unknown';
  const encrypted = flags.filter(Boolean).length;
  if (encrypted === flags.length) return 'all';
  return encrypted === 0 ? 'none' : 'partial';
}

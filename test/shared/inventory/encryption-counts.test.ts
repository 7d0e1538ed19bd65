// The Overview's images bar counts what the AMIs tab lists: the caller's AMIs and the public or
// shared AMIs its instances run from, with one rule (issue L item 3).
import { describe, expect, it } from 'vitest';
import type { ImageRecord, RegionInventory } from '../../../shared/domain/inventory';
import { encryptionCounts } from '../../../shared/inventory/encryption-counts';

const image = (id: string, owned: boolean, encrypted: boolean[]): ImageRecord => ({
  id,
  name: id,
  state: 'available',
  ownerId: owned ? '123456789012' : '999999999999',
  owned,
  isPublic: !owned,
  blockDevices: encrypted.map((e, n) => ({
    device: `/dev/sd${'abc'[n]}`,
    snapshotId: `snap-${id}-${n}`,
    encrypted: e,
  })),
});

const region = (images: ImageRecord[]): RegionInventory => ({
  account: '123456789012',
  region: 'us-west-2',
  scannedAt: 0,
  source: 'live',
  instances: [],
  volumes: [],
  snapshots: [],
  images,
  launchTemplates: [],
  autoScalingGroups: [],
  keys: [],
  buckets: [],
  errors: [],
});

describe('encryptionCounts: images', () => {
  it('counts every listed AMI, including the public one the instances run from', () => {
    const images = [
      ...[1, 2, 3, 4, 5].map((n) => image(`ami-own${n}`, true, [true])),
      image('ami-public-controller', false, [false, false]),
      image('ami-mixed', true, [true, false]),
    ];
    const counts = encryptionCounts(region(images)).find((c) => c.kind === 'images')!;
    expect(counts).toMatchObject({ encrypted: 5, partial: 1, unencrypted: 1 });
    expect(counts.encrypted + counts.partial + counts.unencrypted).toBe(images.length);
  });
});

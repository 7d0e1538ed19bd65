// Encrypted versus unencrypted per region and kind: what the Overview chart draws and the CLI
// table sums. Pure, over the inventory records.
import type { ImageRecord, RegionInventory } from '../domain/inventory';

export type CountedKind = 'instances' | 'volumes' | 'snapshots' | 'images' | 'buckets';
export const countedKinds: readonly CountedKind[] = [
  'instances',
  'volumes',
  'snapshots',
  'images',
  'buckets',
];

export interface EncryptionCount {
  readonly region: string;
  readonly kind: CountedKind;
  readonly encrypted: number;
  // Instances: some volumes encrypted, not all. AMIs: some snapshots encrypted.
  readonly partial: number;
  readonly unencrypted: number;
}

// Every AMI the AMIs tab lists is counted, the caller's and those of other accounts its instances
// run from (public or shared): the chart and the table agree on one rule.
export function imageEncryptionState(image: ImageRecord): 'encrypted' | 'partial' | 'unencrypted' {
  const ebs = image.blockDevices.filter((d) => d.snapshotId !== undefined);
  const encrypted = ebs.filter((d) => d.encrypted).length;
  return ebs.length > 0 && encrypted === ebs.length ? 'encrypted' : encrypted > 0 ? 'partial' : 'unencrypted';
}

export function encryptionCounts(region: RegionInventory): EncryptionCount[] {
  const count = (
    kind: CountedKind,
    states: readonly ('encrypted' | 'partial' | 'unencrypted')[],
  ): EncryptionCount => ({
    region: region.region,
    kind,
    encrypted: states.filter((s) => s === 'encrypted').length,
    partial: states.filter((s) => s === 'partial').length,
    unencrypted: states.filter((s) => s === 'unencrypted').length,
  });
  return [
    count(
      'instances',
      region.instances.map((i) =>
        i.encryption === 'all' ? 'encrypted' : i.encryption === 'partial' ? 'partial' : 'unencrypted',
      ),
    ),
    count(
      'volumes',
      region.volumes.map((v) => (v.encrypted ? 'encrypted' : 'unencrypted')),
    ),
    count(
      'snapshots',
      region.snapshots.map((s) => (s.encrypted ? 'encrypted' : 'unencrypted')),
    ),
    count('images', region.images.map(imageEncryptionState)),
    // SSE-S3 counts as encrypted at rest; the diagnostics say whether it is the key one wants.
    count(
      'buckets',
      region.buckets.map((b) => (b.encryption ? 'encrypted' : 'unencrypted')),
    ),
  ];
}

// The yardsticks of P1, computed from what the scan found: the minimal number of calls (every list
// in pages of the largest allowed size, one DescribeKey per key, rotation where it applies, two
// reads per bucket) and the lower bound on wall time (the longest chain of calls that must follow
// one another, at the allowed concurrency, times the latency of one call).
import type { RegionInventory } from '../../shared/domain/inventory';
import { MAX_PAGE, type ScanConcurrency } from '../../electron/core/inventory/scan-clients';

const pages = (n: number, size: number): number => Math.max(1, Math.ceil(n / size));

export interface Yardsticks {
  readonly minimalCalls: number;
  readonly chain: number; // calls in the longest sequential chain
}

const rotationApplies = (k: RegionInventory['keys'][number]): boolean =>
  k.manager === 'CUSTOMER' &&
  k.spec === 'SYMMETRIC_DEFAULT' &&
  (k.state === 'Enabled' || k.state === 'Disabled');

export function yardsticks(regions: readonly RegionInventory[], c: ScanConcurrency): Yardsticks {
  let minimalCalls = 1; // ListBuckets, once for the account
  let chain = 0;
  for (const r of regions) {
    const owned = r.images.filter((i) => i.owned).length;
    const foreign = r.images.length - owned;
    const aliases = r.keys.reduce((n, k) => n + k.aliases.length, 0);
    const rotations = r.keys.filter(rotationApplies).length;
    const calls = {
      instances: pages(r.instances.length, MAX_PAGE.describeInstances),
      volumes: pages(r.volumes.length, MAX_PAGE.describeVolumes),
      snapshots: pages(r.snapshots.length, MAX_PAGE.describeSnapshots),
      images: pages(owned, MAX_PAGE.describeImages) + (foreign > 0 ? 1 : 0),
      launchTemplates:
        pages(r.launchTemplates.length, MAX_PAGE.describeLaunchTemplates) +
        (r.launchTemplates.length > 0 ? 1 : 0),
      autoScalingGroups: pages(r.autoScalingGroups.length, MAX_PAGE.describeAutoScalingGroups),
      keys:
        pages(r.keys.length, MAX_PAGE.listKeys) +
        pages(aliases, MAX_PAGE.listAliases) +
        r.keys.length +
        rotations,
      ebsDefaults: 2,
      buckets: 2 * r.buckets.length,
    };
    minimalCalls += Object.values(calls).reduce((a, b) => a + b, 0);
    const keyRounds = Math.ceil(r.keys.length / c.keyLookups) * (rotations > 0 ? 2 : 1);
    const chains = [
      calls.instances,
      calls.volumes,
      calls.snapshots,
      pages(owned, MAX_PAGE.describeImages) + (foreign > 0 ? 1 : 0),
      calls.launchTemplates,
      calls.autoScalingGroups,
      Math.max(pages(r.keys.length, MAX_PAGE.listKeys), pages(aliases, MAX_PAGE.listAliases)) + keyRounds,
      1,
      1 + Math.ceil(r.buckets.length / c.bucketLookups),
    ];
    chain = Math.max(chain, ...chains);
  }
  return { minimalCalls, chain };
}

// Pagination edges: an empty region, exactly one full page, one item past a page boundary. The
// scanner asks for the largest page each API allows, so the number of calls is the minimum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanInventory } from '../../../electron/core/inventory/scanner';
import { MAX_PAGE } from '../../../electron/core/inventory/scan-clients';
import type { RegionInventory } from '../../../shared/domain/inventory';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxScanClients, type CountingClients } from './sandbox-clients';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const sandbox = withSandbox({ scenario: 'empty' });
let clients: CountingClients;

beforeAll(() => {
  clients = sandboxScanClients(sandbox);
});
afterAll(() => clients.destroy());

async function scan(): Promise<RegionInventory> {
  clients.counts.sends.clear();
  clients.counts.attempts.clear();
  const [outcome] = await scanInventory({ account: ACCOUNT, regions: [REGION], clients });
  if (!outcome?.ok) throw new Error(`scan failed: ${String(outcome?.error)}`);
  return outcome.inventory;
}

const calls = (action: string): number => clients.counts.sends.get(`${action}Command`) ?? 0;

describe('pagination', () => {
  it('scans an empty region with one call per list', async () => {
    sandbox.control.loadScenario('empty');
    const inventory = await scan();
    expect(inventory.volumes).toEqual([]);
    expect(inventory.snapshots).toEqual([]);
    expect(inventory.images).toEqual([]);
    expect(inventory.buckets).toEqual([]);
    expect(calls('DescribeVolumes')).toBe(1);
    expect(calls('DescribeSnapshots')).toBe(1);
    expect(calls('DescribeInstances')).toBe(1);
    expect(calls('ListBuckets')).toBe(1);
    // No template: the default-version look-up is skipped.
    expect(calls('DescribeLaunchTemplateVersions')).toBe(0);
    expect(calls('DescribeKey')).toBe(inventory.keys.length);
  });

  it('reads exactly one full page in one call', async () => {
    sandbox.control.loadScenario('large', {
      regions: 1,
      volumesPerRegion: MAX_PAGE.describeVolumes,
      // Each AMI brings its own snapshot: 997 + 3 = one full page.
      snapshotsPerRegion: MAX_PAGE.describeSnapshots - 3,
      imagesPerRegion: 3,
      keysPerRegion: 2,
      buckets: 3,
    });
    const inventory = await scan();
    expect(inventory.volumes).toHaveLength(MAX_PAGE.describeVolumes);
    expect(inventory.snapshots).toHaveLength(MAX_PAGE.describeSnapshots);
    expect(calls('DescribeVolumes')).toBe(1);
    expect(calls('DescribeSnapshots')).toBe(1);
    expect(inventory.buckets).toHaveLength(3);
  });

  it('reads one item past a page boundary in two calls, without duplicates', async () => {
    sandbox.control.loadScenario('large', {
      regions: 1,
      volumesPerRegion: MAX_PAGE.describeVolumes + 1,
      snapshotsPerRegion: MAX_PAGE.describeSnapshots,
      imagesPerRegion: 1,
      keysPerRegion: MAX_PAGE.listAliases + 1,
      buckets: 1,
    });
    const inventory = await scan();
    expect(inventory.volumes).toHaveLength(MAX_PAGE.describeVolumes + 1);
    expect(new Set(inventory.volumes.map((v) => v.id)).size).toBe(MAX_PAGE.describeVolumes + 1);
    expect(inventory.snapshots).toHaveLength(MAX_PAGE.describeSnapshots + 1);
    expect(new Set(inventory.snapshots.map((s) => s.id)).size).toBe(MAX_PAGE.describeSnapshots + 1);
    expect(calls('DescribeVolumes')).toBe(2);
    expect(calls('DescribeSnapshots')).toBe(2);
    // 101 customer aliases (plus AWS's predefined ones) need two ListAliases pages.
    expect(calls('ListAliases')).toBeGreaterThanOrEqual(2);
    const customer = inventory.keys.filter((k) => k.manager === 'CUSTOMER');
    expect(customer).toHaveLength(MAX_PAGE.listAliases + 1);
    expect(customer.every((k) => k.aliases.length === 1)).toBe(true);
    expect(calls('DescribeKey')).toBe(inventory.keys.length);
  });
});

// Throttling and retries: AWS answers RequestLimitExceeded (EC2), ThrottlingException (KMS) or
// SlowDown (S3) now and then; the adaptive retry mode retries and the scan still completes whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanInventory } from '../../../electron/core/inventory/scanner';
import { total } from '../../../electron/core/inventory/call-counter';
import { withSandbox } from '../../helpers/sandbox';
import { sandboxScanClients, type CountingClients } from './sandbox-clients';

const ACCOUNT = '123456789012';
const params = {
  regions: 2,
  volumesPerRegion: 1200,
  snapshotsPerRegion: 1500,
  imagesPerRegion: 5,
  keysPerRegion: 20,
  buckets: 10,
};
const sandbox = withSandbox({ scenario: 'large', scenarioParams: params });
let clients: CountingClients;

beforeAll(() => {
  clients = sandboxScanClients(sandbox);
});
afterAll(() => clients.destroy());

describe('throttling', () => {
  it('retries throttled calls and completes the scan', async () => {
    const faults = [
      {
        kind: 'fail',
        service: 'ec2',
        action: 'DescribeVolumes',
        nth: 2,
        count: 2,
        code: 'RequestLimitExceeded',
        message: 'Request limit exceeded.',
        status: 503,
      },
      {
        kind: 'fail',
        service: 'ec2',
        action: 'DescribeSnapshots',
        nth: 1,
        count: 1,
        code: 'RequestLimitExceeded',
        message: 'Request limit exceeded.',
        status: 503,
      },
      {
        kind: 'fail',
        service: 'kms',
        action: 'DescribeKey',
        nth: 5,
        count: 3,
        code: 'ThrottlingException',
        message: 'Rate exceeded',
        status: 400,
      },
      {
        kind: 'fail',
        service: 's3',
        action: 'GetBucketVersioning',
        nth: 1,
        count: 1,
        code: 'SlowDown',
        message: 'Please reduce your request rate.',
        status: 503,
      },
    ] as const;
    for (const fault of faults) sandbox.control.addFault(fault);
    const outcomes = await scanInventory({ account: ACCOUNT, regions: ['us-east-1', 'us-east-2'], clients });
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(outcome.inventory.errors).toEqual([]);
      expect(outcome.inventory.volumes).toHaveLength(params.volumesPerRegion);
      // AMIs bring their own snapshots.
      expect(outcome.inventory.snapshots).toHaveLength(params.snapshotsPerRegion + params.imagesPerRegion);
      expect(outcome.inventory.keys.filter((k) => k.manager === 'CUSTOMER')).toHaveLength(
        params.keysPerRegion,
      );
    }
    expect(clients.counts.throttled.get('DescribeVolumesCommand')).toBe(2);
    expect(clients.counts.throttled.get('DescribeKeyCommand')).toBe(3);
    expect(total(clients.counts.throttled)).toBe(7);
    // Every throttled attempt was retried once more.
    expect(total(clients.counts.attempts)).toBe(total(clients.counts.sends) + 7);
  });

  it('with retries exhausted, records the refused kind and keeps the rest', async () => {
    sandbox.control.clearFaults();
    const once = sandboxScanClients(sandbox, 1);
    sandbox.control.addFault({
      kind: 'fail',
      service: 'autoscaling',
      action: 'DescribeAutoScalingGroups',
      code: 'AccessDenied',
      message: 'User is not authorized to perform: autoscaling:DescribeAutoScalingGroups',
      status: 403,
    });
    const [outcome] = await scanInventory({ account: ACCOUNT, regions: ['us-east-1'], clients: once });
    once.destroy();
    expect(outcome?.ok).toBe(true);
    if (!outcome?.ok) return;
    expect(outcome.inventory.errors).toEqual([
      expect.objectContaining({ kind: 'autoScalingGroups', code: 'AccessDenied' }),
    ]);
    expect(outcome.inventory.volumes).toHaveLength(params.volumesPerRegion);
  });
});

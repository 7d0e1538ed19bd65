// A sealed migration plan made by the real producer (buildPlan) for two volumes of one running
// instance, with no AWS call: the fixture the importer, renderer and fuzz tests start from.
import type { JournalInstance } from '../../../shared/domain/migration';
import type { Plan } from '../../../shared/plans/plan-document';
import { buildPlan } from '../../../electron/core/migration/plan';
import type { MigrationContext } from '../../../electron/core/migration/migration-context';

export const KEY_ARN = 'arn:aws:kms:us-west-2:123456789012:key/11111111-2222-3333-4444-555555555555';

export const instance: JournalInstance = {
  instanceId: 'i-0123456789abcdef0',
  name: 'avi-controller-1',
  instanceType: 'm5.2xlarge',
  availabilityZone: 'us-west-2a',
  rootDeviceName: '/dev/sda1',
  wasRunning: true,
  status: 'pending',
  volumes: [
    {
      device: '/dev/sda1',
      originalVolumeId: 'vol-0aaaaaaaaaaaaaaa1',
      sizeGiB: 128,
      volumeType: 'gp2',
      multiAttachEnabled: false,
      deleteOnTermination: true,
      originalEncrypted: false,
      tags: [],
    },
    {
      device: '/dev/sdb',
      originalVolumeId: 'vol-0aaaaaaaaaaaaaaa2',
      sizeGiB: 256,
      volumeType: 'gp3',
      iops: 3000,
      throughput: 125,
      multiAttachEnabled: false,
      deleteOnTermination: false,
      originalEncrypted: false,
      tags: [],
    },
  ],
  skipped: [],
  steps: [],
};

export function migrationPlan(): Promise<Plan> {
  const ctx = {
    region: 'us-west-2',
    accountId: '123456789012',
    callerArn: 'arn:aws:iam::123456789012:user/sandbox-admin',
    now: () => Date.parse('2025-01-02T03:04:05Z'),
  } as unknown as MigrationContext;
  return buildPlan(ctx, 'swap', { arn: KEY_ARN, label: 'alias/avi-cmk', state: 'Enabled' }, [instance], []);
}

// A sealed migration plan and a journal in the live view's shapes (as main sends them), for the
// migration component tests.
import type { MigrationJournal } from '../../../shared/domain/migration';
import type { Plan } from '../../../shared/plans/plan-document';

export const INSTANCE = 'i-0a1b2c3d4e5f60001';
export const KEY_ARN = 'arn:aws:kms:us-west-2:123456789012:key/b9c76fe7-735f-461c-9ce0-f8c01e020676';
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

const step = (
  id: string,
  title: string,
  action: string,
  phase: Plan['steps'][number]['phase'],
  seconds: number,
) => ({
  id,
  title,
  action,
  region: 'us-west-2',
  params: {},
  dependsOn: [],
  phase,
  estimatedSeconds: seconds,
});

export const plan: Plan = {
  schema: 'envelope.plan/v1',
  id: 'plan-mig-1',
  kind: 'migration',
  title: 'Encrypt 1 instance with alias/avi-cmk (swap)',
  accountId: '123456789012',
  regions: ['us-west-2'],
  createdAt: '2026-01-01T12:00:00.000Z',
  createdBy: 'arn:aws:iam::123456789012:user/sandbox-admin',
  source: 'live',
  facts: [],
  steps: [
    step('s1', 'Snapshot vol-1 while running', 'ec2:CreateSnapshot', 'online', 1300),
    step('s2', 'Stop avi-controller-1', 'ec2:StopInstances', 'downtime', 60),
    step('s3', 'Create the encrypted replacement of vol-1', 'ec2:CreateVolume', 'downtime', 5),
    step('s4', 'Start avi-controller-1', 'ec2:StartInstances', 'downtime', 30),
  ],
  rollback: [step('r1', 'Reattach vol-1 on /dev/sda1', 'ec2:AttachVolume', 'downtime', 3)],
  expectedDowntimeSeconds: 145,
  estimatedSeconds: 1500,
  warnings: ['avi-controller-1 is a member of a controller cluster: migrate one member at a time.'],
  input: { keyArn: KEY_ARN },
  sha256: 'c'.repeat(64),
};

export function journal(overrides: Partial<MigrationJournal> = {}): MigrationJournal {
  return {
    schema: 'envelope.migration-journal/v1',
    id: 'mig-1a2b3c4d',
    profile: 'sandbox',
    region: 'us-west-2',
    accountId: '123456789012',
    strategy: 'swap',
    keyArn: KEY_ARN,
    keyLabel: 'alias/avi-cmk',
    status: 'verified',
    createdAt: T0,
    updatedAt: T0 + 200_000,
    instances: [
      {
        instanceId: INSTANCE,
        name: 'avi-controller-1',
        instanceType: 'm5.2xlarge',
        availabilityZone: 'us-west-2a',
        rootDeviceName: '/dev/sda1',
        wasRunning: true,
        status: 'verified',
        volumes: [
          {
            device: '/dev/sda1',
            originalVolumeId: 'vol-0de3660075df2bb90',
            sizeGiB: 128,
            volumeType: 'gp3',
            iops: 3000,
            throughput: 125,
            multiAttachEnabled: false,
            deleteOnTermination: true,
            originalEncrypted: false,
            tags: [],
            onlineSnapshotId: 'snap-0aaaaaaaaaaaaaaa1',
            finalSnapshotId: 'snap-091b3e473091b8a0d',
            replacementVolumeId: 'vol-0f261557a638f5628',
            replacementKmsKeyArn: KEY_ARN,
          },
        ],
        skipped: [],
        steps: [
          { step: 'snapshot-online', state: 'done', startedAt: T0, endedAt: T0 + 100_000 },
          { step: 'stop', state: 'done', startedAt: T0 + 100_000, endedAt: T0 + 160_000 },
          { step: 'snapshot-final', state: 'done', startedAt: T0 + 160_000, endedAt: T0 + 170_000 },
          { step: 'start', state: 'done', startedAt: T0 + 170_000, endedAt: T0 + 200_000 },
          { step: 'verify', state: 'done', startedAt: T0 + 200_000, endedAt: T0 + 201_000 },
        ],
        stoppedAt: T0 + 100_000,
        runningAt: T0 + 200_000,
      },
    ],
    ...overrides,
  };
}

// A replace migration paused at its first node: the replacement runs, the user has to confirm.
export const REPLACEMENT = 'i-0f0e0d0c0b0a09081';
export function awaitingReplace(): MigrationJournal {
  const base = journal({ strategy: 'replace', status: 'awaiting-confirmation' });
  const instance = base.instances[0]!;
  return {
    ...base,
    instances: [
      {
        ...instance,
        status: 'awaiting-confirmation',
        stoppedAt: undefined,
        runningAt: undefined,
        steps: [
          { step: 'create-image', state: 'done', startedAt: T0, endedAt: T0 + 100_000 },
          { step: 'copy-encrypted', state: 'done', startedAt: T0 + 100_000, endedAt: T0 + 900_000 },
          { step: 'launch', state: 'done', startedAt: T0 + 900_000, endedAt: T0 + 930_000 },
          { step: 'verify-replacement', state: 'done', startedAt: T0 + 930_000, endedAt: T0 + 931_000 },
        ],
        replace: {
          securityGroupIds: ['sg-0a7c0e11ab5e0c001'],
          tags: [{ Key: 'Name', Value: 'avi-controller-1' }],
          privateIp: '10.0.1.7',
          sourceImageId: 'ami-0aaaaaaaaaaaaaaa1',
          encryptedImageId: 'ami-0bbbbbbbbbbbbbbb2',
          copyFraction: 1,
          replacementInstanceId: REPLACEMENT,
          replacementPrivateIp: '10.0.1.42',
        },
      },
    ],
  };
}

// The drift check over fake EC2/KMS clients: a volume now encrypted, an instance stopped, a key
// disabled, a volume gone — each a drift; a refused connection makes the check 'offline'.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { KMSClient } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { checkDrift } from '../../../electron/core/plans/drift-check';
import { KEY_ARN, migrationPlan } from './fixture';

const notFound = Object.assign(new Error('The volume does not exist.'), { name: 'InvalidVolume.NotFound' });

function fakeClients(
  answer: (command: { constructor: { name: string }; input: Record<string, unknown> }) => unknown,
) {
  const client = { send: (c: never) => Promise.resolve().then(() => answer(c)) };
  return { ec2: () => client as unknown as EC2Client, kms: () => client as unknown as KMSClient };
}

describe('drift check', () => {
  it('lists each drifted attribute and each resource that is gone', async () => {
    const plan = await migrationPlan();
    const report = await checkDrift(
      plan,
      fakeClients((c) => {
        const ids = (c.input.VolumeIds ?? []) as string[];
        switch (c.constructor.name) {
          case 'DescribeInstancesCommand':
            return {
              Reservations: [
                {
                  Instances: [
                    {
                      State: { Name: 'stopped' },
                      InstanceType: 'm5.2xlarge',
                      Placement: { AvailabilityZone: 'us-west-2a' },
                    },
                  ],
                },
              ],
            };
          case 'DescribeVolumesCommand':
            if (ids[0] === 'vol-0aaaaaaaaaaaaaaa2') throw notFound;
            return {
              Volumes: [
                {
                  Size: 128,
                  VolumeType: 'gp2',
                  Encrypted: true,
                  KmsKeyId: KEY_ARN,
                  Attachments: [{ Device: '/dev/sda1' }],
                },
              ],
            };
          case 'DescribeKeyCommand':
            return { KeyMetadata: { KeyState: 'Disabled' } };
          default:
            throw new Error(`unexpected ${c.constructor.name}`);
        }
      }),
    );
    expect(report.status).toBe('drift');
    const short = report.drifts.map((d) => `${d.id}.${d.attribute}:${String(d.planned)}→${String(d.live)}`);
    expect(short).toEqual(
      expect.arrayContaining([
        `${KEY_ARN}.state:Enabled→Disabled`,
        'i-0123456789abcdef0.state:running→stopped',
        'vol-0aaaaaaaaaaaaaaa1.encrypted:false→true',
        `vol-0aaaaaaaaaaaaaaa1.kmsKeyArn:null→${KEY_ARN}`,
        'vol-0aaaaaaaaaaaaaaa2.exists:true→false',
      ]),
    );
    expect(report.drifts).toHaveLength(5);
  });

  it('says the check could not run when AWS is unreachable', async () => {
    const plan = await migrationPlan();
    const report = await checkDrift(
      plan,
      fakeClients(() => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      }),
    );
    expect(report.status).toBe('offline');
    expect(report.reason).toContain('could not run');
    expect(report.drifts).toEqual([]);
  });
});

// The check through the real AWS CLI v2: CreateVolume with a disabled key answers with a
// volume id (AWS authenticates KmsKeyId asynchronously, EC2 API reference), and the volume then
// goes to 'deleted' or 'error', or disappears. The same for a key pending deletion, and for a
// snapshot copy, which ends in 'error' with a StateMessage.
import { describe, expect, it } from 'vitest';
import { aviLab } from '../../../electron/sandbox/scenarios/avi-lab';
import { runAwsCli, runAwsCliRaw, withSandbox } from '../../helpers/sandbox';

const sandbox = withSandbox({ scenario: 'avi-lab' });
const REGION = ['--region', 'us-west-2'];

// The volume's state, or 'gone' once DescribeVolumes no longer knows it; polled a bounded number of
// times until it leaves 'creating'.
async function settledVolume(volumeId: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const result = await runAwsCliRaw(
      ['ec2', 'describe-volumes', '--volume-ids', volumeId, ...REGION],
      sandbox.env,
    );
    if (result.exitCode !== 0) {
      expect(result.stderr).toContain('InvalidVolume.NotFound');
      return 'gone';
    }
    const state = (JSON.parse(result.stdout) as { Volumes: { State: string }[] }).Volumes[0]?.State ?? '';
    if (state !== 'creating') return state;
  }
  throw new Error(`${volumeId} stayed creating`);
}

describe('asynchronous KMS key failures, through the AWS CLI', () => {
  it('create-volume with a disabled or pending-deletion key returns a volume id that then fails', async () => {
    await runAwsCli(['kms', 'disable-key', '--key-id', aviLab.ids.labKeyArn, ...REGION], sandbox.env);
    for (const key of ['alias/lab-ebs', aviLab.ids.pendingDeletionKeyArn]) {
      const created = await runAwsCli<{ VolumeId: string; State: string }>(
        [
          'ec2',
          'create-volume',
          '--availability-zone',
          'us-west-2a',
          '--size',
          '8',
          '--encrypted',
          '--kms-key-id',
          key,
          ...REGION,
        ],
        sandbox.env,
      );
      expect(created.VolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
      expect(created.State).toBe('creating');
      expect(['deleted', 'error', 'gone']).toContain(await settledVolume(created.VolumeId));
    }
  });

  it('copy-snapshot under a disabled key returns a snapshot id that ends in error with a message', async () => {
    const world = sandbox.handle.world;
    const source = [...world.snapshots.values()].find(
      (s) => s.region === 'us-west-2' && s.state === 'completed' && !s.encrypted,
    );
    expect(source).toBeDefined();
    const copy = await runAwsCli<{ SnapshotId: string }>(
      [
        'ec2',
        'copy-snapshot',
        '--source-region',
        'us-west-2',
        '--source-snapshot-id',
        source!.snapshotId,
        '--encrypted',
        '--kms-key-id',
        'alias/lab-ebs',
        ...REGION,
      ],
      sandbox.env,
    );
    expect(copy.SnapshotId).toMatch(/^snap-/);
    let last: { State: string; StateMessage?: string } | undefined;
    for (let attempt = 0; attempt < 40 && last?.State !== 'error'; attempt++) {
      const out = await runAwsCli<{ Snapshots: { State: string; StateMessage?: string }[] }>(
        ['ec2', 'describe-snapshots', '--snapshot-ids', copy.SnapshotId, ...REGION],
        sandbox.env,
      );
      last = out.Snapshots[0];
    }
    expect(last).toMatchObject({ State: 'error', StateMessage: expect.stringMatching(/KMS key/) });
  });
});
